import * as fs from 'fs';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { displayPath } from './entry-code';
import { refuseCode } from './refuse';
import { CodeTarget, ResolvedCode, TargetedCode } from './targeted-code';
import { BlueprintDirectoryCodeOptions } from '../options';

/** Files listed per directory check (a package this large is judged on those). */
const MAX_FILES = 50_000;

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (out.length >= MAX_FILES) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else out.push(r);
    }
  };
  walk(root, '');
  return out;
}

function readJson(file: string): Record<string, any> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch {
    return undefined;
  }
}

/** Requirement names of a requirements.txt (comments, options and blank lines skipped). */
export function requirementNames(text: string): string[] {
  return text.split('\n').map(l => l.replace(/#.*/, '').trim()).filter(l => l && !l.startsWith('-'))
    .map(l => /^[A-Za-z0-9._-]+/.exec(l)?.[0] ?? l);
}

/** A layout problem of a package directory for a runtime, or undefined when it looks right. */
export function layoutProblem(dir: string, files: string[], runtime?: string): { value: string; allowed: string; reason: string } | undefined {
  if (files.length === 0) {
    return { value: '(an empty directory)', allowed: 'a directory holding the handler and its dependencies', reason: 'Lambda refuses an empty deployment package' };
  }
  if (runtime?.startsWith('nodejs')) {
    const deps = Object.keys(readJson(path.join(dir, 'package.json'))?.dependencies ?? {});
    const missing = deps.filter(d => !fs.existsSync(path.join(dir, 'node_modules', ...d.split('/'), 'package.json')));
    if (missing.length) {
      return {
        value: `(package.json depends on ${missing.join(', ')}, which node_modules lacks)`,
        allowed: 'a directory whose node_modules holds the production dependencies (npm ci --omit=dev in it), or BlueprintCode.fromEntry',
        reason: 'the runtime resolves imports from the package only (Runtime.ImportModuleError)',
      };
    }
  }
  if (runtime?.startsWith('python') && files.includes('requirements.txt')) {
    const names = requirementNames(fs.readFileSync(path.join(dir, 'requirements.txt'), 'utf-8'));
    const vendored = new Set(files.map(f => /^([^/]+)\.(?:dist|egg)-info\//.exec(f)?.[1]).filter((n): n is string => !!n)
      .map(n => n.split('-')[0].toLowerCase().replace(/[-_.]+/g, '_')));
    const missing = names.filter(n => !vendored.has(n.toLowerCase().replace(/[-_.]+/g, '_')));
    if (missing.length) {
      return {
        value: `(requirements.txt lists ${missing.join(', ')}, not vendored: no <name>-<version>.dist-info at the root)`,
        allowed: 'a directory with its requirements installed (pip install -r requirements.txt --target <dir> for the function\'s platform), or BlueprintCode.fromPythonProject',
        reason: 'the runtime imports packages from the package, /opt/python and its standard library only (Runtime.ImportModuleError)',
      };
    }
  }
  if (runtime?.startsWith('java') && !files.some(f => f.endsWith('.class') && !f.startsWith('lib/')) && !files.some(f => /^lib\/[^/]+\.jar$/.test(f))) {
    const rootJars = files.filter(f => /^[^/]+\.jar$/.test(f));
    return {
      value: rootJars.length ? `(${rootJars.join(', ')} at the root, no lib/)` : '(no .class file and no lib/*.jar)',
      allowed: 'compiled classes at the root and dependency jars in lib/ (or the jar itself: Code.fromAsset(\'app.jar\'))',
      reason: 'the Java runtime puts the package root and lib/*.jar on the class path only',
    };
  }
  return undefined;
}

/** `BlueprintCode.fromDirectory`: a package directory deployed as is, its layout checked for the runtime. */
export class DirectoryCode extends TargetedCode {
  constructor(private readonly dir: string, private readonly options: BlueprintDirectoryCodeOptions) {
    super();
  }

  public resolveFor(scope: Construct, target: CodeTarget): ResolvedCode {
    const shown = `BlueprintCode.fromDirectory(${JSON.stringify(displayPath(this.dir))})`;
    if (!fs.existsSync(this.dir) || !fs.statSync(this.dir).isDirectory()) {
      return { code: refuseCode(scope, { property: 'Code', value: `${shown}`, allowed: 'an existing directory', reason: `${this.dir} does not exist or is not a directory` }), sourceMapped: false };
    }
    const problem = layoutProblem(this.dir, listFiles(this.dir), target.runtime?.name);
    if (problem) {
      return { code: refuseCode(scope, { property: 'Code', value: `${shown} ${problem.value}`, allowed: `${problem.allowed}`, reason: `${problem.reason}` }), sourceMapped: false };
    }
    return { code: lambda.Code.fromAsset(this.dir, { exclude: this.options.exclude }), sourceMapped: false };
  }
}
