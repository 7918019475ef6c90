import * as fs from 'fs';
import * as path from 'path';
import * as ecr_assets from 'aws-cdk-lib/aws-ecr-assets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { displayPath } from './entry-code';
import { refuseImage } from './refuse';
import { CodeTarget, ResolvedCode, TargetedCode } from './targeted-code';
import { BlueprintImageAssetOptions } from '../options';

/** Whether code is a container image (an ECR image or an image asset). */
export function isImageCode(code: lambda.Code): boolean {
  return code instanceof lambda.EcrImageCode || code instanceof lambda.AssetImageCode || code instanceof ImageAssetCode;
}

/** What is wrong with a function's runtime and handler for its kind of code (image or zip), or undefined. */
export interface CodeKindProblem {
  readonly property: 'runtime' | 'handler';
  readonly value: string;
  readonly allowed: string;
  readonly reason: string;
}

/**
 * An image function with a zip package's runtime or handler, or a zip package with `Runtime.FROM_IMAGE`:
 * aws-cdk-lib throws on both before the template exists (without the construct path or the prop).
 */
export function codeKindProblem(image: boolean, runtime: lambda.Runtime, handler: string): CodeKindProblem | undefined {
  if (image) {
    if (runtime === lambda.Runtime.FROM_IMAGE && handler === lambda.Handler.FROM_IMAGE) return undefined;
    return {
      property: handler !== lambda.Handler.FROM_IMAGE ? 'handler' : 'runtime',
      value: `${JSON.stringify(handler !== lambda.Handler.FROM_IMAGE ? handler : runtime.name)} for a container image`,
      allowed: 'Handler.FROM_IMAGE with Runtime.FROM_IMAGE (the image\'s ENTRYPOINT and CMD name the runtime and handler)',
      reason: 'Lambda takes both from the image and refuses them on an image function',
    };
  }
  if (runtime !== lambda.Runtime.FROM_IMAGE) return undefined;
  return {
    property: 'runtime',
    value: 'Runtime.FROM_IMAGE for a zip package',
    allowed: 'the runtime of the code\'s language (e.g. Runtime.NODEJS_24_X)',
    reason: 'Runtime.FROM_IMAGE goes with container image code only (BlueprintCode.fromImageAsset, BlueprintCode.fromEcr, lambda.Code.fromEcrImage)',
  };
}

/**
 * `BlueprintCode.fromImageAsset`: a Dockerfile directory built (by `cdk deploy`, never at synth) for the
 * function's architecture.
 */
export class ImageAssetCode extends TargetedCode {
  constructor(private readonly dir: string, private readonly options: BlueprintImageAssetOptions) {
    super();
  }

  public resolveFor(scope: Construct, target: CodeTarget): ResolvedCode {
    const file = this.options.file ?? 'Dockerfile';
    if (!fs.existsSync(path.join(this.dir, file))) {
      const shown = `BlueprintCode.fromImageAsset(${JSON.stringify(displayPath(this.dir))})`;
      return { code: refuseImage(scope, { property: 'Code', value: `${shown}`, allowed: `a directory holding ${file}`, reason: 'the image is built from it at deploy time' }), sourceMapped: false };
    }
    const arm = (target.architecture ?? lambda.Architecture.X86_64).name === lambda.Architecture.ARM_64.name;
    const code = lambda.Code.fromAssetImage(this.dir, {
      file,
      platform: arm ? ecr_assets.Platform.LINUX_ARM64 : ecr_assets.Platform.LINUX_AMD64,
      buildArgs: this.options.buildArgs,
    });
    return { code, sourceMapped: false };
  }
}
