import { AssetStaging, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { IConstruct } from 'constructs';
import { inspectPackage, isExecutable, PackageContents } from './package-contents';
import { LayerFacts, recordedLayerFacts, recordLayerFacts } from '../../core/private/layer-facts';
import { isToken } from '../../core/private/tokens';

/** The asset `Code.fromAsset` created under `scope`, when there is one. */
export function assetOf(scope: IConstruct): s3_assets.Asset | undefined {
  const asset = scope.node.tryFindChild('Code');
  return asset instanceof s3_assets.Asset ? asset : undefined;
}

/** The staged or source path of an asset created under `scope` by `Code.fromAsset`, when there is one. */
export function localAssetPath(scope: IConstruct): string | undefined {
  const staging = assetOf(scope)?.node.tryFindChild('Stage');
  return staging instanceof AssetStaging ? staging.absoluteStagedPath : undefined;
}

function tryInspect(source: string): PackageContents | undefined {
  try {
    return inspectPackage(source);
  } catch {
    return undefined;
  }
}

function architecturesOf(layer: lambda.ILayerVersion): lambda.Architecture[] | undefined {
  const cfn = layer.node.defaultChild;
  if (!(cfn instanceof lambda.CfnLayerVersion)) return undefined;
  const names = Stack.of(layer).resolve(cfn.compatibleArchitectures);
  if (!Array.isArray(names)) return undefined;
  return names.filter((n): n is string => typeof n === 'string').map(n => lambda.Architecture.custom(n));
}

/**
 * What is known about any layer: the recorded facts of a BlueprintLayer or imported layer, or, for a
 * plain `lambda.LayerVersion` built from a local asset, facts measured from that asset.
 */
export function factsOf(layer: lambda.ILayerVersion): LayerFacts {
  const known = recordedLayerFacts(layer);
  if (known) return known;
  const compatibleArchitectures = architecturesOf(layer);
  const local = localAssetPath(layer);
  const contents = local ? tryInspect(local) : undefined;
  if (!contents) return { compatibleArchitectures, fingerprint: isToken(layer.layerVersionArn) ? undefined : layer.layerVersionArn };
  const facts = {
    unzippedSizeBytes: contents.unzippedBytes,
    compatibleArchitectures,
    providesBootstrap: isExecutable(contents.bootstrapMode),
    fingerprint: assetOf(layer)?.assetHash,
  };
  recordLayerFacts(layer, facts);
  return facts;
}
