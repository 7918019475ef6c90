import { allowsAction, asArray, functionStatements, iamMatch } from './iam';
import { CfnEntry, knownString, referencedIds, TemplateIndex } from './template-index';

/** What a function's role lets it do to another resource of the stack. */
export interface Write {
  /** The resource written to (bucket, queue, topic, bus, function, stream, table). */
  readonly target: CfnEntry;
  /** The action that allows it (`s3:PutObject`). */
  readonly action: string;
  /** For S3: the object key pattern the grant allows (`out/*`, `*`). */
  readonly keyPattern?: string;
}

/** Actions that put an event where it can trigger a function again, by resource type. */
const WRITE_ACTIONS: Record<string, string[]> = {
  'AWS::S3::Bucket': ['s3:PutObject'],
  'AWS::SQS::Queue': ['sqs:SendMessage'],
  'AWS::SNS::Topic': ['sns:Publish'],
  'AWS::Events::EventBus': ['events:PutEvents'],
  'AWS::Lambda::Function': ['lambda:InvokeFunction'],
  'AWS::Kinesis::Stream': ['kinesis:PutRecord', 'kinesis:PutRecords'],
  'AWS::DynamoDB::Table': ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
};

/**
 * The S3 key pattern an IAM resource value grants in a bucket: `out/*` for
 * `{ Fn::Join: ['', [{ Fn::GetAtt: [Bucket, Arn] }, '/out/*']] }`; undefined when it names the bucket itself or
 * holds a token.
 */
export function keyPatternOf(resource: unknown, bucketId: string): string | undefined {
  const s = knownString(resource);
  if (s !== undefined) return s === '*' ? '*' : (/^arn:[^:]+:s3:::[^/]+\/(.*)$/.exec(s)?.[1]);
  const join = (resource as any)?.['Fn::Join'];
  if (!Array.isArray(join) || !Array.isArray(join[1])) return undefined;
  const parts: unknown[] = join[1];
  const at = parts.findIndex(p => referencedIds(p).has(bucketId));
  if (at < 0) return undefined;
  // A key pattern with a token in it is unknown at synth: never judged (nor guessed as `*`).
  const known = parts.slice(at + 1).map(p => knownString(p));
  if (known.some(p => p === undefined)) return undefined;
  const rest = known.join(join[0] ?? '');
  return rest.startsWith('/') ? rest.slice(1) : undefined;
}

/** Every resource of the stack a function may write to, through its role's Allow statements. */
export function writesOf(index: TemplateIndex, fn: CfnEntry): Write[] {
  const out: Write[] = [];
  for (const st of functionStatements(index, fn)) {
    for (const resource of asArray(st.Resource)) {
      const wildcard = knownString(resource) === '*';
      const targets = wildcard ? index.ofType('AWS::S3::Bucket') : [...referencedIds(resource)].map(id => index.get(id)).filter((t): t is CfnEntry => t !== undefined);
      for (const target of targets) {
        const action = (WRITE_ACTIONS[target.type] ?? []).find(a => allowsAction(st, [a]));
        if (action === undefined) continue;
        if (target.type === 'AWS::S3::Bucket') {
          const keyPattern = wildcard ? '*' : keyPatternOf(resource, target.logicalId);
          if (keyPattern !== undefined) out.push({ target, action, keyPattern });
        } else {
          out.push({ target, action });
        }
      }
    }
  }
  return out;
}

/** Whether an object key granted by an IAM pattern (`out/*`) can match a prefix and suffix filter. */
export function keyPatternMatches(pattern: string, prefix = '', suffix = ''): boolean {
  const star = pattern.search(/[*?]/);
  if (star < 0) return pattern.startsWith(prefix) && pattern.endsWith(suffix);
  const literalHead = pattern.slice(0, star);
  const literalTail = pattern.slice(pattern.search(/[^*?]*$/));
  const headOk = literalHead.startsWith(prefix) || prefix.startsWith(literalHead);
  const tailOk = literalTail.endsWith(suffix) || suffix.endsWith(literalTail);
  return headOk && tailOk;
}

/** A bucket as a notification names it: its logical id when it is in the stack, its name when known. */
export interface BucketRef {
  readonly logicalId?: string;
  readonly name?: string;
}

/**
 * The key patterns a function may put into one bucket, by its role's Allow statements: through a
 * reference to the bucket resource, or through a literal ARN naming the bucket (`arn:aws:s3:::name/out/*`,
 * wildcards honoured), or `*`. Imported buckets (known only by name) are matched by name.
 */
export function bucketWrites(index: TemplateIndex, fn: CfnEntry, bucket: BucketRef): Array<{ action: string; keyPattern: string }> {
  const out: Array<{ action: string; keyPattern: string }> = [];
  for (const st of functionStatements(index, fn)) {
    if (!allowsAction(st, ['s3:PutObject'])) continue;
    for (const resource of asArray(st.Resource)) {
      const s = knownString(resource) ?? literalArn(resource);
      let keyPattern: string | undefined;
      if (s === '*') {
        keyPattern = '*';
      } else if (s !== undefined) {
        const m = /^arn:[^:]+:s3:::([^/]+)\/(.*)$/.exec(s);
        if (m && bucket.name !== undefined && iamMatch(m[1], bucket.name)) keyPattern = m[2];
        // A wildcard in the bucket part spans `/` too: `arn:aws:s3:::my-*` covers every key of `my-bucket`.
        else if (!m && bucket.name !== undefined && s.includes('*') && iamMatch(s, `arn:aws:s3:::${bucket.name}/`)) keyPattern = '*';
      } else if (bucket.logicalId !== undefined) {
        keyPattern = keyPatternOf(resource, bucket.logicalId);
      }
      if (keyPattern !== undefined) out.push({ action: 's3:PutObject', keyPattern });
    }
  }
  return out;
}

/** An ARN joined from literals and the partition (`arn:${AWS::Partition}:s3:::name/*`), as a string. */
function literalArn(value: unknown): string | undefined {
  const join = (value as any)?.['Fn::Join'];
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  const parts = join[1].map((p: unknown) => (p as any)?.Ref === 'AWS::Partition' ? 'aws' : knownString(p));
  return parts.includes(undefined) ? undefined : parts.join(join[0]);
}
