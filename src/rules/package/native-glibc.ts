import { elfVersionedImports, VersionedImport } from '../../core/private/elf';
import { RUNTIME_OS_FACTS } from '../../limits';
import { codePackageOf, layerPackagesOf, nativeBinariesOf, readPackageFiles } from '../private/packages';
import { Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

/** Binaries named per finding (the count says how many more). */
const SHOWN = 3;
const GLIBC = /^GLIBC_(\d+(?:\.\d+)*)$/;

/** Compares dotted versions numerically: negative when a < b. */
function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The imports of a binary at a glibc version above `glibc`, newest first (then by symbol). */
export function glibcAbove(imports: readonly VersionedImport[], glibc: string): Array<{ symbol: string; version: string }> {
  return imports.map(i => ({ symbol: i.symbol, version: GLIBC.exec(i.version)?.[1] }))
    .filter((i): i is { symbol: string; version: string } => i.version !== undefined && compareVersions(i.version, glibc) > 0)
    .sort((a, b) => compareVersions(b.version, a.version) || a.symbol.localeCompare(b.symbol));
}

/**
 * Native binaries (ELF `bootstrap`, `.so`, `.node`, `bin/*`) in the function's package and in its layers
 * built in this stack import no glibc symbol at a version above the glibc of the runtime's operating
 * system (Amazon Linux 2023: 2.34, Amazon Linux 2: 2.26), read from their `.gnu.version_r` requirements.
 * Statically linked binaries (Go with CGO_ENABLED=0) import none; runtimes whose OS is not known, and
 * packages not on this machine, are not judged.
 */
export const LambdaNativeGlibc: Rule = {
  id: 'LambdaNativeGlibc',
  severity: Severity.ERROR,
  summary: 'Native binaries (ELF bootstrap, .so, .node, bin/*) in the code and in the layers built in the stack need no newer glibc than the runtime\'s OS has (Amazon Linux 2023: 2.34, Amazon Linux 2: 2.26).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const runtime = knownString(e.properties.Runtime);
    const os = runtime === undefined ? undefined : RUNTIME_OS_FACTS.find(o => o.runtimes.test(runtime));
    if (!os) return [];
    const out: Finding[] = [];
    for (const pkg of [codePackageOf(e, index), ...layerPackagesOf(e, index)]) {
      if (!pkg) continue;
      const contents = readPackageFiles(pkg, nativeBinariesOf(pkg).map(b => b.file));
      const wrong = [...contents].sort(([a], [b]) => a.localeCompare(b))
        .map(([file, bytes]) => ({ file, above: glibcAbove(elfVersionedImports(bytes), os.glibc) }))
        .filter(b => b.above.length > 0);
      if (wrong.length === 0) continue;
      const named = wrong.slice(0, SHOWN).map(b => {
        const others = b.above.length > 1 ? ` and ${b.above.length - 1} more symbol${b.above.length > 2 ? 's' : ''} above ${os.glibc}` : '';
        return `${b.file} (imports ${b.above[0].symbol}@GLIBC_${b.above[0].version}${others})`;
      }).join(', ');
      const more = wrong.length > SHOWN ? ` and ${wrong.length - SHOWN} more binaries` : '';
      out.push({
        property: 'Runtime',
        value: `${JSON.stringify(runtime)} (${os.os}, glibc ${os.glibc}) but the ${pkg.label} holds ${named}${more}`,
        allowed: `binaries that need glibc ${os.glibc} or older (link them against an older glibc, e.g. build on ${os.os} or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go)`,
        reason: 'the dynamic loader refuses a binary that needs a newer glibc than the runtime\'s OS has ("version GLIBC_x.y not found"): the function fails only when it is invoked',
      });
    }
    return out;
  },
};
