import { architectureOf, codePackageOf, layerPackagesOf, nativeBinariesOf } from '../private/packages';
import { Finding, FUNCTION, Rule, Severity } from '../private/rule';

/** Files named per finding (the count says how many more). */
const SHOWN = 3;

/** How to rebuild: GOARCH for a Go bootstrap, pip's platform for wheels. */
function hint(arch: string, wrong: ReadonlyArray<{ file: string }>): string {
  if (wrong.some(b => b.file.split('/').pop() === 'bootstrap')) return `GOOS=linux GOARCH=${arch === 'arm64' ? 'arm64' : 'amd64'} go build for a Go bootstrap`;
  return `pip --platform manylinux2014_${arch === 'arm64' ? 'aarch64' : 'x86_64'}`;
}

/**
 * Native binaries (ELF `.so`, `.node`, `bootstrap`, `bin/*`) in the function's package and in its layers
 * built in this stack are built for the function's architecture, in directories and zip archives alike (a
 * zip's binaries are read from the archive: only their ELF header is inflated). Packages not on this machine
 * (S3 objects, imported layers) are not judged.
 */
export const LambdaNativeArchitecture: Rule = {
  id: 'LambdaNativeArchitecture',
  severity: Severity.ERROR,
  summary: 'Native binaries (ELF .so, .node, bootstrap, bin/*) in the code and in the layers built in the stack match the function\'s architecture.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const arch = architectureOf(e);
    if (!arch) return [];
    const out: Finding[] = [];
    for (const pkg of [codePackageOf(e, index), ...layerPackagesOf(e, index)]) {
      if (!pkg) continue;
      const wrong = nativeBinariesOf(pkg).filter(b => b.arch !== arch);
      if (wrong.length === 0) continue;
      const named = wrong.slice(0, SHOWN).map(b => `${b.file} (${b.arch})`).join(', ');
      const more = wrong.length > SHOWN ? ` and ${wrong.length - SHOWN} more` : '';
      out.push({
        property: 'Architectures',
        value: `${JSON.stringify(arch)} but the ${pkg.label} holds ${named}${more}`,
        allowed: `native binaries built for ${arch} (rebuild them for ${arch}, e.g. ${hint(arch, wrong)}, or set the function's architecture to match)`,
        reason: 'Lambda cannot load a binary built for another instruction set: the function fails only when it is invoked',
      });
    }
    return out;
  },
};
