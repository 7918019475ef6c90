/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * cdk-nag's index loads every pack and rule of cdk-nag (about 270 modules, a quarter of a second): an app
 * that uses the blueprints without a cdk-nag pack must not pay for it.
 */
function synthInFreshModules(acknowledgeAwsSolutionsRule: boolean): string[] {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    jest.doMock('cdk-nag', () => {
      loaded.push('cdk-nag');
      return jest.requireActual('cdk-nag');
    });
    const { App, Stack } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
    const lambda = require('aws-cdk-lib/aws-lambda') as typeof import('aws-cdk-lib/aws-lambda');
    const { BlueprintFunction, NagAcknowledgements } = require('../../src') as typeof import('../../src');
    const app = new App();
    const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
    const fn = new BlueprintFunction(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });
    if (acknowledgeAwsSolutionsRule) {
      NagAcknowledgements.addRule(fn, 'AwsSolutions-IAM5', 'The function reads any object of the data bucket; keys are known at run time.');
    }
    app.synth();
  });
  return loaded;
}

describe('loading the library', () => {
  test('a blueprint synthesized without any cdk-nag pack does not load cdk-nag\'s packs and rules', () => {
    expect(synthInFreshModules(false)).toEqual([]);
  });

  test('acknowledging a rule of a cdk-nag pack loads them (to find the rule\'s findings)', () => {
    expect(synthInFreshModules(true)).toEqual(['cdk-nag']);
  });
});
