import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { stackSingleton } from '../../core/private/stack-registry';
import { DurableQueue } from '../../queue/durable-queue';
import { BlueprintFunctionProps, DeadLetterQueueMode } from '../blueprint-function-props';

/** The DLQ of a function: a queue or a topic. */
export interface DeadLetterTarget {
  readonly deadLetterQueue?: sqs.IQueue;
  readonly deadLetterTopic?: sns.ITopic;
}

/** Where a function's failed asynchronous invocations land: the given topic or queue, else its own or the stack's shared DLQ. */
export function resolveDeadLetterTarget(scope: Construct, props: BlueprintFunctionProps): DeadLetterTarget {
  if (props.deadLetterTopic) return { deadLetterTopic: props.deadLetterTopic };
  if (props.deadLetterQueue) return { deadLetterQueue: props.deadLetterQueue };
  if (props.deadLetterQueueMode === DeadLetterQueueMode.PER_FUNCTION) {
    return { deadLetterQueue: new DurableQueue(scope, 'DeadLetterQueue', { purpose: 'failed asynchronous invocations' }).queue };
  }
  const shared = stackSingleton(scope, 'BlueprintAsyncDeadLetterQueue', (stack, sid) =>
    new DurableQueue(stack, sid, { purpose: 'failed asynchronous invocations of the stack\'s functions' }));
  return { deadLetterQueue: shared.queue };
}
