import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { invokeTargetOf } from '../function/private/invoke-target';
import { NagAcknowledgements } from '../nag/acknowledge';

/** Properties of an `AlbToFunction`. */
export interface AlbToFunctionProps {
  /** The function behind the load balancer (invoked through its alias when it has one). */
  readonly function: lambda.IFunction;

  /** The VPC of the load balancer. */
  readonly vpc: ec2.IVpc;

  /** The certificate of the HTTPS listener. */
  readonly certificate: acm.ICertificate;

  /**
   * Whether the target group sends multi-value headers and query strings (`multiValueHeaders`,
   * `multiValueQueryStringParameters`) instead of single-value ones (`headers`, `queryStringParameters`).
   * The handler must answer in the same form (`multiValueHeaders` or `headers`). Required: the request
   * and response shapes depend on it.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html#multi-value-headers
   */
  readonly multiValueHeaders: boolean;

  /**
   * Put the load balancer in public subnets with a public DNS name.
   * @default false (internal, reachable from the VPC only)
   */
  readonly internetFacing?: boolean;

  /**
   * The CIDR allowed to reach the HTTPS listener.
   * @default - the VPC CIDR for an internal load balancer, 0.0.0.0/0 for an internet-facing one
   */
  readonly allowedCidr?: string;

  /**
   * The bucket receiving the load balancer's access logs (SSE-S3 encrypted, as ALB requires).
   * @default - a new encrypted, TLS-only, private bucket keeping logs 90 days
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * An Application Load Balancer in front of a BlueprintFunction: an HTTPS listener (recommended TLS policy,
 * invalid header fields dropped) forwarding to a Lambda target group with multi-value headers explicitly
 * on or off, and access logs in S3.
 *
 * Request (JSON event): `requestContext.elb.targetGroupArn`, `httpMethod`, `path`, `queryStringParameters`
 * and `headers` (or `multiValueQueryStringParameters` and `multiValueHeaders` when enabled), `body`
 * (base64 when binary) and `isBase64Encoded`. Response: `{ statusCode, statusDescription, headers |
 * multiValueHeaders, body, isBase64Encoded }` — e.g. `{ statusCode: 200, statusDescription: '200 OK',
 * headers: { 'Content-Type': 'application/json' }, body: '{}', isBase64Encoded: false }`.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export class AlbToFunction extends Construct {
  /** The load balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The HTTPS listener. */
  public readonly listener: elbv2.ApplicationListener;
  /** The Lambda target group. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The load balancer's security group. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The access logs bucket. */
  public readonly accessLogsBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: AlbToFunctionProps) {
    super(scope, id);
    const internetFacing = props.internetFacing ?? false;
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `HTTPS to ${this.node.path}`,
      allowAllOutbound: false,
    });
    const cidr = props.allowedCidr ?? (internetFacing ? '0.0.0.0/0' : props.vpc.vpcCidrBlock);
    this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS');
    if (props.allowedCidr === undefined) {
      NagAcknowledgements.add(this.securityGroup, 'AwsSolutions-EC23', internetFacing
        ? 'An internet-facing HTTPS endpoint was requested explicitly (internetFacing: true); only port 443 is open and TLS is enforced by the listener.'
        : 'Ingress is limited to port 443 from the VPC CIDR (a CloudFormation reference cdk-nag cannot resolve), not the internet.');
    }

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      internetFacing,
      securityGroup: this.securityGroup,
      dropInvalidHeaderFields: true,
      vpcSubnets: { subnetType: internetFacing ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    this.accessLogsBucket = props.accessLogsBucket ?? this.newLogsBucket();
    this.loadBalancer.logAccessLogs(this.accessLogsBucket, 'alb');

    const target = invokeTargetOf(props.function);
    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'TargetGroup', {
      targetType: elbv2.TargetType.LAMBDA,
      targets: [new targets.LambdaTarget(target)],
    });
    scopeLoadBalancerPermission(target);
    this.targetGroup.setAttribute('lambda.multi_value_headers.enabled', String(props.multiValueHeaders));

    this.listener = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [props.certificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      defaultTargetGroups: [this.targetGroup],
      open: false,
    });
  }

  private newLogsBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(90), noncurrentVersionExpiration: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagAcknowledgements.add(bucket, 'AwsSolutions-S1', 'This bucket is itself the access-log destination of the load balancer; logging its own access would only log the log delivery.');
    return bucket;
  }
}

/**
 * aws-cdk-lib's LambdaTarget lets Elastic Load Balancing invoke the function with neither `SourceArn` nor
 * `SourceAccount`: any account's load balancer could (a confused deputy; checkov CKV_AWS_364). The target
 * group's ARN cannot be the `SourceArn` (the target group is created after the permission it needs), so the
 * permission is limited to the stack's account.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
function scopeLoadBalancerPermission(target: IConstruct): void {
  const stack = Stack.of(target);
  for (const c of target.node.findAll()) {
    if (c instanceof lambda.CfnPermission && stack.resolve(c.principal) === 'elasticloadbalancing.amazonaws.com'
      && c.sourceArn === undefined && c.sourceAccount === undefined) {
      c.sourceAccount = stack.account;
    }
  }
}
