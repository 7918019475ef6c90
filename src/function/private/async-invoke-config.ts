import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NagAcknowledgements } from '../../nag/acknowledge';
import { LambdaAsyncInvokeOptions } from '../../rules/inputs';
import { checkInputs, InputChecks } from '../../rules/private/inputs';
import { AsyncInvokeOptions } from '../async-invoke';
import { AsyncDestination, AsyncDestinationKind } from '../destinations';

/** What the asynchronous settings are attached to. */
export interface AsyncInvokeTarget {
  /** The function or alias callers invoke. */
  readonly invokeTarget: lambda.IFunction;
  /** The underlying function. */
  readonly function: lambda.Function;
}

/** The construct id of a blueprint function's asynchronous invocation configuration. */
export const ASYNC_INVOKE_CONFIG_ID = 'AsyncInvokeConfig';

/**
 * Creates the `AWS::Lambda::EventInvokeConfig` of a blueprint function on what callers invoke (the alias
 * once the function is released through one, otherwise `$LATEST`), and registers its synth-time checks.
 *
 * Ranges are written to the template unchecked by the L2 (which would throw on the first bad value) and
 * checked at synth with every other problem of the app.
 */
export function configureAsyncInvoke(owner: Construct & AsyncInvokeTarget, options: AsyncInvokeOptions): lambda.EventInvokeConfig {
  const existing = owner.node.tryFindChild(ASYNC_INVOKE_CONFIG_ID) as lambda.EventInvokeConfig | undefined;
  if (existing) {
    checkInputs(owner, LambdaAsyncInvokeOptions, p => p.add('asyncInvoke', 'configured twice', 'one asynchronous invocation configuration per function', 'Lambda keeps a single EventInvokeConfig per function or alias, so the second would silently replace the first'));
    return existing;
  }
  const target = owner.invokeTarget;
  const { fn, qualifier } = qualifiedTarget(target, owner.function);
  const config = new lambda.EventInvokeConfig(owner, ASYNC_INVOKE_CONFIG_ID, {
    function: fn,
    qualifier,
    onSuccess: options.onSuccess,
    onFailure: options.onFailure,
  });
  const cfn = config.node.defaultChild as lambda.CfnEventInvokeConfig;
  if (options.retryAttempts !== undefined) cfn.maximumRetryAttempts = options.retryAttempts;
  if (options.maxEventAge !== undefined) cfn.maximumEventAgeInSeconds = options.maxEventAge.toSeconds({ integral: false });

  if (!options.onFailure) {
    NagAcknowledgements.add(cfn, 'Serverless-LambdaAsyncFailureDestination',
      'Failed asynchronous events are kept in the function\'s dead-letter queue (DeadLetterConfig on the function, an encrypted, depth-alarmed SQS queue); an on-failure destination would deliver each failure twice.');
  }
  checkInputs(config, LambdaAsyncInvokeOptions, p => validateConfig(p, options));
  return config;
}

/** The function and qualifier an EventInvokeConfig must name for what callers invoke. */
function qualifiedTarget(target: lambda.IFunction, fn: lambda.Function): { fn: lambda.IFunction; qualifier: string } {
  if (target instanceof lambda.Alias) return { fn: target.version.lambda, qualifier: target.aliasName };
  if (target instanceof lambda.Version) return { fn: target.lambda, qualifier: target.version };
  return { fn, qualifier: '$LATEST' };
}

function validateConfig(p: InputChecks, options: AsyncInvokeOptions): void {
  // Retries, event age and FIFO destinations are the rule library's (LambdaAsyncInvokeConfig,
  // LambdaFifoAsyncDestination, on the template).
  const onSuccess = options.onSuccess instanceof AsyncDestination ? options.onSuccess : undefined;
  p.when(onSuccess?.kind === AsyncDestinationKind.BUCKET, 'asyncInvoke.onSuccess', `the bucket ${onSuccess?.targetName}`,
    'a queue, topic, function or event bus', 'Lambda supports S3 buckets as on-failure destinations only');
}
