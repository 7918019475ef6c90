import { readZipBufferEntries, readZipEntries } from '../../core/private/zip-reader';
import { jsExports, pythonDefines } from '../private/handler-exports';
import { codePackageOf, fileOf, layerPackagesOf, LocatedPackage, readPackageFiles, readPackageText } from '../private/packages';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { handlerFormat } from '../private/runtimes';
import { CfnEntry, isObject, knownString, TemplateIndex } from '../private/template-index';

const NODE_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const NOT_FOUND = 'the function fails on every invocation';

function finding(handler: string, what: string, allowed: string, reason: string): Finding[] {
  return [{ property: 'Handler', value: `${show(handler)} but ${what}`, allowed, reason: `${reason}: ${NOT_FOUND}` }];
}


function nodeExport(handler: string, text: string | undefined, file: string): Finding[] {
  const name = handler.slice(handler.lastIndexOf('.') + 1);
  const names = text === undefined ? undefined : jsExports(text);
  if (!names || names.has(name)) return [];
  return finding(handler, `${file} exports only ${[...names].sort().join(', ')}`, `a function ${file} exports (${file.replace(/\.[cm]?js$/, '')}.<export>)`,
    'the runtime calls the named export of the handler file (Runtime.HandlerNotFound)');
}

function checkNode(handler: string, pkg: LocatedPackage): Finding[] {
  const module = handler.slice(0, handler.lastIndexOf('.'));
  const file = NODE_EXTENSIONS.map(ext => `${module}${ext}`).find(f => pkg.files.includes(f));
  if (!file) {
    return finding(handler, `the ${pkg.label} holds no ${NODE_EXTENSIONS.map(ext => `${module}${ext}`).join(', ')}`,
      'a handler whose file is in the package (<file without extension>.<export>)', 'the runtime loads the handler file from the package root (Runtime.ImportModuleError)');
  }
  return nodeExport(handler, readPackageText(pkg, file), file);
}

function checkPython(handler: string, pkgs: LocatedPackage[]): Finding[] {
  const dot = handler.lastIndexOf('.');
  const module = handler.slice(0, dot).replace(/\./g, '/');
  const name = handler.slice(dot + 1);
  for (const pkg of pkgs) {
    const prefix = pkg.label === 'code' ? '' : 'python/';
    const files = pkg.files.filter(f => f.startsWith(prefix)).map(f => f.slice(prefix.length));
    const source = [`${module}.py`, `${module}/__init__.py`].find(f => files.includes(f));
    if (source) {
      const text = readPackageText(pkg, prefix + source);
      if (text === undefined || pythonDefines(text, name)) return [];
      return finding(handler, `${source} defines no ${name}`, `a function ${source} defines (${handler.slice(0, dot)}.<function>)`,
        'the runtime calls that function of the handler module (Runtime.HandlerNotFound)');
    }
    if (files.some(f => f.startsWith(`${module}.`) && /\.(pyc|so)$/.test(f))) return [];
  }
  return finding(handler, `the code holds no ${module}.py`, 'a handler whose module is in the package (<module>.<function>)',
    'the runtime imports the handler module from the package or /opt/python (Runtime.ImportModuleError)');
}

/** Whether a jar of the package holds the class: a jar in a directory is read in place, one in a zip is inflated. */
function jarHolds(pkg: LocatedPackage, jar: string, classFile: string): boolean | undefined {
  try {
    const file = fileOf(pkg, jar);
    if (file !== undefined) return readZipEntries(file).some(e => e.name === classFile);
    const content = readPackageFiles(pkg, [jar]).get(jar);
    if (content === undefined) return undefined;
    return readZipBufferEntries(content, jar).some(e => e.name === classFile);
  } catch {
    return undefined;
  }
}

function checkJava(handler: string, pkg: LocatedPackage): Finding[] {
  const className = handler.split('::')[0];
  const classFile = `${className.replace(/\./g, '/')}.class`;
  if (pkg.files.includes(classFile)) return [];
  const jars = pkg.files.filter(f => /^(lib\/)?[^/]+\.jar$/.test(f));
  for (const jar of jars) {
    const holds = jarHolds(pkg, jar, classFile);
    if (holds !== false) return []; // found, or a jar that cannot be read: never guess
  }
  return finding(handler, `the ${pkg.label} holds no ${classFile}${jars.length ? ` (nor do ${jars.join(', ')})` : ''}`,
    'a handler class in the package (its classes at the root, or jars at the root or in lib/)', 'the runtime loads the handler class from the package (ClassNotFoundException)');
}

function checkPackage(e: CfnEntry, index: TemplateIndex, runtime: string, handler: string): Finding[] {
  const pkg = codePackageOf(e, index);
  if (!pkg) return [];
  const layers = Array.isArray(e.properties.Layers) ? e.properties.Layers : [];
  if (runtime.startsWith('nodejs')) return checkNode(handler, pkg);
  if (runtime.startsWith('python')) {
    const located = layerPackagesOf(e, index);
    // A layer that is not on this machine may hold the module under /opt/python: then it is not judged.
    if (located.length !== layers.length) return checkPython(handler, [pkg]).filter(f => !f.value.includes('holds no'));
    return checkPython(handler, [pkg, ...located]);
  }
  if (runtime.startsWith('java') && layers.length === 0) return checkJava(handler, pkg);
  return [];
}

/**
 * The handler exists in the package: the Node.js handler file exports the named function (checked on the
 * bundle, the file or the inline code), the Python module defines it, the Java class file is present.
 * Only packages found on this machine through their asset (or inline code) are read, directories and zip
 * archives alike (a jar inside a zip package is inflated in memory to list its classes).
 */
export const LambdaHandlerPresent: Rule = {
  id: 'LambdaHandlerPresent',
  severity: Severity.ERROR,
  summary: 'The handler is in the package: the Node.js file exports it, the Python module defines it, the Java class file is there.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const code = e.properties.Code;
    const handler = knownString(e.properties.Handler);
    const runtime = knownString(e.properties.Runtime);
    if (!isObject(code) || handler === undefined || runtime === undefined) return [];
    // A handler not in the runtime's form is LambdaHandler's finding.
    const format = handlerFormat(runtime);
    if (!format || !format.pattern.test(handler)) return [];
    const inline = knownString(code.ZipFile);
    if (inline !== undefined) {
      if (runtime.startsWith('nodejs') && handler.startsWith('index.')) return nodeExport(handler, inline, 'index.js');
      if (runtime.startsWith('python') && handler.startsWith('index.') && !pythonDefines(inline, handler.slice(6))) {
        return finding(handler, `index.py defines no ${handler.slice(6)}`, 'a function index.py defines (index.<function>)', 'the runtime calls that function of the handler module (Runtime.HandlerNotFound)');
      }
      return [];
    }
    return checkPackage(e, index, runtime, handler);
  },
};
