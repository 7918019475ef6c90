import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SmokeTestOptions } from './options';
import { newHookFunction } from './private/hook-function';
import { isToken } from '../core/private/tokens';
import { LIMITS } from '../limits';

/**
 * The smoke-test hook's handler (Node.js, AWS SDK v3 from the runtime): invokes the version under test
 * with the payload and reports Succeeded or Failed to CodeDeploy.
 */
export const SMOKE_TEST_HANDLER = `const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');
const { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } = require('@aws-sdk/client-codedeploy');
const lambda = new LambdaClient({});
const codedeploy = new CodeDeployClient({});

exports.handler = async (event) => {
  let status = 'Succeeded';
  try {
    const res = await lambda.send(new InvokeCommand({
      FunctionName: process.env.TARGET_VERSION_ARN,
      Payload: Buffer.from(process.env.SMOKE_TEST_PAYLOAD || '{}'),
    }));
    const body = Buffer.from(res.Payload || []).toString();
    const expected = process.env.SMOKE_TEST_EXPECTED;
    if (res.FunctionError || (expected && !body.includes(expected))) {
      status = 'Failed';
      console.error(JSON.stringify({ message: 'smoke test failed', functionError: res.FunctionError, response: body.slice(0, 1000) }));
    }
  } catch (err) {
    status = 'Failed';
    console.error(JSON.stringify({ message: 'smoke test could not invoke the new version', error: String(err) }));
  }
  await codedeploy.send(new PutLifecycleEventHookExecutionStatusCommand({
    deploymentId: event.DeploymentId,
    lifecycleEventHookExecutionId: event.LifecycleEventHookExecutionId,
    status,
  }));
  return { status };
};
`;

/** Properties of a `SmokeTestHook`. */
export interface SmokeTestHookProps extends SmokeTestOptions {
  /** The alias under deployment: the hook invokes the version it is about to receive. */
  readonly alias: lambda.Alias;
}

/**
 * A pre-traffic hook that invokes the new version with a payload and fails the deployment on a function
 * error (or an unexpected response). Its function runs an inline Node.js handler shipped with the library
 * and may invoke exactly the version under test; the deployment group grants it
 * `codedeploy:PutLifecycleEventHookExecutionStatus` on that group only. The function is a
 * `BlueprintFunction` (at `Hook`, with its log group, alarms and the standards' defaults) when the alias
 * belongs to one, else a plain `lambda.Function`.
 */
export class SmokeTestHook extends Construct {
  /** The hook's Lambda function (what the deployment group runs). */
  public readonly function: lambda.IFunction;

  constructor(scope: Construct, id: string, props: SmokeTestHookProps) {
    super(scope, id);
    const target = props.alias.version;
    const environment: { [key: string]: string } = {
      TARGET_VERSION_ARN: target.functionArn,
      SMOKE_TEST_PAYLOAD: props.payload ?? '{}',
    };
    if (props.expectedResponseContains !== undefined) environment.SMOKE_TEST_EXPECTED = props.expectedResponseContains;
    this.function = newHookFunction(this, 'Hook', props.alias, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(SMOKE_TEST_HANDLER),
      memorySize: 256,
      timeout: hookTimeout(props.alias),
      description: `Smoke test of ${props.alias.node.path} before CodeDeploy shifts traffic`,
      environment,
    });
    this.function.addToRolePolicy(new iam.PolicyStatement({
      actions: ['lambda:InvokeFunction'],
      resources: [target.functionArn],
    }));
  }
}

/** Long enough to wait for the version under test (its timeout plus a minute), at most 900 s. */
function hookTimeout(alias: lambda.Alias): Duration {
  const cfn = alias.version.lambda.node.defaultChild as lambda.CfnFunction | undefined;
  const seconds = cfn ? Stack.of(alias).resolve(cfn.timeout) : undefined;
  if (typeof seconds !== 'number' || isToken(seconds)) return Duration.seconds(LIMITS.timeout.max);
  return Duration.seconds(Math.min(seconds + 60, LIMITS.timeout.max));
}
