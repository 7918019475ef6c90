import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { BlueprintFunction, BlueprintFunctionProps, KinesisToFunction, QueueToFunction, SnsToFunction } from '../../src';
import { TemplateModel } from '../../src/report/private/template-model';
import { eventGraph } from '../../src/rules/private/event-graph';
import { TemplateIndex } from '../../src/rules/private/template-index';

const functionProps: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
};

function shop(): Stack {
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Shop', { env: { account: '123456789012', region: 'us-east-1' } });
  const plain = new BlueprintFunction(stack, 'Plain', functionProps);
  new QueueToFunction(stack, 'Jobs', { functionProps });
  new KinesisToFunction(stack, 'Orders', { functionProps });
  new SnsToFunction(stack, 'Trigger', { function: plain, topic: new sns.Topic(stack, 'Topic', { enforceSSL: true }) });
  return stack;
}

describe('one template model for the rules, the report and the dashboard', () => {
  test('the report reads the rules\' index of a stack as it reads the synthesized template', () => {
    const stack = shop();
    const fromTemplate = new TemplateModel(Template.fromStack(stack).toJSON(), 'Shop');
    const fromIndex = new TemplateModel(TemplateIndex.build(stack), 'Shop');
    expect(fromIndex.functionIds).toEqual(fromTemplate.functionIds);
    expect(fromIndex.edges).toEqual(fromTemplate.edges);
    expect(fromIndex.functionIds.map(id => fromIndex.facts(id))).toEqual(fromTemplate.functionIds.map(id => fromTemplate.facts(id)));
    expect(fromTemplate.edges.filter(e => e.kind === 'event').map(e => `${fromTemplate.labelOf(e.from)} -> ${fromTemplate.nameOf(e.to)}`).sort()).toEqual([
      'Kinesis stream Orders -> Orders',
      'SNS topic Topic -> Plain',
      'SQS queue Jobs -> Jobs',
    ]);
  });

  test('the rules\' graph and the report\'s share one edge type (logical ids, kind, label)', () => {
    const stack = shop();
    const index = TemplateIndex.build(stack);
    const report = new TemplateModel(index);
    const ruleEdges = [...eventGraph(index).values()].flat();
    const ids = new Set(index.all.map(e => e.logicalId));
    for (const e of [...ruleEdges, ...report.edges]) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      expect(['event', 'failure', 'success', 'write']).toContain(e.kind);
    }
    // Both see the SNS subscription of Plain.
    const topic = index.ofType('AWS::SNS::Topic')[0].logicalId;
    const plain = index.ofType('AWS::Lambda::Function').find(f => f.path.includes('/Plain/'))!.logicalId;
    expect(ruleEdges.some(e => e.from === topic && e.to === plain && e.kind === 'event')).toBe(true);
    expect(report.edges.some(e => e.from === topic && e.to === plain && e.kind === 'event')).toBe(true);
  });
});
