import { Template, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoStreamSource } from '../../src';
import { nagFindings, newStack, synthErrors, statementsFor } from '../helpers';
import { newFunction } from './fixtures';

const TRIM = lambda.StartingPosition.TRIM_HORIZON;

function newTable(stack: ReturnType<typeof newStack>, props: Partial<dynamodb.TableProps> = {}): dynamodb.Table {
  return new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    ...props,
  });
}

describe('DynamoStreamSource defaults', () => {
  const stack = newStack();
  const source = new DynamoStreamSource(newTable(stack), { startingPosition: TRIM });
  newFunction(stack).addEventSource(source);
  const template = Template.fromStack(stack);

  test('stream defaults on the table stream ARN', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86_400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(source.failureQueue).toBeDefined();
    expect(source.failureTopic).toBeUndefined();
    expect(source.failureDepthAlarm).toBeDefined();
    expect(source.iteratorAgeAlarm).toBeDefined();
  });

  test('the role reads exactly the stream, on the stream ARN', () => {
    expect(statementsFor(template, 'dynamodb')).toEqual([{
      Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'StreamArn'] },
    }]);
  });

  test('zero cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('DynamoStreamSource validation and options', () => {
  test('a table without a stream is refused', () => {
    const stack = newStack();
    newFunction(stack).addEventSource(new DynamoStreamSource(newTable(stack, { stream: undefined }), { startingPosition: TRIM }));
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/DynamoDBSourceTestTable[A-F0-9]+\] LambdaBlueprints-LambdaStreamMapping: table is Test\/Table without a stream, allowed is a table with a stream/)]);
  });

  test('AT_TIMESTAMP is refused', () => {
    const stack = newStack();
    const options = { startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1 };
    newFunction(stack).addEventSource(new DynamoStreamSource(newTable(stack), options));
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/DynamoDBSourceTestTable[A-F0-9]+\/Resource\] LambdaBlueprints-LambdaStreamMapping: startingPosition \(StartingPosition\) is "AT_TIMESTAMP", allowed is TRIM_HORIZON or LATEST, because DynamoDB Streams cannot start reading at a timestamp/)]);
  });

  test('a missing starting position is refused', () => {
    const stack = newStack();
    newFunction(stack).addEventSource(new DynamoStreamSource(newTable(stack)));
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/DynamoDBSourceTestTable[A-F0-9]+\/Resource\] LambdaBlueprints-LambdaStreamMapping: startingPosition \(StartingPosition\) is not set, allowed is TRIM_HORIZON or LATEST/)]);
  });

  test('an imported table with a stream ARN works', () => {
    const stack = newStack();
    const table = dynamodb.Table.fromTableAttributes(stack, 'Imported', {
      tableName: 'orders', tableStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000',
    });
    newFunction(stack).addEventSource(new DynamoStreamSource(table, { startingPosition: lambda.StartingPosition.LATEST }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000', StartingPosition: 'LATEST',
    });
  });

  test('a customer-managed table key adds kms:Decrypt', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const table = newTable(stack, { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key });
    newFunction(stack).addEventSource(new DynamoStreamSource(table, { startingPosition: TRIM }));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } }]) },
    });
  });

  test('accessors before binding throw; binding twice throws', () => {
    const stack = newStack();
    const source = new DynamoStreamSource(newTable(stack), { startingPosition: TRIM });
    expect(() => source.mapping).toThrow(/not bound yet/);
    newFunction(stack, 'A').addEventSource(source);
    expect(() => newFunction(stack, 'B').addEventSource(source)).toThrow(/already bound/);
  });
});
