import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, NagAcknowledgements } from '../../src';
import { markdownReport } from '../../src/report/private/markdown';
import { TemplateModel } from '../../src/report/private/template-model';
import { nagFindings, newStack, synthErrors } from '../helpers';

const props = { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});') };
const REASON = 'The worker lists and reads any object of the two data buckets; keys are only known at run time.';

/** A function whose role holds two wildcard statements: two granular AwsSolutions-IAM5 findings. */
function wildcardFunction(stack: ReturnType<typeof newStack>, id = 'Fn'): BlueprintFunction {
  const fn = new BlueprintFunction(stack, id, props);
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::data-a/*'] }));
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:List*'], resources: ['arn:aws:s3:::data-b'] }));
  return fn;
}

describe('NagAcknowledgements.addRule', () => {
  test('without it, the granular IAM5 findings are reported', () => {
    const stack = newStack();
    wildcardFunction(stack);
    Template.fromStack(stack);
    expect(nagFindings(stack).filter(f => f.startsWith('AwsSolutions-IAM5'))).toEqual([
      'AwsSolutions-IAM5[Action::s3:List*] @ Test/Fn/ServiceRole/DefaultPolicy/Resource',
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::data-a/*] @ Test/Fn/ServiceRole/DefaultPolicy/Resource',
    ]);
  });

  test('one call acknowledges every finding of the rule under the scope, each with the reason in the template', () => {
    const stack = newStack();
    const fn = wildcardFunction(stack);
    NagAcknowledgements.addRule(fn, 'AwsSolutions-IAM5', REASON);
    const template = Template.fromStack(stack);
    expect(nagFindings(stack)).toEqual([]);
    const policy = Object.values(template.findResources('AWS::IAM::Policy'))[0];
    const suppressed = policy.Metadata.cdk_nag.rules_to_suppress as Array<{ id: string; reason: string }>;
    expect(suppressed.filter(r => r.reason === REASON).map(r => r.id).sort()).toEqual([
      'AwsSolutions-IAM5[Action::s3:List*]', 'AwsSolutions-IAM5[Resource::arn:aws:s3:::data-a/*]',
    ]);
    // Only the resource that has the findings carries the acknowledgement.
    const resources = template.toJSON().Resources as Record<string, any>;
    const carrying = Object.entries(resources)
      .filter(([, r]) => JSON.stringify(r.Metadata ?? {}).includes(REASON)).map(([id]) => id);
    expect(carrying).toEqual([expect.stringMatching(/^FnServiceRoleDefaultPolicy/)]);
  });

  test('a reason under 20 characters (or none) is refused at synth, with the rule and the length', () => {
    const stack = newStack();
    const fn = wildcardFunction(stack);
    NagAcknowledgements.addRule(fn, 'AwsSolutions-IAM5', 'fine');
    NagAcknowledgements.add(fn, 'Serverless-LambdaDLQ', undefined as unknown as string);
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn] LambdaBlueprints-NagAcknowledgementReason: acknowledgement of AwsSolutions-IAM5 is with the reason "fine" (4 characters), allowed is a reason of at least 20 characters, because an acknowledgement must tell a reviewer why the finding is acceptable.',
      '[Test/Fn] LambdaBlueprints-NagAcknowledgementReason: acknowledgement of Serverless-LambdaDLQ is with the reason "" (0 characters), allowed is a reason of at least 20 characters, because an acknowledgement must tell a reviewer why the finding is acceptable.',
    ]);
  });

  test('the blueprint report lists every acknowledgement with its reason', () => {
    const stack = newStack();
    NagAcknowledgements.addRule(wildcardFunction(stack), 'AwsSolutions-IAM5', REASON);
    const template = Template.fromStack(stack).toJSON();
    const model = new TemplateModel(template as any, 'Test');
    const report = markdownReport('Test', model, { findings: {}, acknowledged: 0 });
    const all = model.acknowledgements;
    expect(all.length).toBeGreaterThan(3);
    expect(report).toContain('## Acknowledgements');
    for (const a of all) expect(report).toContain(`| ${a.resource} | ${a.ruleId} | ${a.reason.replace(/\|/g, '\\|')} |`);
    expect(all).toContainEqual({
      resource: expect.stringMatching(/^FnServiceRoleDefaultPolicy/), ruleId: 'AwsSolutions-IAM5[Action::s3:List*]', reason: REASON,
    });
  });
});

describe('NagAcknowledgements.add', () => {
  test('records the acknowledgement with its reason and leaves the stack trace limit as it was, also when recording throws', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', props);
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 17;
    NagAcknowledgements.add(fn, 'AwsSolutions-IAM5[Resource::*]', REASON);
    expect(Error.stackTraceLimit).toBe(17);
    const recorded = fn.node.metadata.filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map(m => m.data);
    expect(recorded).toContainEqual({ 'Annotation::AwsSolutions-IAM5[Resource::*]': REASON });
    const spy = jest.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => { throw new Error('recording failed'); });
    try {
      expect(() => NagAcknowledgements.add(fn, 'AwsSolutions-L1', REASON)).toThrow('recording failed');
    } finally {
      spy.mockRestore();
    }
    expect(Error.stackTraceLimit).toBe(17);
    Error.stackTraceLimit = before;
  });
});
