import { Arn, ArnFormat, Aws, Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { POWERTOOLS_FACTS } from '../limits';

/** Options of Powertools for AWS Lambda (TypeScript). */
export interface PowertoolsTypeScriptOptions {
  /**
   * The layer version (`AWSLambdaPowertoolsTypeScriptV2:<version>`), a whole number from 1.
   * @default 44 - the newest the Powertools documentation lists at this release
   * @see https://docs.aws.amazon.com/powertools/typescript/latest/getting-started/lambda-layers
   */
  readonly version?: number;

  /**
   * The service name Powertools writes into every log line, metric and trace (`POWERTOOLS_SERVICE_NAME`).
   * @default - the function's construct path
   */
  readonly serviceName?: string;
}

/** Options of Powertools for AWS Lambda (Python). */
export interface PowertoolsPythonOptions {
  /**
   * The layer version (`AWSLambdaPowertoolsPythonV3-<python>-<architecture>:<version>`), a whole number from 1.
   * Required: the versions differ per Python version and architecture.
   * @see https://docs.aws.amazon.com/powertools/python/latest/getting-started/install/#lambda-layer
   */
  readonly version: number;

  /**
   * The service name Powertools writes into every log line, metric and trace (`POWERTOOLS_SERVICE_NAME`).
   * @default - the function's construct path
   */
  readonly serviceName?: string;
}

/**
 * Powertools for AWS Lambda (structured logging, metrics, tracing, idempotency…) as a `BlueprintFunction`
 * option: the AWS-published layer of the function's region, runtime and architecture (a deploy-time region
 * stays a reference in the ARN), and the service name in `POWERTOOLS_SERVICE_NAME` (counted in the 4 KB of
 * environment variables). The function's runtime must match the flavour: checked at synth (rule LambdaLayers).
 * Bundled TypeScript (`BlueprintCode.fromEntry`): leave `@aws-lambda-powertools/*` to the layer (mark them
 * external) so that the bundle does not ship them twice.
 */
export class Powertools {
  /**
   * Powertools for AWS Lambda (TypeScript), for Node.js functions: one layer for both architectures.
   * @param options the layer version and service name
   */
  public static typeScript(options: PowertoolsTypeScriptOptions = {}): Powertools {
    return new Powertools('typescript', options.version ?? POWERTOOLS_FACTS.typeScriptLayerVersion, options.serviceName);
  }

  /**
   * Powertools for AWS Lambda (Python) v3, for Python 3.9+ functions: the layer of the function's Python
   * version and architecture.
   * @param options the layer version and service name
   */
  public static python(options: PowertoolsPythonOptions): Powertools {
    return new Powertools('python', options.version, options.serviceName);
  }

  /** `typescript` or `python`. */
  public readonly flavour: string;
  /** The layer version. */
  public readonly version: number;
  /** The service name, when given. */
  public readonly serviceName?: string;

  private constructor(flavour: string, version: number, serviceName?: string) {
    this.flavour = flavour;
    this.version = version;
    this.serviceName = serviceName;
  }

  /**
   * The layer ARN for a function of `runtime` and `architecture` in the scope's region, or what is wrong
   * (`value`, `allowed`, `reason` of a finding on the prop `powertools`).
   * @internal
   */
  public _layerArn(scope: IConstruct, runtime: lambda.Runtime, architecture: lambda.Architecture): PowertoolsLayer {
    const call = this.flavour === 'typescript' ? 'Powertools.typeScript' : 'Powertools.python';
    if (!Token.isUnresolved(this.version) && (!Number.isInteger(this.version) || this.version < 1)) {
      return { value: `${call}({ version: ${this.version} })`, allowed: 'a whole layer version from 1', reason: 'AWS publishes the layer in numbered versions' };
    }
    const stack = Stack.of(scope);
    // A known region names its partition; a deploy-time region keeps both as references.
    const partition = Token.isUnresolved(stack.region) ? Aws.PARTITION : RegionInfo.get(stack.region).partition ?? Aws.PARTITION;
    const arn = (account: string, name: string) => Arn.format({
      partition,
      service: 'lambda',
      region: stack.region,
      account,
      resource: 'layer',
      resourceName: `${name}:${this.version}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }, stack);
    if (this.flavour === 'typescript') {
      if (runtime.family === lambda.RuntimeFamily.NODEJS) return { arn: arn(POWERTOOLS_FACTS.typeScriptAccount, POWERTOOLS_FACTS.typeScriptLayer) };
      return { value: `${call}() on ${runtime.name}`, allowed: 'a Node.js runtime', reason: 'the TypeScript layer holds Node.js modules' };
    }
    if (!POWERTOOLS_FACTS.pythonRuntimes.test(runtime.name)) {
      return { value: `${call}() on ${runtime.name}`, allowed: 'Python 3.9 or later', reason: 'AWS publishes the Python v3 layer for Python 3.9 and later only' };
    }
    return { arn: arn(POWERTOOLS_FACTS.pythonAccount, `${POWERTOOLS_FACTS.pythonLayerPrefix}-${runtime.name.replace('.', '')}-${architecture.name}`) };
  }
}

/**
 * The layer of a Powertools flavour for a function, or what is wrong.
 * @internal
 */
export interface PowertoolsLayer {
  readonly arn?: string;
  readonly value?: string;
  readonly allowed?: string;
  readonly reason?: string;
}
