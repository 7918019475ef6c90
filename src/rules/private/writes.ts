import { allowsAction, asArray, functionStatements } from './iam';
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
