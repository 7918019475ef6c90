/**
 * Where a sample event comes from (the account and region written into ARNs and `awsRegion`).
 */
export interface SampleEventEnvironment {
  /**
   * The 12-digit account id.
   * @default '123456789012'
   */
  readonly account?: string;
  /**
   * The region.
   * @default 'us-east-1'
   */
  readonly region?: string;
}

/** Options of `SampleEvents.sqs`. */
export interface SqsSampleOptions extends SampleEventEnvironment {
  /**
   * One message per body (a record each), 1–10 for FIFO queues and up to 10,000 for standard queues.
   * @default ['{"hello":"world"}']
   */
  readonly bodies?: string[];
  /**
   * The queue name (a FIFO queue when it ends with `.fifo`: records then carry `MessageGroupId`,
   * `MessageDeduplicationId` and `SequenceNumber`).
   * @default 'orders'
   */
  readonly queueName?: string;
  /**
   * String message attributes of every message.
   * @default - none
   */
  readonly messageAttributes?: { [name: string]: string };
}

/** Options of `SampleEvents.sns`. */
export interface SnsSampleOptions extends SampleEventEnvironment {
  /**
   * The message.
   * @default '{"hello":"world"}'
   */
  readonly message?: string;
  /**
   * The topic name.
   * @default 'notifications'
   */
  readonly topicName?: string;
  /**
   * The subject.
   * @default - none (null)
   */
  readonly subject?: string;
  /**
   * String message attributes.
   * @default - none
   */
  readonly messageAttributes?: { [name: string]: string };
}

/** Options of `SampleEvents.s3`. */
export interface S3SampleOptions extends SampleEventEnvironment {
  /**
   * The bucket name.
   * @default 'uploads'
   */
  readonly bucketName?: string;
  /**
   * One record per object key (written URL-encoded, as S3 does).
   * @default ['incoming/report.csv']
   */
  readonly keys?: string[];
  /**
   * The event name, without the `s3:` prefix.
   * @default 'ObjectCreated:Put'
   */
  readonly eventName?: string;
  /**
   * Object size in bytes.
   * @default 1024
   */
  readonly size?: number;
}

/** Options of `SampleEvents.kinesis`. */
export interface KinesisSampleOptions extends SampleEventEnvironment {
  /**
   * One record per payload (UTF-8; written base64-encoded, as Kinesis does).
   * @default ['{"hello":"world"}']
   */
  readonly payloads?: string[];
  /**
   * The stream name.
   * @default 'events'
   */
  readonly streamName?: string;
  /**
   * The partition key of every record.
   * @default 'partition-1'
   */
  readonly partitionKey?: string;
}

/** Options of `SampleEvents.dynamoDb`. */
export interface DynamoDbSampleOptions extends SampleEventEnvironment {
  /**
   * `INSERT`, `MODIFY` or `REMOVE`.
   * @default 'INSERT'
   */
  readonly eventName?: string;
  /**
   * The table name.
   * @default 'orders'
   */
  readonly tableName?: string;
  /**
   * The key attributes, as plain values (written in DynamoDB JSON: strings `S`, numbers `N`, booleans
   * `BOOL`, null `NULL`, arrays `L`, objects `M`).
   * @default { pk: 'order#1' }
   */
  readonly keys?: { [name: string]: any };
  /**
   * The item after the change (INSERT, MODIFY), as plain values.
   * @default - the keys plus `status: 'NEW'` for INSERT and MODIFY; none for REMOVE
   */
  readonly newImage?: { [name: string]: any };
  /**
   * The item before the change (MODIFY, REMOVE), as plain values.
   * @default - the keys plus `status: 'OLD'` for MODIFY and REMOVE; none for INSERT
   */
  readonly oldImage?: { [name: string]: any };
}

/** Options of `SampleEvents.eventBridge`. */
export interface EventBridgeSampleOptions extends SampleEventEnvironment {
  /**
   * The event source.
   * @default 'com.example.orders'
   */
  readonly source?: string;
  /**
   * The detail type.
   * @default 'OrderPlaced'
   */
  readonly detailType?: string;
  /**
   * The detail (a JSON object).
   * @default { orderId: 'order-1' }
   */
  readonly detail?: { [key: string]: any };
}

