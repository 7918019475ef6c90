import { Stack, Stage, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { EDGE_FACTS } from '../../limits';

/**
 * The stack the function of an edge blueprint lives in: the blueprint's own stack when it deploys to
 * us-east-1, else the us-east-1 support stack `cloudfront.experimental.EdgeFunction` uses (created here
 * with the same id, account and tags, so that the function, its role and its policies share it).
 * Undefined when the region is unknown (EdgeFunction then refuses the stack itself).
 */
export function edgeFunctionStack(scope: IConstruct, stackId?: string): Stack | undefined {
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.region)) return undefined;
  if (stack.region === EDGE_FACTS.region) return stack;
  const stage = Stage.of(scope);
  if (!stage) return undefined;
  const id = stackId ?? `edge-lambda-stack-${stack.node.addr}`;
  const existing = stage.node.tryFindChild(id);
  if (existing && Stack.isStack(existing)) return existing;
  return new Stack(stage, id, { env: { region: EDGE_FACTS.region, account: stack.account }, tags: stack.tags.tagValues() });
}

/** Whether the function of a blueprint in `scope` is created in another stack than the blueprint's. */
export function isCrossRegion(scope: IConstruct, fnStack: Stack | undefined): boolean {
  return fnStack !== undefined && fnStack !== Stack.of(scope);
}
