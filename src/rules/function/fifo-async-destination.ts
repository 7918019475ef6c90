import { EVENT_INVOKE_CONFIG, Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { CfnEntry, isObject, isTrue, knownString, TemplateIndex } from '../private/template-index';

/** Whether an ARN value names a FIFO queue or topic (`true`), a standard one (`false`) or is unknown. */
export function isFifoTarget(index: TemplateIndex, arn: unknown): boolean | undefined {
  const target = index.target(arn);
  if (target?.type === 'AWS::SQS::Queue') return isTrue(target.properties.FifoQueue);
  if (target?.type === 'AWS::SNS::Topic') return isTrue(target.properties.FifoTopic);
  if (target) return false;
  const s = knownString(arn);
  return s === undefined ? undefined : s.endsWith('.fifo');
}

function destinations(e: CfnEntry): Array<[string, unknown]> {
  if (e.type === FUNCTION) {
    const dlq = e.properties.DeadLetterConfig;
    return isObject(dlq) && dlq.TargetArn !== undefined ? [['DeadLetterConfig.TargetArn', dlq.TargetArn]] : [];
  }
  const config = e.properties.DestinationConfig;
  if (!isObject(config)) return [];
  return (['OnSuccess', 'OnFailure'] as const)
    .filter(k => isObject(config[k]) && config[k].Destination !== undefined)
    .map(k => [`DestinationConfig.${k}.Destination`, config[k].Destination]);
}

/** Asynchronous destinations and DLQs are standard queues and topics: Lambda cannot send to FIFO ones. */
export const LambdaFifoAsyncDestination: Rule = {
  id: 'LambdaFifoAsyncDestination',
  severity: Severity.ERROR,
  summary: 'Asynchronous destinations and dead-letter targets are standard (not FIFO) queues and topics.',
  types: [FUNCTION, EVENT_INVOKE_CONFIG],
  check: (e, { index }): Finding[] => destinations(e)
    .filter(([, arn]) => isFifoTarget(index, arn) === true)
    .map(([property, arn]) => ({
      property,
      value: `the FIFO queue or topic ${index.target(arn)?.path ?? knownString(arn)}`,
      allowed: 'a standard SQS queue or SNS topic',
      reason: 'Lambda cannot deliver asynchronous results or failures to FIFO queues or topics, so the events would be lost',
    })),
};
