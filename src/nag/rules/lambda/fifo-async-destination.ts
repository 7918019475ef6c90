import { NagMessageLevel } from 'cdk-nag';
import { CfnEntry, TemplateIndex, isObject, isTrue, knownString } from '../../template-index';
import { BlueprintRule, COMPLIANT, FUNCTION, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

const EVENT_INVOKE_CONFIG = 'AWS::Lambda::EventInvokeConfig';

/** Whether an ARN value names a FIFO queue or topic (`true`), a standard one (`false`) or is unknown. */
export function isFifoTarget(index: TemplateIndex, arn: unknown): boolean | undefined {
  const target = index.target(arn);
  if (target?.type === 'AWS::SQS::Queue') return isTrue(target.properties.FifoQueue);
  if (target?.type === 'AWS::SNS::Topic') return isTrue(target.properties.FifoTopic);
  if (target) return false;
  const s = knownString(arn);
  return s === undefined ? undefined : s.endsWith('.fifo');
}

function destinations(e: CfnEntry): unknown[] {
  if (e.type === FUNCTION) {
    const dlq = e.properties.DeadLetterConfig;
    return isObject(dlq) && dlq.TargetArn !== undefined ? [dlq.TargetArn] : [];
  }
  const config = e.properties.DestinationConfig;
  if (!isObject(config)) return [];
  return [config.OnSuccess, config.OnFailure].filter(isObject).map(d => d.Destination).filter(d => d !== undefined);
}

/** Asynchronous destinations and DLQs are standard queues and topics: Lambda cannot send to FIFO ones. */
export const LambdaFifoAsyncDestination: BlueprintRule = {
  name: 'LambdaFifoAsyncDestination',
  info: 'The Lambda function sends asynchronous results or failures (destination or DLQ) to a FIFO queue or topic.',
  explanation: 'Asynchronous invocation destinations and dead-letter queues must be standard SQS queues or SNS topics; Lambda cannot deliver to FIFO ones, so the failed events would be lost.',
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== FUNCTION && e.type !== EVENT_INVOKE_CONFIG) return NOT_APPLICABLE;
    const found = destinations(e).map(d => isFifoTarget(index, d));
    if (found.includes(true)) return NON_COMPLIANT;
    return found.length === 0 || found.includes(undefined) ? NOT_APPLICABLE : COMPLIANT;
  },
};
