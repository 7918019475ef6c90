import { readZipEntries, readZipFiles } from '../../core/private/zip-reader';
import { JAVA_FACTS } from '../../limits';
import { codePackageOf, fileOf, LocatedPackage, readPackageFiles } from '../private/packages';
import { Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

const SHOWN = 3;
/** Class files read per package (a package this large is judged on those). */
const MAX_CLASSES = 20_000;
/** Bytes of a class file that hold its magic number and versions. */
const HEAD = 8;

/** Class files a JVM loads on any version: not those of newer releases in a multi-release jar, nor module-info. */
function isLoadedClass(name: string): boolean {
  return name.endsWith('.class') && !name.startsWith('META-INF/') && !/(^|\/)module-info\.class$/.test(name);
}

/** The major version of a class file's first bytes, undefined when it is not a class file. */
function classMajor(head: Buffer): number | undefined {
  return head.length >= HEAD && head.readUInt32BE(0) === 0xcafebabe ? head.readUInt16BE(6) : undefined;
}

/** Class files of the package above `max`: its own (a jar package or classes at the root) and those of its jars in a directory. */
function newerClasses(pkg: LocatedPackage, max: number): Array<{ file: string; major: number }> {
  const out: Array<{ file: string; major: number }> = [];
  const judge = (prefix: string, heads: Map<string, Buffer>): void => {
    for (const [name, head] of heads) {
      const major = classMajor(head);
      if (major !== undefined && major > max) out.push({ file: `${prefix}${name}`, major });
    }
  };
  judge('', readPackageFiles(pkg, pkg.files.filter(isLoadedClass).slice(0, MAX_CLASSES), HEAD));
  for (const jar of pkg.files.filter(f => /^(lib\/)?[^/]+\.jar$/.test(f))) {
    const file = fileOf(pkg, jar);
    if (file === undefined) continue; // a jar inside a zip package is not judged
    try {
      const classes = readZipEntries(file).map(e => e.name).filter(isLoadedClass).slice(0, MAX_CLASSES);
      judge(`${jar}!/`, readZipFiles(file, classes, HEAD));
    } catch {
      // not a readable jar: not judged
    }
  }
  return out.sort((a, b) => b.major - a.major || a.file.localeCompare(b.file));
}

/**
 * Class files in a Java function's package (a jar deployed as the package, classes at the root, jars at the
 * root or in lib/ of a directory) are no newer than the runtime's Java: major version ≤ Java version + 44
 * (java21: 65). Multi-release classes under META-INF/versions and module-info.class are left out (older
 * JVMs do not load them).
 */
export const LambdaJavaClassVersion: Rule = {
  id: 'LambdaJavaClassVersion',
  severity: Severity.ERROR,
  summary: 'Java class files in the package are no newer than the runtime\'s Java (class file version ≤ Java version + 44, e.g. 65 on java21).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const runtime = knownString(e.properties.Runtime);
    const java = runtime === undefined ? undefined : JAVA_FACTS.runtime.exec(runtime);
    const pkg = java ? codePackageOf(e, index) : undefined;
    if (!java || !pkg) return [];
    const version = Number(java[1]);
    const max = version + JAVA_FACTS.classMajorOffset;
    const newer = newerClasses(pkg, max);
    if (newer.length === 0) return [];
    const named = newer.slice(0, SHOWN).map(c => `${c.file} (version ${c.major}, Java ${c.major - JAVA_FACTS.classMajorOffset})`).join(', ');
    const more = newer.length > SHOWN ? ` and ${newer.length - SHOWN} more` : '';
    return [{
      property: 'Runtime',
      value: `${JSON.stringify(runtime)} (Java ${version}, class files up to version ${max}) but the ${pkg.label} holds ${named}${more}`,
      allowed: `class files compiled for Java ${version} or older (javac --release ${version}, maven.compiler.release ${version}), or a runtime of the Java they were compiled for`,
      reason: 'the JVM refuses a class file newer than itself (UnsupportedClassVersionError): the function fails when it loads the class',
    } satisfies Finding];
  },
};
