import { codePackageOf, fileModesOf, layerPackagesOf } from '../private/packages';
import { Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

const SHOWN = 3;
const FAILS = 'the function fails on every invocation (Runtime.InvalidEntrypoint)';

/** Whether Unix permission bits give read and execute to the owner, the group and everyone else. */
export function readableAndExecutableByAll(mode: number): boolean {
  return [0o100, 0o10, 0o1].every(shift => [5, 7].includes(Math.floor(mode / shift) % 8));
}

/**
 * An OS-only runtime (`provided.al2023`, `provided.al2`) finds its `bootstrap` at the root of the
 * function's package (or of a layer, `/opt/bootstrap`), readable and executable by everyone (Lambda runs it
 * as a user that does not own it). Directories and zip archives made on Unix are judged; a function with a
 * layer that is not on this machine is judged only on its bootstrap's mode.
 */
export const LambdaBootstrap: Rule = {
  id: 'LambdaBootstrap',
  severity: Severity.ERROR,
  summary: 'An OS-only runtime (provided.*) finds an executable bootstrap (mode 755) at the root of the package or of a layer built in the stack.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const runtime = knownString(e.properties.Runtime);
    if (runtime === undefined || !runtime.startsWith('provided')) return [];
    const pkg = codePackageOf(e, index);
    if (!pkg) return [];
    const subject = `the package of a ${JSON.stringify(runtime)} function`;
    if (pkg.files.includes('bootstrap')) {
      const mode = fileModesOf(pkg, ['bootstrap']).get('bootstrap');
      if (mode === undefined || readableAndExecutableByAll(mode)) return [];
      return [{
        property: 'Code',
        value: `${subject}, whose bootstrap has mode ${mode.toString(8).padStart(3, '0')}`,
        allowed: 'a bootstrap readable and executable by everyone (mode 755: chmod 755 bootstrap before synth; the asset keeps the mode)',
        reason: `Lambda runs bootstrap as a user that does not own the file: ${FAILS}`,
      } satisfies Finding];
    }
    const layers = Array.isArray(e.properties.Layers) ? e.properties.Layers : [];
    const located = layerPackagesOf(e, index);
    // A layer that is not on this machine may hold /opt/bootstrap: then it is not judged.
    if (located.length !== layers.length || located.some(l => l.files.includes('bootstrap'))) return [];
    const nested = pkg.files.filter(f => f.endsWith('/bootstrap')).sort();
    const more = nested.length > SHOWN ? ` and ${nested.length - SHOWN} more` : '';
    const holds = nested.length > 0 ? `holding ${nested.slice(0, SHOWN).join(', ')}${more} but no bootstrap at its root` : 'holding no bootstrap';
    return [{
      property: 'Code',
      value: `${subject}, ${holds}${layers.length ? ' (nor do its layers)' : ''}`,
      allowed: 'an executable file named bootstrap at the root of the package (or of a layer: /opt/bootstrap)',
      reason: `an OS-only runtime starts /var/task/bootstrap, else /opt/bootstrap, and nothing else: ${FAILS}`,
    }];
  },
};
