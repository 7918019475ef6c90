import { App, Stack, Stage } from 'aws-cdk-lib';
import { BlueprintFunction, BlueprintStandards } from '../../src';
import { markdownReport } from '../../src/report/private/markdown';
import { stackSummary } from '../../src/report/private/summary';
import { TemplateJson, TemplateModel } from '../../src/report/private/template-model';
import { FN_PROPS } from '../rules/modes';

/** A synthesized stack with one function under two standards and one function outside any. */
function synthesized(): { governed: TemplateModel; bare: TemplateModel } {
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  BlueprintStandards.of(app).apply({ name: 'acme', defaults: { memorySize: 512 } });
  const stage = new Stage(app, 'Prod', { env: { account: '123456789012', region: 'us-east-1' } });
  const stack = new Stack(stage, 'Api');
  BlueprintStandards.of(stack).apply({ name: 'api-team', defaults: { memorySize: 1536 } });
  new BlueprintFunction(stack, 'Handler', { ...FN_PROPS, timeout: undefined, architecture: undefined });
  new BlueprintFunction(stack, 'Tuned', { ...FN_PROPS, memorySize: 256 });
  const bareStack = new Stack(new App({ context: { 'aws:cdk:enable-path-metadata': true } }), 'Bare');
  new BlueprintFunction(bareStack, 'Plain', FN_PROPS);
  const template = (s: Stack) => (s.node.root as App | Stage).synth().getStackArtifact(s.artifactId).template as TemplateJson;
  return { governed: new TemplateModel(template(stack)), bare: new TemplateModel(template(bareStack)) };
}

const NAG = { findings: {}, acknowledged: 0 };

describe('the blueprint report shows the standards in force and where each value came from', () => {
  const { governed, bare } = synthesized();
  const report = markdownReport('Api', governed, NAG);

  test('a section per function under a standard, with the provenance column', () => {
    expect(report).toContain('## Platform standards');
    expect(report).toContain('Standards in force: standard "acme" set at the app; standard "api-team" set at Prod/Api');
    expect(report).toContain('| setting | value | from |');
    expect(report).toMatch(/### Prod\/Api\/Handler\n\n[^#]*\| memorySize \| 1536 MB \| standard "api-team" set at Prod\/Api \|/);
    expect(report).toMatch(/### Prod\/Api\/Tuned\n\n[^#]*\| memorySize \| 256 MB \| prop \|/);
    expect(report).toMatch(/\| architecture \| arm64 \| library default \|/);
    expect(report).toMatch(/\| timeout \| 30 seconds \| library default \|/);
    expect(report).toMatch(/\| logRetention \| 30 days \| library default \|/);
  });
  test('the synth summary names the standards and what they set', () => {
    const summary = stackSummary('Api', governed, 0, NAG);
    expect(summary).toMatch(/λ Prod\/Api\/Handler: 1536 MB[^\n]*\n {6}standards: standard "acme" set at the app; standard "api-team" set at Prod\/Api\n {6}from standards: memorySize 1536 MB \(standard "api-team" set at Prod\/Api\)\n/);
    expect(summary).toMatch(/λ Prod\/Api\/Tuned: 256 MB[^\n]*\n[^\n]*\n {6}from standards: nothing \(props and library defaults\)\n/);
  });
  test('a stack without standards has neither', () => {
    expect(markdownReport('Bare', bare, NAG)).not.toContain('Platform standards');
    expect(stackSummary('Bare', bare, 0, NAG)).not.toContain('standards:');
  });
});
