import { FunctionRef } from './assembly';
import { LocalLambdaError } from './types';
import { buildGoModule, GoBuildError } from '../../code/private/go-build';

/**
 * A function built by `BlueprintCode.fromGoModule` for the other architecture than this host's runs as a
 * host-architecture twin: its Go module is built again, with the same options, for the host (`GOARCH` of
 * the host, cached as any build), and the emulator runs that binary. Pure Go code behaves the same on both
 * architectures, and the twin runs at native speed where user-mode emulation of the whole binary would not.
 *
 * @returns the directory holding the twin's bootstrap (the task root), or undefined when the function's code
 * was not built from a Go module
 */
export function goTwin(ref: FunctionRef, arch: string, host: string, warnings: string[]): string | undefined {
  const source = ref.stack.goModuleOf(ref.path);
  if (!source) return undefined;
  const goarch = host === 'arm64' ? 'arm64' : 'amd64';
  try {
    const twin = buildGoModule({ ...source, goarch });
    warnings.push(`${ref.path} is ${arch}; it runs as a host-architecture twin: its Go module ${source.dir} (package ${source.pkg}) built for this ${host} host (GOARCH=${goarch})`);
    return twin.dir;
  } catch (e) {
    if (!(e instanceof GoBuildError)) throw e;
    throw new LocalLambdaError('WrongArchitecture', `${ref.path}: its bootstrap is native code for ${arch}, which this ${host} host cannot run, and its host-architecture twin could not be built from ${source.dir}: ${e.message}`);
  }
}
