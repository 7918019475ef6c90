import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as destinations from 'aws-cdk-lib/aws-logs-destinations';
import { Construct } from 'constructs';
import { accountOf, scopePermissionsToAccount } from './private/push-wiring';
import { invokeTargetOf } from '../function/private/invoke-target';
import { enforceRules } from '../rules/private/enforce';

/** Options of a CloudWatch Logs subscription trigger. */
export interface LogsSubscriptionToFunctionOptions {
  /**
   * The log events delivered to the function.
   * @default FilterPattern.allEvents()
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
   */
  readonly filterPattern?: logs.IFilterPattern;

  /**
   * The name of the subscription filter.
   * @default - a name CloudFormation generates
   */
  readonly filterName?: string;
}

/** Properties of a `LogsSubscriptionToFunction`. */
export interface LogsSubscriptionToFunctionProps extends LogsSubscriptionToFunctionOptions {
  /** The function CloudWatch Logs invokes (through its alias when it has one). */
  readonly function: lambda.IFunction;

  /** The log group whose events invoke the function. */
  readonly logGroup: logs.ILogGroup;
}

/**
 * A CloudWatch Logs subscription filter that invokes a BlueprintFunction asynchronously with batches of
 * log events (`awslogs.data`: the batch as JSON, gzip-compressed and base64-encoded).
 *
 * The invoke permission is scoped to the log group ARN and account. Refused at synth: a function
 * subscribed to its own log group (rule LogsSubscriptionOwnLogGroup: each batch it handles logs lines that
 * invoke it again), more than 2 subscription filters on one log group of the stack (rule
 * LogsSubscriptionFilterCount: AWS refuses a third), and a function without a dead-letter queue or
 * on-failure destination (Lambda drops an event after its retries).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#LambdaFunctionExample
 */
export class LogsSubscriptionToFunction extends Construct {
  /** The subscription filter. */
  public readonly subscriptionFilter: logs.SubscriptionFilter;

  constructor(scope: Construct, id: string, props: LogsSubscriptionToFunctionProps) {
    super(scope, id);
    this.subscriptionFilter = new logs.SubscriptionFilter(this, 'SubscriptionFilter', {
      logGroup: props.logGroup,
      destination: new destinations.LambdaDestination(invokeTargetOf(props.function)),
      filterPattern: props.filterPattern ?? logs.FilterPattern.allEvents(),
      filterName: props.filterName,
    });
    const account = accountOf(props.logGroup);
    if (account) scopePermissionsToAccount(this, account);
    // The own-log-group and filter-count checks read every subscription filter of the stack.
    enforceRules(this);
  }
}
