import { streamingTarget } from './runtime';
import { STREAMING_FACTS } from '../../limits';
import { FUNCTION_URL, Rule, Severity, show } from '../private/rule';
import { isObject } from '../private/template-index';

/** A streaming function URL does not invoke a function in a VPC. */
export const LambdaStreamingUrlVpc: Rule = {
  id: 'LambdaStreamingUrlVpc',
  severity: Severity.WARNING,
  summary: 'A function URL with InvokeMode RESPONSE_STREAM does not invoke a function in a VPC (stream there through InvokeWithResponseStream and an interface VPC endpoint).',
  types: [FUNCTION_URL],
  check: (e, { index }) => {
    const fn = streamingTarget(index, e);
    const vpc = fn?.properties.VpcConfig;
    if (!fn || !isObject(vpc) || !Array.isArray(vpc.SubnetIds) || !vpc.SubnetIds.length) return [];
    return [{
      property: 'InvokeMode',
      value: `${show(STREAMING_FACTS.invokeMode)} for ${fn.path}, which is in a VPC (VpcConfig.SubnetIds)`,
      allowed: '"BUFFERED" for a function in a VPC, or InvokeWithResponseStream through an interface VPC endpoint for Lambda',
      reason: 'Lambda function URLs do not support response streaming for functions in a VPC environment',
      involves: [fn],
    }];
  },
};
