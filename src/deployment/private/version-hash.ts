import * as crypto from 'crypto';
import { Aspects, IAspect, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';

/**
 * `Function.currentVersion` hashes the function's properties, where a layer of the same app appears as a
 * `Ref` that does not change with the layer's content. This mixes the content of every layer of the stack
 * that the function references (however the layers were attached) into the version hash, so a new layer
 * version publishes a new function version. Layers given as literal ARNs are already in the hash.
 */
export function invalidateVersionOnLayerContent(fn: lambda.Function): void {
  Aspects.of(fn).add(new LayerContentHash(fn));
}

class LayerContentHash implements IAspect {
  private done = false;

  constructor(private readonly fn: lambda.Function) {}

  public visit(node: IConstruct): void {
    if (node !== this.fn || this.done) return;
    this.done = true;
    const hash = layerContentHash(this.fn);
    if (hash) this.fn.invalidateVersionBasedOn(hash);
  }
}

/** A digest of the properties of the stack's layers the function references by `Ref`, in order. */
export function layerContentHash(fn: lambda.Function): string | undefined {
  const stack = Stack.of(fn);
  const refs: unknown[] = stack.resolve((fn.node.defaultChild as lambda.CfnFunction).layers) ?? [];
  const ids = refs.map(r => (r as { Ref?: unknown })?.Ref).filter((r): r is string => typeof r === 'string');
  if (ids.length === 0) return undefined;
  const layers = new Map<string, lambda.CfnLayerVersion>();
  for (const c of stack.node.findAll()) {
    if (c instanceof lambda.CfnLayerVersion && Stack.of(c) === stack) layers.set(stack.resolve(c.logicalId), c);
  }
  const parts = ids.map(id => {
    const l = layers.get(id);
    return l && stack.resolve({
      content: l.content,
      compatibleRuntimes: l.compatibleRuntimes,
      compatibleArchitectures: l.compatibleArchitectures,
      description: l.description,
      layerName: l.layerName,
      licenseInfo: l.licenseInfo,
    });
  });
  return crypto.createHash('md5').update(JSON.stringify(parts)).digest('hex');
}
