import { Lazy, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { factsOf } from './layer-facts';
import { isCustomRuntime } from './layout';
import { inspectPackage, PackageContents } from './package-contents';
import { isToken } from '../../core/private/tokens';
import { LambdaLayerCompatibility, LambdaPackageUnverified } from '../../rules/inputs';
import { reportInput } from '../../rules/private/enforce';
import { checkInputs, InputChecks } from '../../rules/private/inputs';

/** What the function's own code is, as far as it can be measured locally. */
interface CodeMeasure {
  readonly bytes?: number;
  readonly contents?: PackageContents;
  readonly description: string;
}

function measureCode(scope: Construct, code: lambda.Code): CodeMeasure {
  if (code instanceof lambda.InlineCode) {
    // InlineCode.bind only returns its source; it creates nothing under the scope.
    const inline = code.bind(scope).inlineCode ?? '';
    return { bytes: Buffer.byteLength(inline, 'utf-8'), description: 'inline code' };
  }
  if (code instanceof lambda.AssetCode) {
    try {
      const contents = inspectPackage(code.path);
      return { bytes: contents.unzippedBytes, contents, description: code.path };
    } catch {
      return { description: code.path };
    }
  }
  return { description: 'code outside this app (S3 object or image)' };
}

/** A display name for a layer in messages: its construct path. */
function nameOf(layer: lambda.ILayerVersion): string {
  return layer.node.path;
}

/**
 * The layers of one function: kept in the order given (Lambda extracts them to /opt in that order, a later
 * layer overwriting files of an earlier one), written to the template by this class rather than by the
 * `lambda.Function` L2 (which throws at the sixth layer or a runtime mismatch, one problem at a time, and
 * may sort them), and checked together at synth: runtimes, architectures and the `bootstrap` of a custom
 * runtime (the count and the 250 MB unzipped budget are rules of the library, on the template). Internal to
 * BlueprintFunction.
 */
export class FunctionLayers {
  private readonly layers: lambda.ILayerVersion[] = [];
  private readonly code: CodeMeasure;
  private readonly l2Layers: unknown;
  private warnedCodeSize = false;

  constructor(private readonly scope: Construct, private readonly fn: lambda.Function, code: lambda.Code) {
    this.code = measureCode(scope, code);
    const cfn = fn.node.defaultChild as lambda.CfnFunction;
    // Layers added straight to the L2 (e.g. by a helper calling fn.addLayers) are kept after ours.
    this.l2Layers = cfn.layers;
    cfn.layers = Lazy.list({ produce: () => this.render() }, { omitEmpty: true });
    checkInputs(scope, LambdaLayerCompatibility, p => this.validate(p));
    if (isCustomRuntime(fn.runtime) && !this.code.contents) {
      reportInput(scope, LambdaPackageUnverified, {
        property: 'code',
        value: `${this.code.description} on custom runtime ${fn.runtime.name}`,
        allowed: 'a local directory or zip whose bootstrap can be checked (or acknowledge this warning)',
        reason: 'a custom runtime starts an executable bootstrap from the code or a layer, and it cannot be verified here',
      });
    }
  }

  /** The layers, in extraction order. */
  public get all(): lambda.ILayerVersion[] {
    return [...this.layers];
  }

  /** Adds layers at the end of the order. */
  public add(layers: lambda.ILayerVersion[]): void {
    for (const layer of layers) {
      this.layers.push(layer);
      const facts = factsOf(layer);
      // The layer's ARN is a reference that stays the same when its content changes: mix the content
      // fingerprint into the version hash so that a release through an alias publishes a new version.
      if (facts.fingerprint) this.fn.invalidateVersionBasedOn(`layer ${this.layers.length}: ${facts.fingerprint}`);
      if (facts.unzippedSizeBytes === undefined) {
        reportInput(this.scope, LambdaPackageUnverified, {
          property: 'layers',
          value: `${nameOf(layer)}, whose unzipped size is unknown at synth (imported or not built from a local asset)`,
          allowed: 'layers built from local assets (or acknowledge this warning)',
          reason: 'the 250 MB limit of code plus layers is checked only for the parts measured locally',
        });
      }
      if (this.code.bytes === undefined && !this.warnedCodeSize) {
        this.warnedCodeSize = true;
        reportInput(this.scope, LambdaPackageUnverified, {
          property: 'code',
          value: `${this.code.description}, whose unzipped size is unknown at synth`,
          allowed: 'code from a local asset (or acknowledge this warning)',
          reason: 'the 250 MB limit of code plus layers is checked only for the layers',
        });
      }
    }
  }

  private inheritedL2Layers(): unknown[] {
    const resolved = Stack.of(this.scope).resolve(this.l2Layers);
    return Array.isArray(resolved) ? resolved : [];
  }

  private render(): string[] | undefined {
    const arns = [...this.layers.map(l => l.layerVersionArn), ...this.inheritedL2Layers() as string[]];
    return arns.length ? arns : undefined;
  }

  private validate(p: InputChecks): void {
    const runtime = this.fn.runtime;
    const architecture = this.fn.architecture;
    if (this.layers.length === 0 && !isCustomRuntime(runtime)) return;

    // Layers on a container image function are the rule library's (LambdaImageUri, on the template).
    // The layer count, ARNs and duplicates are the rule library's (LambdaLayers, on the template).

    // The 250 MB budget of code plus layers is the rule library's (LambdaPackageSize, on the template).

    for (const layer of this.layers) {
      this.checkCompatibility(p, layer, factsOf(layer).compatibleArchitectures, runtime, architecture);
    }
  }

  private checkCompatibility(p: InputChecks, layer: lambda.ILayerVersion, architectures: lambda.Architecture[] | undefined,
    runtime: lambda.Runtime, architecture: lambda.Architecture): void {
    const runtimes = layer.compatibleRuntimes;
    if (runtimes && runtimes.length > 0 && runtime !== lambda.Runtime.FROM_IMAGE && !runtimes.some(r => r.runtimeEquals(runtime))) {
      p.add(`runtime for layer ${nameOf(layer)}`, runtime.name, `one of the layer's compatible runtimes (${runtimes.map(r => r.name).join(', ')})`,
        'the layer\'s content is laid out and built for those runtimes only');
    }
    const archNames = architectures?.map(a => a.name).filter(n => !isToken(n));
    if (archNames && archNames.length > 0 && !isToken(architecture.name) && !archNames.includes(architecture.name)) {
      p.add(`architecture for layer ${nameOf(layer)}`, architecture.name, `one of the layer's compatible architectures (${archNames.join(', ')})`,
        'native binaries built for another instruction set fail to load');
    }
  }

}
