import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BlueprintFunction, QueueToFunction, ResourceBudget, SnsToFunction } from '../../src';
import { CLOUDFORMATION_LIMITS } from '../../src/limits';
import { synthErrors } from '../helpers';

const code = lambda.Code.fromInline('exports.handler = async () => ({});');
const props = { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code };

/** `queues` QueueToFunction patterns and `functions` BlueprintFunctions subscribed to one topic. */
function fill(stack: Stack, queues: number, functions: number, topic: sns.ITopic = new sns.Topic(stack, 'Orders', { enforceSSL: true })): void {
  for (let i = 0; i < queues; i++) new QueueToFunction(stack, `Jobs${i}`, { functionProps: props });
  for (let i = 0; i < functions; i++) {
    const fn = new BlueprintFunction(stack, `Handler${i}`, props);
    new SnsToFunction(stack, `OnOrder${i}`, { function: fn, topic });
  }
}

const resourceCount = (stack: Stack) => Object.keys(App.of(stack)!.synth().getStackByName(stack.stackName).template.Resources).length;

describe('ResourceBudget', () => {
  test('the limit is CloudFormation\'s 500 resources per stack', () => {
    expect(CLOUDFORMATION_LIMITS.resourcesPerStack.max).toBe(500);
  });

  test('a stack over 500 resources fails at synth, naming the largest constructs and how to split', () => {
    const stack = new Stack(new App(), 'Orders');
    fill(stack, 30, 20);
    // After synth: the report then counts what the blueprints add at synth (AsyncEventsDropped alarms, the dashboard).
    const errors = synthErrors(stack);
    const report = ResourceBudget.report(stack);
    const total = report.reduce((n, c) => n + c.resources, 0);
    expect(total).toBeGreaterThan(500);
    expect(report[0]).toEqual({ path: 'Orders/Jobs0', type: 'QueueToFunction', resources: report[0].resources });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(`[Orders] LambdaBlueprints-CloudFormationStackResources: resources is ${total}, allowed is at most 500 per stack, `
      + 'because CloudFormation accepts at most 500 resources in one stack; '
      + `the constructs with the most resources: ${report.slice(0, 5).map(c => `${c.path} (${c.type}, ${c.resources})`).join(', ')}; `
      + `move constructs with at least ${total - 500} resources into a second stack (create them there and pass what they share — a table, a topic, a VPC — `
      + 'through stack props; see "Splitting a stack" in the README).');
  });

  test('the count matches the template (the resources CloudFormation sees, CDK metadata aside)', () => {
    const stack = new Stack(new App(), 'Small', { analyticsReporting: false });
    fill(stack, 2, 3);
    expect(synthErrors(stack)).toEqual([]);
    const counted = ResourceBudget.report(stack).reduce((n, c) => n + c.resources, 0);
    expect(counted).toBe(resourceCount(stack));
  });

  test('the README\'s worked split: the same constructs in two stacks sharing the topic synthesize', () => {
    class OrdersStack extends Stack {
      public readonly topic: sns.Topic;
      constructor(scope: Construct, id: string, p?: StackProps) {
        super(scope, id, p);
        this.topic = new sns.Topic(this, 'Orders', { enforceSSL: true });
        fill(this, 30, 0, this.topic);
      }
    }
    class OrderHandlersStack extends Stack {
      constructor(scope: Construct, id: string, p: StackProps & { topic: sns.ITopic }) {
        super(scope, id, p);
        fill(this, 0, 20, p.topic);
      }
    }
    const app = new App();
    const orders = new OrdersStack(app, 'Orders');
    const handlers = new OrderHandlersStack(app, 'OrderHandlers', { topic: orders.topic });
    expect(synthErrors(orders)).toEqual([]);
    expect(synthErrors(handlers)).toEqual([]);
    expect(resourceCount(orders)).toBeLessThanOrEqual(500);
    expect(resourceCount(handlers)).toBeLessThanOrEqual(500);
  });
});
