import { env, HELLO, isoTime, marshallItem, md5, s3EventKey, SAMPLE, Stamp } from './common';
import { DynamoDbSampleOptions, KinesisSampleOptions, S3SampleOptions } from '../options';

/**
 * An S3 event notification: one record per object key.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export function s3Event(options: S3SampleOptions, stamp: Stamp = SAMPLE): any {
  const { region } = env(options);
  const bucket = options.bucketName ?? 'uploads';
  const Records = (options.keys ?? ['incoming/report.csv']).map((key, i) => ({
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: isoTime(stamp),
    eventName: options.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: { 'x-amz-request-id': stamp.id('req', key).slice(0, 16).toUpperCase(), 'x-amz-id-2': Buffer.from(stamp.id('id2', key)).toString('base64') },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'blueprint-notification',
      bucket: { name: bucket, ownerIdentity: { principalId: 'A3EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
      object: {
        key: s3EventKey(key),
        size: options.size ?? 1024,
        eTag: md5(key),
        sequencer: `0A1B2C3D4E5F60${String(i).padStart(4, '0')}`,
      },
    },
  }));
  return { Records };
}

/** What varies between the records of a stream: the emulator numbers them across deliveries. */
export interface StreamRecordFacts {
  readonly streamArn: string;
  readonly region: string;
  readonly sequenceNumber: string;
  /** Epoch milliseconds the record arrived. */
  readonly arrivedAt: number;
}

/** One Kinesis record (`data` is the payload base64-encoded). */
export function kinesisRecord(payload: string, partitionKey: string, f: StreamRecordFacts): any {
  const account = f.streamArn.split(':')[4];
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey,
      sequenceNumber: f.sequenceNumber,
      data: Buffer.from(payload, 'utf-8').toString('base64'),
      approximateArrivalTimestamp: f.arrivedAt / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000000:${f.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${account}:role/lambda-role`,
    awsRegion: f.region,
    eventSourceARN: f.streamArn,
  };
}

/**
 * A Kinesis event: one record per payload (data base64-encoded).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
export function kinesisEvent(options: KinesisSampleOptions, stamp: Stamp = SAMPLE): any {
  const { account, region } = env(options);
  const streamArn = `arn:aws:kinesis:${region}:${account}:stream/${options.streamName ?? 'events'}`;
  const Records = (options.payloads ?? [HELLO]).map((payload, i) => kinesisRecord(payload, options.partitionKey ?? 'partition-1', {
    streamArn, region, sequenceNumber: `4959003364656497856385347830584017${String(i).padStart(22, '0')}`, arrivedAt: stamp.at + i * 1000,
  }));
  return { Records };
}

/** One DynamoDB Streams record (images in DynamoDB JSON, view type NEW_AND_OLD_IMAGES). */
export function dynamoDbRecord(options: DynamoDbSampleOptions, f: StreamRecordFacts & { readonly eventId: string }): any {
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
    eventID: f.eventId,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: f.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(f.arrivedAt / 1000),
      ...item,
      SequenceNumber: f.sequenceNumber,
      SizeBytes: Buffer.byteLength(JSON.stringify(item)),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: f.streamArn,
  };
}

/**
 * A DynamoDB Streams event (one record; images in DynamoDB JSON, view type NEW_AND_OLD_IMAGES).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
export function dynamoDbEvent(options: DynamoDbSampleOptions, stamp: Stamp = SAMPLE): any {
  const { account, region } = env(options);
  return {
    Records: [dynamoDbRecord(options, {
      streamArn: `arn:aws:dynamodb:${region}:${account}:table/${options.tableName ?? 'orders'}/stream/2025-01-01T00:00:00.000`,
      region,
      sequenceNumber: '111100000000000000000001',
      arrivedAt: stamp.at,
      eventId: stamp.id('ddb', options.keys ?? { pk: 'order#1' }, options.eventName ?? 'INSERT').replace(/-/g, ''),
    })],
  };
}
