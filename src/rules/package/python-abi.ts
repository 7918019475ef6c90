import { codePackageOf, layerPackagesOf } from '../private/packages';
import { Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

/** `pkg/_speedups.cpython-311-aarch64-linux-gnu.so` → `311`. */
const EXTENSION = /(?:^|\/)[^/]+\.cpython-(\d{2,3})[a-z]*-[^/]*\.so$/;
const SHOWN = 3;

/**
 * Python extension modules in the code and layers are built for the runtime's CPython version
 * (`cpython-313` on python3.13); `abi3` (stable ABI) modules load on every newer version.
 */
export const LambdaPythonAbi: Rule = {
  id: 'LambdaPythonAbi',
  severity: Severity.ERROR,
  summary: 'Python extension modules (cpython-3XY .so files) in the code and in the layers built in the stack match the runtime\'s Python version.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const runtime = knownString(e.properties.Runtime);
    const version = runtime === undefined ? undefined : /^python(\d)\.(\d+)$/.exec(runtime);
    if (!version) return [];
    const tag = `${version[1]}${version[2]}`;
    const out: Finding[] = [];
    for (const pkg of [codePackageOf(e, index), ...layerPackagesOf(e, index)]) {
      if (!pkg) continue;
      const wrong = pkg.files.filter(f => {
        const m = EXTENSION.exec(f);
        return m !== null && m[1] !== tag;
      }).sort();
      if (wrong.length === 0) continue;
      const more = wrong.length > SHOWN ? ` and ${wrong.length - SHOWN} more` : '';
      out.push({
        property: 'Runtime',
        value: `${JSON.stringify(runtime)} but the ${pkg.label} holds ${wrong.slice(0, SHOWN).join(', ')}${more}`,
        allowed: `extension modules built for CPython ${version[1]}.${version[2]} (cpython-${tag}) or the stable ABI (abi3)`,
        reason: 'CPython loads only extension modules built for its own version: the import fails when the function is invoked',
      });
    }
    return out;
  },
};
