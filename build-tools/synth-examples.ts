/**
 * The main command (`npx projen synth:examples`): synthesizes every app in examples/ into
 * cdk.out/<example>/ and prints a one-screen summary per stack — each function with memory, timeout,
 * architecture, where its events come from and where failed events go — and the cdk-nag result
 * (AwsSolutions + Serverless, and this library's LambdaBlueprints pack). Exits non-zero when an example fails to synthesize or has an
 * unacknowledged finding.
 *
 * Next to each app it writes cdk.out/<example>/blueprint-report.md: the functions table, every event
 * path as a Mermaid flowchart, a monthly cost estimate and the cdk-nag results; and per stack, SVG pictures
 * linked from the report: the event paths (<stack>-event-paths.svg) and the layout of each dashboard.
 *
 * Usage: npx projen synth:examples [name ...] [--invocations N] [--duration-ms N] [--free-tier]
 *        (default: every example, 1,000,000 invocations a month of 100 ms, no free tier)
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagPack, ServerlessChecks } from 'cdk-nag';
import { LambdaBlueprintChecks } from '../src';
import { DEFAULT_REPORT_OPTIONS, markdownReport, ReportOptions } from '../src/report/private/markdown';
import { measurePackages } from '../src/report/private/packages';
import { countAcknowledged, stackSummary } from '../src/report/private/summary';
import { reportPictures } from '../src/report/private/svg';
import { TemplateModel } from '../src/report/private/template-model';

const root = path.join(__dirname, '..');
const examplesDir = path.join(root, 'examples');

function packs(): NagPack[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks(), new LambdaBlueprintChecks()];
}

/** The context every example is synthesized with (what `cdk synth` sets by default, without metadata noise). */
export const EXAMPLE_CONTEXT = { 'aws:cdk:enable-path-metadata': true };

/**
 * Synthesizes one example into `outdir` exactly as `npx projen synth:examples` does.
 * @param name the example's file name without `.ts`
 */
export function synthExample(name: string, outdir: string): { app: App; assembly: ReturnType<App['synth']> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(examplesDir, name));
  const app: App = mod.buildApp(new App({ outdir, context: EXAMPLE_CONTEXT }));
  return { app, assembly: app.synth() };
}

/** The apps in examples/ (each `examples/<name>.ts` with a `buildApp()`), sorted. */
export function exampleNames(): string[] {
  return fs.readdirSync(examplesDir).filter(f => f.endsWith('.ts')).map(f => f.replace(/\.ts$/, '')).sort();
}

function nagOf(stack: Stack): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pack of packs()) {
    out[pack.readPackName] = pack.validateScope(stack).violations
      .flatMap(v => v.violatingResources.map(r => `${v.ruleName} @ ${r.constructPath}`));
  }
  return out;
}

function parseArgs(argv: string[]): { wanted: string[]; options: ReportOptions } {
  const wanted: string[] = [];
  let options = { ...DEFAULT_REPORT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--invocations') options = { ...options, monthlyInvocations: Number(argv[++i]) };
    else if (argv[i] === '--duration-ms') options = { ...options, averageDurationMs: Number(argv[++i]) };
    else if (argv[i] === '--free-tier') options = { ...options, includeFreeTier: true };
    else wanted.push(argv[i]);
  }
  return { wanted, options };
}

function main(): void {
  const { wanted, options } = parseArgs(process.argv.slice(2));
  const names = exampleNames().filter(n => wanted.length === 0 || wanted.includes(n));
  let failed = 0;
  const started = Date.now();
  for (const name of names) {
    const outdir = path.join(root, 'cdk.out', name);
    fs.rmSync(outdir, { recursive: true, force: true });
    console.log(`\n=== ${name} → cdk.out/${name}/`);
    try {
      const { app, assembly } = synthExample(name, outdir);
      const report: string[] = [];
      for (const stack of app.node.children.filter(Stack.isStack)) {
        const template = assembly.getStackByName(stack.stackName).template;
        const model = new TemplateModel(template, stack.stackName);
        const findings = nagOf(stack);
        const resources = Object.keys(template.Resources ?? {});
        const nag = { findings, acknowledged: countAcknowledged(model, resources) };
        const packages = measurePackages(stack);
        console.log(stackSummary(stack.stackName, model, resources.length, nag, packages));
        const pictures = reportPictures(stack.stackName, model);
        for (const p of pictures) fs.writeFileSync(path.join(outdir, p.file), p.svg);
        report.push(markdownReport(stack.stackName, model, nag, options, packages, pictures));
        if (Object.values(findings).some(f => f.length > 0)) failed++;
      }
      fs.writeFileSync(path.join(outdir, 'blueprint-report.md'), report.join('\n'));
      console.log(`  report: cdk.out/${name}/blueprint-report.md`);
    } catch (e) {
      failed++;
      console.log(`  FAILED: ${(e as Error).message}`);
    }
  }
  console.log(`\n${names.length} examples synthesized in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed === 0 ? 'all clean' : `${failed} with problems`}.`);
  if (failed > 0 || process.exitCode) process.exitCode = 1;
}

if (require.main === module) main();
