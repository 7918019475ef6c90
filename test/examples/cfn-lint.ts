import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The cfn-lint release the tests pin (build-tools/requirements-test.txt, which `.ci/run` installs). */
export const CFN_LINT_VERSION = /^cfn-lint==(\S+)$/m.exec(
  fs.readFileSync(path.join(__dirname, '..', '..', 'build-tools', 'requirements-test.txt'), 'utf-8'))![1];

/** One cfn-lint finding, as its JSON format prints it. */
export interface CfnLintFinding { Rule: { Id: string }; Filename: string; Message: string; Location?: { Path?: unknown[] } }

/**
 * Warnings an example may have, each with the reason it is right. Nothing else is accepted.
 */
export const IGNORED: Record<string, string> = {
  // aws-cdk-lib's lambda.Function adds DependsOn on its role (and the role's default policy) on purpose:
  // the policy must exist before the function is created, which the Role GetAtt alone does not ensure.
  W3005: 'redundant DependsOn written by aws-cdk-lib lambda.Function (the role policy must exist before the function)',
};

/** Runs the pinned cfn-lint over `templates` and returns every finding (fails when another version is installed). */
export function cfnLint(templates: string[]): CfnLintFinding[] {
  const install = 'pip install -r build-tools/requirements-test.txt';
  let version: string;
  try {
    version = execFileSync('cfn-lint', ['--version'], { encoding: 'utf-8' }).trim();
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new Error(`cfn-lint is not installed: ${install}`);
    throw e;
  }
  if (version !== `cfn-lint ${CFN_LINT_VERSION}`) throw new Error(`${version} is installed, the tests pin cfn-lint ${CFN_LINT_VERSION}: ${install}`);
  let out: string;
  try {
    out = execFileSync('cfn-lint', ['--format', 'json', ...templates], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // cfn-lint exits non-zero when it finds something; its JSON report is still on stdout.
    out = (e as { stdout?: string }).stdout ?? '[]';
  }
  return JSON.parse(out || '[]');
}

/** The findings outside the documented list, as `rule file: message` lines. */
export function unexpectedFindings(findings: CfnLintFinding[]): string[] {
  return findings.filter(f => !(f.Rule.Id in IGNORED)).map(f => `${f.Rule.Id} ${path.basename(f.Filename)}: ${f.Message}`);
}
