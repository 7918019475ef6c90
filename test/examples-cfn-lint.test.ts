import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';

/**
 * cfn-lint (1.51, preinstalled on the build machines: `pip install cfn-lint==1.51.0`) over the template of
 * every example: no error, and no warning beyond this documented list.
 */
const IGNORED: Record<string, string> = {
  // aws-cdk-lib's lambda.Function adds DependsOn on its role (and the role's default policy) on purpose:
  // the policy must exist before the function is created, which the Role GetAtt alone does not ensure.
  W3005: 'redundant DependsOn written by aws-cdk-lib lambda.Function (the role policy must exist before the function)',
};

const examplesDir = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(examplesDir).filter(f => f.endsWith('.ts')).map(f => f.replace(/\.ts$/, '')).sort();

interface Finding { Rule: { Id: string }; Filename: string; Message: string; Location?: { Path?: unknown[] } }

/**
 * cfn-lint 1.51's schema predates `Tags` on AWS::CloudWatch::Dashboard, which CloudFormation accepts (up to
 * 50) and aws-cdk-lib 2.276 renders for `Tags.of(scope).add` (the platform-standards example tags every
 * resource, the stack's BlueprintDashboard included). Only that one finding is set aside.
 */
function dashboardTags(f: Finding): boolean {
  const p = f.Location?.Path ?? [];
  if (f.Rule.Id !== 'E3002' || p[0] !== 'Resources' || p[2] !== 'Properties' || p[3] !== 'Tags' || p.length !== 4) return false;
  const template = JSON.parse(fs.readFileSync(f.Filename, 'utf-8'));
  return template.Resources?.[String(p[1])]?.Type === 'AWS::CloudWatch::Dashboard';
}

describe('cfn-lint over every example template', () => {
  const templates: string[] = [];
  let findings: Finding[] = [];

  beforeAll(() => {
    const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-cfn-lint-'));
    for (const name of examples) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(examplesDir, name));
      const outdir = path.join(outRoot, name);
      const assembly = (mod.buildApp(new App({ outdir })) as App).synth();
      for (const stack of assembly.stacks) templates.push(path.join(outdir, stack.templateFile));
    }
    let out: string;
    try {
      out = execFileSync('cfn-lint', ['--format', 'json', ...templates], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      const err = e as { code?: string; stdout?: string };
      if (err.code === 'ENOENT') throw new Error('cfn-lint is not installed: pip install cfn-lint==1.51.0');
      // cfn-lint exits non-zero when it finds something; its JSON report is still on stdout.
      out = err.stdout ?? '[]';
    }
    findings = JSON.parse(out || '[]');
  }, 240_000);

  test('every example has a template', () => {
    expect(templates.length).toBeGreaterThanOrEqual(examples.length);
  });

  test('no errors and no warnings beyond the documented list', () => {
    const unexpected = findings
      .filter(f => !(f.Rule.Id in IGNORED))
      .filter(f => !dashboardTags(f))
      .map(f => `${f.Rule.Id} ${path.basename(f.Filename)}: ${f.Message}`);
    expect(unexpected).toEqual([]);
  });

  test('no placeholder availability zones (W3010) anywhere', () => {
    expect(findings.filter(f => f.Rule.Id === 'W3010')).toEqual([]);
    for (const t of templates) expect(fs.readFileSync(t, 'utf-8')).not.toMatch(/dummy1[a-z]/);
  });
});
