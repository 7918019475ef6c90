/**
 * The main command (`npx projen synth:examples`): synthesizes every app in examples/ into
 * cdk.out/<example>/ and prints a one-screen summary per stack — each function with memory, timeout,
 * architecture, where its events come from and where failed events go — and the cdk-nag result
 * (AwsSolutions + Serverless). Exits non-zero when an example fails to synthesize or has an
 * unacknowledged finding.
 *
 * Usage: npx projen synth:examples [name ...]   (default: every example)
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagPack, ServerlessChecks } from 'cdk-nag';
import { countAcknowledged, stackSummary } from '../src/report/summary';
import { TemplateModel } from '../src/report/template-model';

const root = path.join(__dirname, '..');
const examplesDir = path.join(root, 'examples');

function packs(): NagPack[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()];
}

function nagOf(stack: Stack): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pack of packs()) {
    out[pack.readPackName] = pack.validateScope(stack).violations
      .flatMap(v => v.violatingResources.map(r => `${v.ruleName} @ ${r.constructPath}`));
  }
  return out;
}

function main(): void {
  const wanted = process.argv.slice(2);
  const names = fs.readdirSync(examplesDir).filter(f => f.endsWith('.ts')).map(f => f.replace(/\.ts$/, ''))
    .filter(n => wanted.length === 0 || wanted.includes(n)).sort();
  let failed = 0;
  const started = Date.now();
  for (const name of names) {
    const outdir = path.join(root, 'cdk.out', name);
    fs.rmSync(outdir, { recursive: true, force: true });
    console.log(`\n=== ${name} → cdk.out/${name}/`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(examplesDir, name));
      const app: App = mod.buildApp(new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } }));
      const assembly = app.synth();
      for (const stack of app.node.children.filter(Stack.isStack)) {
        const template = assembly.getStackByName(stack.stackName).template;
        const model = new TemplateModel(template, stack.stackName);
        const findings = nagOf(stack);
        const resources = Object.keys(template.Resources ?? {});
        console.log(stackSummary(stack.stackName, model, resources.length, { findings, acknowledged: countAcknowledged(model, resources) }));
        if (Object.values(findings).some(f => f.length > 0)) failed++;
      }
    } catch (e) {
      failed++;
      console.log(`  FAILED: ${(e as Error).message}`);
    }
  }
  console.log(`\n${names.length} examples synthesized in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed === 0 ? 'all clean' : `${failed} with problems`}.`);
  if (failed > 0 || process.exitCode) process.exitCode = 1;
}

main();
