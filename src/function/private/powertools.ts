import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { Powertools } from '../../layers/powertools';
import { POWERTOOLS_FACTS } from '../../limits';
import { LambdaLayers } from '../../rules/function/layers';
import { reportInput } from '../../rules/private/enforce';

/** What Powertools adds to a function: its layer and the service name variable. */
export interface PowertoolsParts {
  readonly layer: lambda.ILayerVersion;
  readonly environment: Record<string, string>;
}

/**
 * The Powertools layer and service name for the function `scope` builds (of `runtime` and `architecture`), or
 * none when the flavour does not fit the runtime: reported at synth under LambdaLayers.
 */
export function powertoolsParts(
  scope: Construct, powertools: Powertools, runtime: lambda.Runtime, architecture: lambda.Architecture): PowertoolsParts | undefined {
  const layer = powertools._layerArn(scope, runtime, architecture);
  if (!layer.arn) {
    reportInput(scope, LambdaLayers, { property: 'powertools', value: layer.value!, allowed: layer.allowed!, reason: layer.reason! });
    return undefined;
  }
  return {
    layer: lambda.LayerVersion.fromLayerVersionArn(scope, 'PowertoolsLayer', layer.arn),
    environment: { [POWERTOOLS_FACTS.serviceNameVariable]: powertools.serviceName ?? scope.node.path },
  };
}
