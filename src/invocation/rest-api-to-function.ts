import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ApiAuthorization, ApiAuthorizationKind } from './api-authorization';
import { invokeTargetOf } from '../function/private/invoke-target';
import { NagAcknowledgements } from '../nag/acknowledge';
import { enforceRules } from '../rules/private/enforce';
import { defaultOf } from '../standards/private/registry';

/** Properties of a `RestApiToFunction`. */
export interface RestApiToFunctionProps {
  /** The function behind the API (invoked through its alias when it has one, with a proxy integration). */
  readonly function: lambda.IFunction;

  /**
   * A name for the API.
   * @default - the construct path
   */
  readonly restApiName?: string;

  /**
   * The stage name.
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * Steady-state requests per second for every method of the stage (non-negative).
   * @default 100
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
   */
  readonly throttlingRateLimit?: number;

  /**
   * Burst size for every method of the stage (a non-negative whole number).
   * @default 200
   */
  readonly throttlingBurstLimit?: number;

  /**
   * How callers are authorized.
   * @default ApiAuthorization.iam()
   */
  readonly authorization?: ApiAuthorization;

  /**
   * An existing regional AWS WAF web ACL to associate with the stage.
   * @default - a new web ACL with the AWS managed common and known-bad-inputs rule sets
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
   */
  readonly webAclArn?: string;

  /**
   * How API Gateway returns the function's response: `BUFFERED`, or `STREAM` to send it to the client as the
   * function writes it (the function streams with `awslambda.streamifyResponse` or a custom runtime; API
   * Gateway then invokes it through Lambda's response-streaming API). The local `serve` answers a `STREAM`
   * integration buffered.
   * @default ResponseTransferMode.BUFFERED
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
   */
  readonly responseTransferMode?: apigw.ResponseTransferMode;

  /**
   * Retention of the access log group.
   * @default RetentionDays.ONE_MONTH
   */
  readonly accessLogRetention?: logs.RetentionDays;
}

/**
 * A REST API in front of a BlueprintFunction that passes cdk-nag's AwsSolutions and Serverless API Gateway
 * rules by default: proxy integration on `/` and `/{proxy+}`, IAM authorization (or Cognito), a request
 * validator, structured JSON access logs in an explicit log group, execution logging, X-Ray tracing,
 * explicit stage throttling, a regional WAF web ACL, and invoke permissions scoped to the API's ARN.
 *
 * The function receives the API Gateway proxy event (`httpMethod`, `path`, `headers`,
 * `multiValueHeaders`, `queryStringParameters`, `body`, `isBase64Encoded`, `requestContext`) and returns
 * `{ statusCode, headers?, multiValueHeaders?, body, isBase64Encoded? }`.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html
 */
export class RestApiToFunction extends Construct {
  /** The REST API. */
  public readonly api: apigw.RestApi;
  /** The access log group (JSON lines). */
  public readonly accessLogGroup: logs.LogGroup;
  /** The request validator of every method. */
  public readonly requestValidator: apigw.RequestValidator;
  /** The web ACL this blueprint created, when none was given. */
  public readonly webAcl?: wafv2.CfnWebACL;
  /** The association of the web ACL with the stage. */
  public readonly webAclAssociation: wafv2.CfnWebACLAssociation;

  constructor(scope: Construct, id: string, props: RestApiToFunctionProps) {
    super(scope, id);
    // The stage's throttling ranges are the rule library's (ApiGatewayStageThrottling, on the template).
    enforceRules(this);
    const rate = props.throttlingRateLimit ?? 100;
    const burst = props.throttlingBurstLimit ?? 200;
    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', { retention: props.accessLogRetention ?? logs.RetentionDays.ONE_MONTH, encryptionKey: defaultOf(this, 'logGroupEncryptionKey')?.value });
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: props.restApiName ?? this.node.path.replace(/\//g, '-'),
      endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
      cloudWatchRole: true,
      deployOptions: {
        stageName: props.stageName ?? 'prod',
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: apigw.MethodLoggingLevel.INFO,
        dataTraceEnabled: false,
        throttlingRateLimit: rate,
        throttlingBurstLimit: burst,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogGroup),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
      },
    });
    this.requestValidator = this.api.addRequestValidator('RequestValidator', { validateRequestBody: true, validateRequestParameters: true });

    const authorization = props.authorization ?? ApiAuthorization.iam();
    const integration = new apigw.LambdaIntegration(invokeTargetOf(props.function), {
      proxy: true,
      responseTransferMode: props.responseTransferMode,
    });
    const methodOptions: apigw.MethodOptions = { ...authorization._methodOptions(this), requestValidator: this.requestValidator };
    const methods = [
      this.api.root.addMethod('ANY', integration, methodOptions),
      this.api.root.addResource('{proxy+}').addMethod('ANY', integration, methodOptions),
    ];
    if (authorization.kind === ApiAuthorizationKind.IAM) {
      for (const method of methods) {
        NagAcknowledgements.add(method, 'AwsSolutions-COG4', 'The method uses IAM (SigV4) authorization: callers are AWS principals granted execute-api:Invoke; a Cognito user pool authorizer is for end-user tokens and is available through ApiAuthorization.cognito().');
      }
    }
    NagAcknowledgements.add(this.api, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The account-level role API Gateway uses to write execution logs; AmazonAPIGatewayPushToCloudWatchLogs is the AWS-documented policy for it and covers only CloudWatch Logs actions.');

    if (!props.webAclArn) this.webAcl = this.newWebAcl();
    this.webAclAssociation = new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: props.webAclArn ?? this.webAcl!.attrArn,
    });
  }

  /** The URL of the deployed stage. */
  public get url(): string {
    return this.api.url;
  }

  private newWebAcl(): wafv2.CfnWebACL {
    const managed = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
    });
    return new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `${this.node.id}WebAcl` },
      rules: [managed('AWSManagedRulesCommonRuleSet', 0), managed('AWSManagedRulesKnownBadInputsRuleSet', 1)],
    });
  }
}
