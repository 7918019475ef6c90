import * as fs from 'fs';
import * as path from 'path';
import { AssetHashType } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { defaultCacheDir } from './bundle';
import { displayPath } from './entry-code';
import { buildGoModule, GO_MODULE_METADATA, GoBuildError, GoBuildRequest } from './go-build';
import { refuseCode } from './refuse';
import { CodeTarget, ResolvedCode, TargetedCode } from './targeted-code';
import { Finding } from '../../rules/private/rule';
import { BlueprintGoModuleOptions } from '../options';

/**
 * `BlueprintCode.fromGoModule`: a Go module's main package built with the machine's Go toolchain (no
 * Docker) into `bootstrap` for an OS-only runtime and the function's architecture, cached by the hash of
 * the module's files and the build options.
 */
export class GoModuleCode extends TargetedCode {
  constructor(private readonly dir: string, private readonly options: BlueprintGoModuleOptions) {
    super();
  }

  public resolveFor(scope: Construct, target: CodeTarget): ResolvedCode {
    const shown = `BlueprintCode.fromGoModule(${JSON.stringify(displayPath(this.dir))})`;
    const refuse = (finding: Finding): ResolvedCode => ({ code: refuseCode(scope, finding), sourceMapped: false });
    const runtime = target.runtime ?? lambda.Runtime.PROVIDED_AL2023;
    if (!/^provided\.al2(023)?$/.test(runtime.name)) {
      return refuse({ property: 'Runtime', value: `${JSON.stringify(runtime.name)} for ${shown}`, allowed: 'an OS-only runtime (provided.al2023 or provided.al2)', reason: 'the Go binary is its own runtime: Lambda runs the package\'s bootstrap' });
    }
    if (!fs.existsSync(path.join(this.dir, 'go.mod'))) {
      return refuse({ property: 'Code', value: `${shown}`, allowed: 'a Go module directory (holding go.mod)', reason: 'go build compiles the module\'s main package' });
    }
    const arch = (target.architecture ?? this.options.architecture ?? lambda.Architecture.X86_64).name;
    const goarch = arch === lambda.Architecture.ARM_64.name ? 'arm64' : 'amd64';
    const pkg = this.options.package ?? '.';
    try {
      const request: GoBuildRequest = {
        dir: path.resolve(this.dir),
        pkg,
        goarch,
        cgo: this.options.cgoEnabled ?? false,
        tags: this.options.buildTags ?? [],
        cacheDir: path.resolve(this.options.cacheDir ?? defaultCacheDir()),
      };
      const build = buildGoModule(request);
      // For local runs on a host of the other architecture (the emulator builds a twin from it).
      scope.node.addMetadata(GO_MODULE_METADATA, request);
      return { code: lambda.Code.fromAsset(build.dir, { assetHash: build.hash, assetHashType: AssetHashType.CUSTOM }), sourceMapped: false };
    } catch (e) {
      if (!(e instanceof GoBuildError)) throw e;
      return refuse({ property: 'Code', value: `${shown} (package ${JSON.stringify(pkg)})`, allowed: `a main package that go build compiles for linux/${goarch}`, reason: `${e.message}` });
    }
  }
}
