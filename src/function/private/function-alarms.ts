import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ALARM_PERIOD, createAlarm } from '../../core/alarms';
import { isToken } from '../../core/private/tokens';
import { FunctionRelease } from '../../deployment/release';
import { MONITORING } from '../../limits';

/** A function's Errors, Throttles and p99 Duration alarms (each when it applies). */
export interface FunctionAlarms {
  readonly errorsAlarm?: cloudwatch.Alarm;
  readonly throttlesAlarm?: cloudwatch.Alarm;
  readonly durationAlarm?: cloudwatch.Alarm;
}

/**
 * Creates the function's alarms under `scope`. The Duration alarm needs the timeout known at synth
 * (read from the template, after the refused values are written).
 */
export function createFunctionAlarms(scope: Construct, fn: lambda.Function, alarms: boolean, release?: FunctionRelease): FunctionAlarms {
  let errorsAlarm: cloudwatch.Alarm | undefined;
  let throttlesAlarm: cloudwatch.Alarm | undefined;
  let durationAlarm: cloudwatch.Alarm | undefined;
  // A released function's alias alarms watch the same errors and throttles (and roll deployments back):
  // they are the function's alarms, not a second pair.
  const deployment = release?.deployment;
  if (deployment?.errorsAlarm && deployment.throttlesAlarm) {
    errorsAlarm = deployment.errorsAlarm;
    throttlesAlarm = deployment.throttlesAlarm;
  } else if (alarms) {
    errorsAlarm = createAlarm(scope, 'ErrorsAlarm', {
      metric: fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 0,
      description: `${scope.node.path}: the function reported errors.`,
    });
    throttlesAlarm = createAlarm(scope, 'ThrottlesAlarm', {
      metric: fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 0,
      description: `${scope.node.path}: invocations were throttled (concurrency exhausted).`,
    });
  }
  const timeoutSeconds = (fn.node.defaultChild as lambda.CfnFunction).timeout;
  if (alarms && typeof timeoutSeconds === 'number' && !isToken(timeoutSeconds)) {
    const thresholdMs = timeoutSeconds * 1000 * MONITORING.durationAlarmTimeoutFraction;
    durationAlarm = createAlarm(scope, 'DurationAlarm', {
      metric: fn.metricDuration({ period: ALARM_PERIOD, statistic: 'p99' }),
      threshold: thresholdMs,
      comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: `${scope.node.path}: p99 duration reached ${MONITORING.durationAlarmTimeoutFraction * 100} % of the ${timeoutSeconds} s timeout (${thresholdMs} ms): invocations are about to time out.`,
    });
  }
  return { errorsAlarm, throttlesAlarm, durationAlarm };
}
