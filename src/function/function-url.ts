import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { invokeTargetOf } from './private/invoke-target';
import { NagAcknowledgements } from '../nag/acknowledge';
import { enforceRules } from '../rules/private/enforce';

/** Properties of a `BlueprintFunctionUrl`. */
export interface BlueprintFunctionUrlProps {
  /** The function (the URL points at its alias when it has one). */
  readonly function: lambda.IFunction;

  /**
   * How callers authenticate. `NONE` makes the URL public and is refused (LambdaFunctionUrlAuth) unless `allowPublicAccess` is
   * set; where a platform standard denies public URLs it is refused by StandardNoPublicUrl alone, whatever `allowPublicAccess` says.
   * @default FunctionUrlAuthType.AWS_IAM
   * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
   */
  readonly authType?: lambda.FunctionUrlAuthType;

  /**
   * Explicitly accept a public URL (`authType: NONE`): anyone on the internet can invoke the function.
   * It acknowledges the rule `LambdaBlueprints-LambdaFunctionUrlAuth` on the URL with that reason (written
   * into the template, so `LambdaBlueprintChecks` sees it too); cap what callers can run with the
   * function's reserved concurrency.
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
   */
  readonly allowPublicAccess?: boolean;

  /**
   * Cross-origin resource sharing settings.
   * @default - no CORS
   */
  readonly cors?: lambda.FunctionUrlCorsOptions;

  /**
   * How the URL returns the response: `BUFFERED` (up to 6 MB, after the function ends) or `RESPONSE_STREAM`
   * (up to 200 MB, chunk by chunk as the function writes it; Node.js handlers wrap themselves in
   * `awslambda.streamifyResponse`, other runtimes need a custom runtime or the Lambda Web Adapter — rule
   * LambdaStreamingRuntime warns). The local emulator serves streamed URLs chunk by chunk too.
   * @default InvokeMode.BUFFERED
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html
   */
  readonly invokeMode?: lambda.InvokeMode;
}

/**
 * A Lambda Function URL with IAM authentication by default. Requests arrive as the payload 2.0 event
 * (`rawPath`, `headers`, `queryStringParameters`, `body`, `requestContext.http`), like an HTTP API.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-urls.html
 */
export class BlueprintFunctionUrl extends Construct {
  /** The function URL. */
  public readonly functionUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: BlueprintFunctionUrlProps) {
    super(scope, id);
    const authType = props.authType ?? lambda.FunctionUrlAuthType.AWS_IAM;
    this.functionUrl = new lambda.FunctionUrl(this, 'Url', { function: invokeTargetOf(props.function, false), authType, cors: props.cors, invokeMode: props.invokeMode });
    // A public URL is LambdaFunctionUrlAuth's (on the template): allowPublicAccess is the acknowledgement.
    enforceRules(this);
    if (props.allowPublicAccess) {
      NagAcknowledgements.add(this.functionUrl.node.defaultChild!, 'LambdaBlueprints-LambdaFunctionUrlAuth',
        'allowPublicAccess: true: the URL is public by decision, so anyone on the internet can invoke the function; its reserved concurrency caps what they can run.');
    }
  }

  /** The URL. */
  public get url(): string {
    return this.functionUrl.url;
  }
}
