import { Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunction, BlueprintStandards, RuleResource, RuleViolation, StandardRule } from '../../src';
import { both, constructMode, FN_PROPS, newStack, ofRule, packMode } from '../rules/modes';

/** A company rule: every function names its owner in a tag. */
class OwnerTagRequired extends StandardRule {
  constructor() {
    super({ id: 'AcmeOwnerTag' });
  }

  public check(resource: RuleResource): RuleViolation[] {
    const tags: Array<{ Key: string; Value: string }> = resource.property('Tags') ?? [];
    if (tags.some(t => t.Key === 'owner')) return [];
    return [{ property: 'Tags', value: 'no "owner" tag', allowed: 'an "owner" tag', reason: 'on-call needs to know whom to page' }];
  }
}

/** A company rule on another resource type: queues keep messages at least 4 days. */
class QueueRetention extends StandardRule {
  constructor() {
    super({ id: 'AcmeQueueRetention', resourceTypes: ['AWS::SQS::Queue'] });
  }

  public check(resource: RuleResource): RuleViolation[] {
    const seconds = resource.property('MessageRetentionPeriod');
    if (typeof seconds !== 'number' || seconds >= 345_600) return [];
    return [{ property: 'MessageRetentionPeriod', value: `${seconds} s`, allowed: 'at least 345,600 s', reason: 'a long weekend must not lose messages' }];
  }
}

function governed(): Stack {
  const stack = newStack();
  BlueprintStandards.of(stack).apply({ name: 'acme', rules: { customRules: [new OwnerTagRequired(), new QueueRetention()] } });
  return stack;
}

describe('a custom rule written in TypeScript', () => {
  test('refuses a function without the tag, under its own id, in both modes', () => {
    const s = governed();
    new BlueprintFunction(s, 'Fn', FN_PROPS);
    expect(both(s, 'AcmeOwnerTag')).toEqual([{
      id: 'LambdaBlueprints-AcmeOwnerTag',
      severity: 'error',
      path: 'Test/Fn/Function/Resource',
      message: 'Tags is no "owner" tag, allowed is an "owner" tag, because on-call needs to know whom to page (standard "acme" set at Test).',
    }]);
  });
  test('passes a tagged function, blueprint or not', () => {
    const s = governed();
    BlueprintStandards.of(s).apply({ name: 'tags', defaults: { tags: { owner: 'payments' } } });
    new BlueprintFunction(s, 'Fn', FN_PROPS);
    new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    // Tags are applied by aspects at synth: the synth runs first, the pack (a validation plugin) after it.
    expect(ofRule(constructMode(s), 'AcmeOwnerTag')).toEqual([]);
    expect(ofRule(packMode(s), 'AcmeOwnerTag')).toEqual([]);
  });
  test('inspects the resource types it names', () => {
    const s = governed();
    new sqs.CfnQueue(s, 'Queue', { messageRetentionPeriod: 3600 });
    expect(both(s, 'AcmeQueueRetention').map(r => [r.path, r.message])).toEqual([
      ['Test/Queue', 'retentionPeriod (MessageRetentionPeriod) is 3600 s, allowed is at least 345,600 s, because a long weekend must not lose messages (standard "acme" set at Test).'],
    ]);
  });
  test('is acknowledged by its id', () => {
    const s = governed();
    const fn = new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    Validations.of(fn).acknowledge({ id: 'LambdaBlueprints-AcmeOwnerTag', reason: 'owned by the platform' });
    expect(constructMode(s)).toEqual([]);
  });
  test('a rule that throws is reported with the other findings, not as a crash', () => {
    class Broken extends StandardRule {
      constructor() {
        super({ id: 'AcmeBroken' });
      }
      public check(): RuleViolation[] {
        throw new Error('no tags here');
      }
    }
    const s = newStack();
    BlueprintStandards.of(s).apply({ name: 'acme', rules: { customRules: [new Broken()] } });
    new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    expect(both(s, 'AcmeBroken').map(r => r.message)).toEqual([
      'check() is an error "no tags here", allowed is a list of violations, because a custom rule must not throw (standard "acme" set at Test).',
    ]);
  });
  test('RuleResource exposes the resource as data (dotted property paths)', () => {
    const r = new RuleResource('AWS::Lambda::Function', 'App/Fn', 'Fn', { VpcConfig: { SubnetIds: ['a'] } });
    expect([r.type, r.path, r.logicalId, r.property('VpcConfig.SubnetIds'), r.property('VpcConfig.Missing.Deeper')]).toEqual(['AWS::Lambda::Function', 'App/Fn', 'Fn', ['a'], undefined]);
  });
  test('an id that is not letters and digits is refused', () => {
    class Bad extends StandardRule {
      constructor() {
        super({ id: 'acme-owner' });
      }
      public check(): RuleViolation[] {
        return [];
      }
    }
    expect(() => new Bad()).toThrow('StandardRule: id is "acme-owner", allowed is letters and digits starting with a letter, because it is reported as LambdaBlueprints-<id> and acknowledged by that id.');
  });
  test('a custom rule that is not a StandardRule is refused (BlueprintStandardsProps, at synth, at the scope)', () => {
    const rule = { id: 'X', resourceTypes: [], check: () => [] } as unknown as StandardRule;
    const s = newStack();
    BlueprintStandards.of(s).apply({ name: 'acme', rules: { customRules: [rule] } });
    expect(ofRule(constructMode(s), 'BlueprintStandardsProps')).toEqual([{
      id: 'LambdaBlueprints-BlueprintStandardsProps',
      severity: 'error',
      path: 'Test',
      message: 'rules.customRules is {"id":"X","resourceTypes":[]} (entry 0), allowed is a StandardRule subclass, because the engine calls its check method (standard "acme" applied at Test).',
    }]);
  });
});
