import { App, CfnElement, CfnResource, Stack } from 'aws-cdk-lib';
import { releasedFunction } from '../../deployment/fixtures';
import { newStack } from '../../helpers';

/** A released function's stack, its app and the function's logical id as aws-cdk-lib derives it. */
function setup() {
  const stack = newStack();
  const fn = releasedFunction(stack);
  return { stack, fn, app: stack.node.root as App, derived: stack.resolve(fn.cfn.logicalId) as string };
}

function templateOf(app: App, stack: Stack, options: { skipValidation?: boolean } = {}): { Resources: Record<string, { Type: string }> } {
  return app.synth({ force: true, ...options }).getStackByName(stack.stackName).template;
}

describe('logical ids computed by the rule engine are held for one synthesis', () => {
  test('the template\'s synthesis reads the held ids: aws-cdk-lib allocates no resource\'s logical id while it writes the template', () => {
    const { stack, app } = setup();
    let writing = false;
    let allocatedWhileWriting = 0;
    let allocatedBefore = 0;
    // allocateLogicalId is protected: aws-cdk-lib calls it for every id it derives.
    const allocating = stack as unknown as { allocateLogicalId: (element: CfnElement) => string };
    const allocate = allocating.allocateLogicalId.bind(stack);
    allocating.allocateLogicalId = (element: CfnElement) => {
      // Resources only: the index holds resources (parameters, rules and outputs are a few per stack).
      if (CfnResource.isCfnResource(element)) {
        if (writing) allocatedWhileWriting++; else allocatedBefore++;
      }
      return allocate(element);
    };
    const target = stack as unknown as { _synthesizeTemplate: (...args: unknown[]) => unknown };
    const write = target._synthesizeTemplate.bind(stack);
    target._synthesizeTemplate = (...args: unknown[]) => {
      writing = true;
      try { return write(...args); } finally { writing = false; }
    };
    templateOf(app, stack);
    // Before validation aws-cdk-lib allocates ids (prepare, references) and the engine's index once per
    // resource; without the hold, every Ref, GetAtt and DependsOn of the template allocates again.
    expect(allocatedBefore).toBeGreaterThan(0);
    expect(allocatedWhileWriting).toEqual(0);
  });

  test('renameLogicalId after a synth, then a synth without validation: the renamed id (the hold ends at the start of that synth)', () => {
    const { stack, app, derived } = setup();
    expect(templateOf(app, stack).Resources[derived]?.Type).toEqual('AWS::Lambda::Function');
    stack.renameLogicalId(derived, 'RenamedFunction');
    const second = templateOf(app, stack, { skipValidation: true });
    expect(second.Resources.RenamedFunction?.Type).toEqual('AWS::Lambda::Function');
    expect(second.Resources[derived]).toBeUndefined();
  });

  test('renameLogicalId after a synth, read once the synth\'s work is done: the renamed id', async () => {
    const { stack, fn, app, derived } = setup();
    templateOf(app, stack);
    stack.renameLogicalId(derived, 'RenamedFunction');
    await Promise.resolve();
    expect(stack.resolve(fn.cfn.logicalId)).toEqual('RenamedFunction');
  });

  test('overrideLogicalId after a synth is kept when the hold ends (it is not replaced by the derivation)', async () => {
    const { stack, fn, app } = setup();
    templateOf(app, stack);
    fn.cfn.overrideLogicalId('MyFunction');
    await Promise.resolve();
    expect(stack.resolve(fn.cfn.logicalId)).toEqual('MyFunction');
    expect(templateOf(app, stack).Resources.MyFunction?.Type).toEqual('AWS::Lambda::Function');
  });

  test('overrideLogicalId after a synth, then a synth in the same tick: the override is in the template', () => {
    const { stack, fn, app, derived } = setup();
    templateOf(app, stack);
    fn.cfn.overrideLogicalId('MyFunction');
    const second = templateOf(app, stack);
    expect(second.Resources.MyFunction?.Type).toEqual('AWS::Lambda::Function');
    expect(second.Resources[derived]).toBeUndefined();
  });
});
