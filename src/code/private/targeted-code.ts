import { CfnResource } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct, IConstruct } from 'constructs';

/** What the function the code is for tells the packaging. */
export interface CodeTarget {
  readonly runtime?: lambda.Runtime;
  readonly handler?: string;
  readonly architecture?: lambda.Architecture;
}

/** The concrete code for one function. */
export interface ResolvedCode {
  readonly code: lambda.Code;
  /** Whether the package holds a source map (then `NODE_OPTIONS=--enable-source-maps` is wanted). */
  readonly sourceMapped: boolean;
}

/**
 * Code whose package depends on the function (runtime, handler, architecture): a `BlueprintFunction`
 * resolves it with what it knows (`resolveFor`); a plain `lambda.Function` binds it with defaults.
 * Problems become synth errors on the scope (all reported together), never exceptions.
 */
export abstract class TargetedCode extends lambda.Code {
  public readonly isInline = false;
  private readonly bound = new Map<IConstruct, lambda.Code>();

  /** The concrete code for one function. */
  public abstract resolveFor(scope: Construct, target: CodeTarget): ResolvedCode;

  public bind(scope: Construct): lambda.CodeConfig {
    const code = this.resolveFor(scope, {}).code;
    this.bound.set(scope, code);
    return code.bind(scope);
  }

  public bindToResource(resource: CfnResource, options?: lambda.ResourceBindOptions): void {
    const scope = resource.node.scope;
    const code = scope ? this.bound.get(scope) : undefined;
    code?.bindToResource(resource, options);
  }
}
