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

/** The problem of an image function whose runtime or handler is a zip package's, or undefined. */
export function imageHandlerProblem(runtime: lambda.Runtime, handler: string): string | undefined {
  if (runtime === lambda.Runtime.FROM_IMAGE && handler === lambda.Handler.FROM_IMAGE) return undefined;
  const value = handler !== lambda.Handler.FROM_IMAGE ? `Handler is ${JSON.stringify(handler)}` : `Runtime is ${JSON.stringify(runtime.name)}`;
  return `${value} for a container image, allowed is Handler.FROM_IMAGE with Runtime.FROM_IMAGE (the image's ENTRYPOINT and CMD name the runtime and handler), because Lambda takes both from the image and refuses them on an image function.`;
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
      return { code: refuseImage(scope, `Code is ${shown}, allowed is a directory holding ${file}, because the image is built from it at deploy time`), sourceMapped: false };
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
