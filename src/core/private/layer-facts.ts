import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';

/*
 * What is known about each layer construct, kept below layers/ so that the rules (the package size rule
 * reads the sizes declared on import) read it without importing a construct folder's private files.
 */

/** What the blueprints know about a layer version beyond `ILayerVersion`. */
export interface LayerFacts {
  /** Unzipped size in bytes, undefined when unknown (imported by ARN, or not a local asset). */
  readonly unzippedSizeBytes?: number;
  /** Architectures the layer declares, undefined when unknown. */
  readonly compatibleArchitectures?: lambda.Architecture[];
  /** Whether the layer has an executable `bootstrap` at its root (undefined: unknown). */
  readonly providesBootstrap?: boolean;
  /**
   * A string that changes whenever the layer's content changes (its asset hash, or a concrete version
   * ARN), mixed into the function's version hash so that a layer change publishes a new version.
   */
  readonly fingerprint?: string;
}

const FACTS = new WeakMap<IConstruct, LayerFacts>();

/** Records what is known about a layer (BlueprintLayer, imported layers). */
export function recordLayerFacts(layer: IConstruct, facts: LayerFacts): void {
  FACTS.set(layer, facts);
}

/** The facts recorded for a layer construct (imported layers declare them), undefined when none. */
export function recordedLayerFacts(layer: IConstruct): LayerFacts | undefined {
  return FACTS.get(layer);
}
