import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cfninc from 'aws-cdk-lib/cloudformation-include';
import { newStack } from '../helpers';
import { blueprintFindings } from './nag-helpers';

const TEMPLATE = {
  Resources: {
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    Worker: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
        Runtime: 'java25',
        Handler: 'x.Handler::handle',
        Code: { ZipFile: 'class X {}' },
        MemorySize: 20000,
        Timeout: 60,
        Layers: [1, 2, 3, 4, 5, 6].map(i => `arn:aws:lambda:us-east-1:123456789012:layer:l${i}:1`),
        Environment: { Variables: { AWS_REGION: 'us-east-1' } },
      },
    },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
    QueueMapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: { Ref: 'Worker' }, EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] } } },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
    StreamMapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: { FunctionName: { Ref: 'Worker' }, EventSourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] }, StartingPosition: 'LATEST' },
    },
    Latest: {
      Type: 'AWS::Lambda::Alias',
      Properties: { FunctionName: { Ref: 'Worker' }, FunctionVersion: '$LATEST', Name: 'live', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 } },
    },
  },
};

test('the pack checks an imported template (CfnInclude) like any other', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nag-include-')), 'template.json');
  fs.writeFileSync(file, JSON.stringify(TEMPLATE));
  const stack = newStack();
  new cfninc.CfnInclude(stack, 'Legacy', { templateFile: file });
  expect(blueprintFindings(stack)).toEqual([
    'LambdaBlueprints-LambdaEnvironment @ Test/Legacy/Worker',
    'LambdaBlueprints-LambdaInlineCode @ Test/Legacy/Worker',
    'LambdaBlueprints-LambdaLayers @ Test/Legacy/Worker',
    'LambdaBlueprints-LambdaMemorySize @ Test/Legacy/Worker',
    'LambdaBlueprints-LambdaProvisionedOnLatest @ Test/Legacy/Latest',
    'LambdaBlueprints-LambdaSqsSourceRedrive @ Test/Legacy/QueueMapping',
    'LambdaBlueprints-LambdaSqsVisibilityTimeout @ Test/Legacy/QueueMapping',
    // bisect, retries and record age: three findings of one rule
    'LambdaBlueprints-LambdaStreamFailureHandling @ Test/Legacy/StreamMapping',
    'LambdaBlueprints-LambdaStreamFailureHandling @ Test/Legacy/StreamMapping',
    'LambdaBlueprints-LambdaStreamFailureHandling @ Test/Legacy/StreamMapping',
  ]);
});
