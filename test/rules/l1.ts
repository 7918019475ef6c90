import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** A plain L1 function with the given property overrides (compliant when `props` is empty). */
export function l1Function(stack: Stack, id: string, props: Record<string, unknown> = {}): lambda.CfnFunction {
  const role = new iam.CfnRole(stack, `${id}Role`, { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } });
  const fn = new lambda.CfnFunction(stack, id, {
    role: role.attrArn,
    runtime: 'nodejs24.x',
    handler: 'index.handler',
    code: { zipFile: 'exports.handler = async () => 1;' },
    memorySize: 1024,
    timeout: 30,
    architectures: ['arm64'],
  });
  for (const [k, v] of Object.entries(props)) fn.addPropertyOverride(k, v);
  return fn;
}
