import { hostLanguage, spellProp } from '../../src/core/private/language';
import { subjectOf } from '../../src/rules/private/prop-names';

// Messages name the prop as the user's language spells it (issue 27); jsii's runtimes name themselves in JSII_AGENT.

test.each([
  [undefined, 'typescript'],
  ['', 'typescript'],
  ['Python/3.11.4', 'python'],
  ['Java/17.0.9', 'java'],
  ['DotNet/8.0.1', 'dotnet'],
  ['go1.26.0/linux/amd64', 'go'],
])('JSII_AGENT %p is %s', (agent, language) => {
  expect(hostLanguage(agent)).toBe(language);
});

test('props are spelled as each language\'s bindings name them, segment by segment', () => {
  expect(spellProp('memorySize', 'python')).toBe('memory_size');
  expect(spellProp('ipv6AllowedForDualStack', 'python')).toBe('ipv6_allowed_for_dual_stack');
  expect(spellProp('deadLetterQueue.maxReceiveCount', 'python')).toBe('dead_letter_queue.max_receive_count');
  expect(spellProp('memorySize', 'go')).toBe('MemorySize');
  expect(spellProp('memorySize', 'dotnet')).toBe('MemorySize');
  expect(spellProp('memorySize', 'java')).toBe('memorySize');
  expect(spellProp('memorySize', 'typescript')).toBe('memorySize');
  expect(spellProp('Environment (keys + values)', 'python')).toBe('Environment (keys + values)');
  expect(spellProp('BlueprintCode.fromFile', 'python')).toBe('BlueprintCode.from_file');
  expect(spellProp('BlueprintCode.fromFile', 'go')).toBe('BlueprintCode.FromFile');
});

describe('the subject of a message', () => {
  const agent = process.env.JSII_AGENT;
  afterEach(() => {
    if (agent === undefined) delete process.env.JSII_AGENT;
    else process.env.JSII_AGENT = agent;
  });

  test('a template property with a prop: the prop in the user\'s spelling beside the property', () => {
    delete process.env.JSII_AGENT;
    expect(subjectOf('MemorySize', 'AWS::Lambda::Function')).toBe('memorySize (MemorySize)');
    process.env.JSII_AGENT = 'Python/3.11.4';
    expect(subjectOf('MemorySize', 'AWS::Lambda::Function')).toBe('memory_size (MemorySize)');
    expect(subjectOf('queue VisibilityTimeout', 'AWS::Lambda::EventSourceMapping')).toBe('visibility_timeout (queue VisibilityTimeout)');
    process.env.JSII_AGENT = 'go1.26.0/linux/amd64';
    expect(subjectOf('Timeout', 'AWS::Lambda::Function')).toBe('Timeout');
    expect(subjectOf('ScalingConfig.MaximumConcurrency', 'AWS::Lambda::EventSourceMapping')).toBe('MaxConcurrency (ScalingConfig.MaximumConcurrency)');
  });

  test('a property without a prop stays as it is; a prop named by a construct\'s input is spelled', () => {
    process.env.JSII_AGENT = 'Python/3.11.4';
    expect(subjectOf('VpcConfig.SubnetIds', 'AWS::Lambda::Function')).toBe('VpcConfig.SubnetIds');
    expect(subjectOf('MemorySize', 'AWS::SQS::Queue')).toBe('MemorySize');
    expect(subjectOf('accountConcurrencyLimit')).toBe('account_concurrency_limit');
    expect(subjectOf('deployment.provisionedConcurrency')).toBe('deployment.provisioned_concurrency');
  });
});
