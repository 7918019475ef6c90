import { env, EPOCH_MS, HELLO, id, marshallItem, md5, TIME } from './common';
import { DynamoDbSampleOptions, KinesisSampleOptions, S3SampleOptions } from '../options';

/**
 * An S3 event notification: one record per object key.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export function s3Event(options: S3SampleOptions): any {
  const { region } = env(options);
  const bucket = options.bucketName ?? 'uploads';
  const Records = (options.keys ?? ['incoming/report.csv']).map((key, i) => ({
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: TIME,
    eventName: options.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: { 'x-amz-request-id': id('req', key).slice(0, 16).toUpperCase(), 'x-amz-id-2': Buffer.from(id('id2', key)).toString('base64') },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'blueprint-notification',
      bucket: { name: bucket, ownerIdentity: { principalId: 'A3EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
      object: {
        key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
        size: options.size ?? 1024,
        eTag: md5(key),
        sequencer: `0A1B2C3D4E5F60${String(i).padStart(4, '0')}`,
      },
    },
  }));
  return { Records };
}

/**
 * A Kinesis event: one record per payload (data base64-encoded).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
export function kinesisEvent(options: KinesisSampleOptions): any {
  const { account, region } = env(options);
  const arn = `arn:aws:kinesis:${region}:${account}:stream/${options.streamName ?? 'events'}`;
  const Records = (options.payloads ?? [HELLO]).map((payload, i) => {
    const sequenceNumber = `4959003364656497856385347830584017${String(i).padStart(22, '0')}`;
    return {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: options.partitionKey ?? 'partition-1',
        sequenceNumber,
        data: Buffer.from(payload, 'utf-8').toString('base64'),
        approximateArrivalTimestamp: EPOCH_MS / 1000 + i,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000000:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: `arn:aws:iam::${account}:role/lambda-role`,
      awsRegion: region,
      eventSourceARN: arn,
    };
  });
  return { Records };
}

/**
 * A DynamoDB Streams event (one record; images in DynamoDB JSON, view type NEW_AND_OLD_IMAGES).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
export function dynamoDbEvent(options: DynamoDbSampleOptions): any {
  const { account, region } = env(options);
  const eventName = options.eventName ?? 'INSERT';
  const keys = options.keys ?? { pk: 'order#1' };
  const newImage = options.newImage ?? (eventName === 'REMOVE' ? undefined : { ...keys, status: 'NEW' });
  const oldImage = options.oldImage ?? (eventName === 'INSERT' ? undefined : { ...keys, status: 'OLD' });
  const item = {
    Keys: marshallItem(keys),
    ...(newImage ? { NewImage: marshallItem(newImage) } : {}),
    ...(oldImage ? { OldImage: marshallItem(oldImage) } : {}),
  };
  return {
    Records: [{
      eventID: id('ddb', keys, eventName).replace(/-/g, ''),
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: region,
      dynamodb: {
        ApproximateCreationDateTime: EPOCH_MS / 1000,
        ...item,
        SequenceNumber: '111100000000000000000001',
        SizeBytes: Buffer.byteLength(JSON.stringify(item)),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: `arn:aws:dynamodb:${region}:${account}:table/${options.tableName ?? 'orders'}/stream/2025-01-01T00:00:00.000`,
    }],
  };
}