/** Options of the HTTP sample events (API Gateway REST, ALB, function URL). */
export interface HttpSampleOptions extends SampleEventEnvironment {
  /**
   * The HTTP method.
   * @default 'GET'
   */
  readonly method?: string;
  /**
   * The path.
   * @default '/'
   */
  readonly path?: string;
  /**
   * Request headers (names as sent; ALB and function URLs lower-case them).
   * @default { accept: '*\/*', host: <the endpoint's host> }
   */
  readonly headers?: { [name: string]: string };
  /**
   * Query string parameters.
   * @default - none
   */
  readonly query?: { [name: string]: string };
  /**
   * The body (text).
   * @default - no body
   */
  readonly body?: string;
  /**
   * Send the body base64-encoded (`isBase64Encoded: true`), as for binary content.
   * @default false
   */
  readonly base64Body?: boolean;
  /**
   * ALB only: the target group has multi-value headers on (`multiValueHeaders` and
   * `multiValueQueryStringParameters` instead of `headers` and `queryStringParameters`).
   * @default false
   */
  readonly multiValueHeaders?: boolean;
}

/** Options of the CloudFront (Lambda@Edge) sample events. */
export interface CloudFrontSampleOptions {
  /**
   * The HTTP method.
   * @default 'GET'
   */
  readonly method?: string;
  /**
   * The request URI (path only).
   * @default '/index.html'
   */
  readonly uri?: string;
  /**
   * The query string, without `?`.
   * @default ''
   */
  readonly querystring?: string;
  /**
   * Request headers (written as CloudFront does: lower-case keys, each a list of `{ key, value }`).
   * @default { host: <the distribution domain>, 'user-agent': 'curl/8.0.0', accept: '*\/*' }
   */
  readonly headers?: { [name: string]: string };
  /**
   * The response status (origin-response and viewer-response events).
   * @default '200'
   */
  readonly status?: string;
  /**
   * The distribution's domain name.
   * @default 'd111111abcdef8.cloudfront.net'
   */
  readonly distributionDomainName?: string;
}

/** Options of the Cognito user pool trigger sample events. */
export interface CognitoSampleOptions extends SampleEventEnvironment {
  /**
   * The user name.
   * @default 'jane.doe'
   */
  readonly userName?: string;
  /**
   * The user's attributes (strings, as Cognito sends them).
   * @default { email: 'jane.doe@example.com' } (plus `sub` and status attributes where Cognito adds them)
   */
  readonly userAttributes?: { [name: string]: string };
  /**
   * The trigger source (which flow invoked the trigger).
   * @default - the sign-up source of each event: `PreSignUp_SignUp`, `PostConfirmation_ConfirmSignUp`,
   * `TokenGeneration_Authentication`, `CustomMessage_SignUp`
   */
  readonly triggerSource?: string;
  /**
   * The app client id.
   * @default '1example23456789'
   */
  readonly clientId?: string;
  /**
   * Client metadata the app passed to the API call.
   * @default {}
   */
  readonly clientMetadata?: { [key: string]: string };
  /**
   * Pre token generation only: the event version, '1' (ID token claims and groups) or '2' / '3' (also
   * access token claims and scopes).
   * @default '1'
   */
  readonly eventVersion?: string;
}

/** Options of `SampleEvents.cloudWatchLogs`. */
export interface CloudWatchLogsSampleOptions extends SampleEventEnvironment {
  /**
   * One log event per message.
   * @default ['{"level":"ERROR","message":"payment failed"}']
   */
  readonly messages?: string[];
  /**
   * The log group.
   * @default '/aws/lambda/orders'
   */
  readonly logGroup?: string;
  /**
   * The log stream.
   * @default '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef'
   */
  readonly logStream?: string;
  /**
   * The name of the subscription filter that delivered the batch.
   * @default 'errors-to-lambda'
   */
  readonly subscriptionFilter?: string;
}
