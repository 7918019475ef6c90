import { Resource } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Node } from 'constructs';

/**
 * The members of `lambda.IFunction` a BlueprintFunction delegates: what callers invoke is `invokeTarget`
 * (the alias once released), the rest is the function's. Not exported: jsii blends these members into
 * BlueprintFunction, whose API they stay part of.
 *
 * @internal
 */
export abstract class InvokeTargetDelegate extends Resource {
  /** The Lambda function. */
  public abstract readonly function: lambda.Function;

  /** What callers and triggers should invoke. */
  public abstract readonly invokeTarget: lambda.IFunction;

  /** The name callers invoke: `name:alias` once the function is released through an alias. */
  public get functionName(): string {
    return this.invokeTarget.functionName;
  }

  /** The ARN callers invoke: the alias ARN once the function is released through an alias. */
  public get functionArn(): string {
    return this.invokeTarget.functionArn;
  }

  /** A reference to what callers invoke (the alias once released). */
  public get functionRef(): lambda.FunctionReference {
    return this.invokeTarget.functionRef;
  }

  /** The construct node invoke permissions are created under (the alias's once released). */
  public get permissionsNode(): Node {
    return this.invokeTarget.permissionsNode;
  }

  /** The ARNs `grantInvoke` grants on (the alias once released). */
  public get resourceArnsForGrantInvoke(): string[] {
    return this.invokeTarget.resourceArnsForGrantInvoke;
  }

  /** The instruction set of the function. */
  public get architecture(): lambda.Architecture {
    return this.function.architecture;
  }

  /** The tenancy configuration of the function, when it has one. */
  public get tenancyConfig(): lambda.TenancyConfig | undefined {
    return this.function.tenancyConfig;
  }

  /** The function's `$LATEST` version (triggers should invoke `invokeTarget` instead). */
  public get latestVersion(): lambda.IVersion {
    return this.function.latestVersion;
  }

  /**
   * Grant an identity permission to invoke the function (through its alias when it has one).
   * @param grantee the identity
   */
  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return this.invokeTarget.grantInvoke(grantee);
  }

  /**
   * Grant an identity permission to invoke `$LATEST` (prefer `grantInvoke`, which targets the alias).
   * @param grantee the identity
   */
  public grantInvokeLatestVersion(grantee: iam.IGrantable): iam.Grant {
    return this.function.grantInvokeLatestVersion(grantee);
  }

  /**
   * Grant an identity permission to invoke one version of the function.
   * @param grantee the identity
   * @param version the version
   */
  public grantInvokeVersion(grantee: iam.IGrantable, version: lambda.IVersion): iam.Grant {
    return this.function.grantInvokeVersion(grantee, version);
  }

  /**
   * Grant an identity permission to invoke the function's URL (on the alias when it has one).
   * @param grantee the identity
   */
  public grantInvokeUrl(grantee: iam.IGrantable): iam.Grant {
    return this.invokeTarget.grantInvokeUrl(grantee);
  }

  /**
   * Grant each principal of a composite principal permission to invoke the function (alias when released).
   * @param compositePrincipal the principals
   */
  public grantInvokeCompositePrincipal(compositePrincipal: iam.CompositePrincipal): iam.Grant[] {
    return this.invokeTarget.grantInvokeCompositePrincipal(compositePrincipal);
  }

  /**
   * Add a resource-based permission (on the alias when the function has one).
   * @param id construct id of the permission
   * @param permission the permission
   */
  public addPermission(id: string, permission: lambda.Permission): void {
    this.invokeTarget.addPermission(id, permission);
  }

  /**
   * Add an event source (bound to the function, or to its alias when it has one).
   * @param source the event source
   */
  public addEventSource(source: lambda.IEventSource): void {
    this.invokeTarget.addEventSource(source);
  }

  /**
   * Add an event source mapping (on the alias when the function has one).
   * @param id construct id of the mapping
   * @param options the mapping
   */
  public addEventSourceMapping(id: string, options: lambda.EventSourceMappingOptions): lambda.EventSourceMapping {
    return this.invokeTarget.addEventSourceMapping(id, options);
  }

  /**
   * Add a function URL (on the alias when the function has one). `BlueprintFunctionUrl` adds the
   * blueprint's checks (authentication) on top.
   * @param options the URL options
   */
  public addFunctionUrl(options?: lambda.FunctionUrlOptions): lambda.FunctionUrl {
    return this.invokeTarget.addFunctionUrl(options);
  }

  /**
   * A metric of what callers invoke (the alias once released).
   * @param metricName the AWS/Lambda metric name
   * @param props metric options
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metric(metricName, props);
  }

  /**
   * Duration of the invocations (alias once released).
   * @param props metric options
   * @default average over 5 minutes
   */
  public metricDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricDuration(props);
  }

  /**
   * Number of invocations (alias once released).
   * @param props metric options
   * @default sum over 5 minutes
   */
  public metricInvocations(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricInvocations(props);
  }

  /**
   * Number of invocations that failed with a function error (alias once released).
   * @param props metric options
   * @default sum over 5 minutes
   */
  public metricErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricErrors(props);
  }

  /**
   * Number of throttled invocations (alias once released).
   * @param props metric options
   * @default sum over 5 minutes
   */
  public metricThrottles(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricThrottles(props);
  }
}
