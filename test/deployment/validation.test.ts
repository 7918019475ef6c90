import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AliasDeployment, DeploymentStrategy, FunctionDeploymentOptions } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';
import { releasedFunction } from './fixtures';

const canary = DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES;

function withDeployment(deployment: FunctionDeploymentOptions, props: any = {}): Stack {
  const stack = newStack();
  releasedFunction(stack, { deployment, ...props });
  return stack;
}

function previous(stack: Stack): lambda.IVersion {
  const fn = lambda.Function.fromFunctionArn(stack, 'Prev', 'arn:aws:lambda:us-east-1:123456789012:function:other');
  return lambda.Version.fromVersionAttributes(stack, 'PrevVersion', { lambda: fn, version: '3' });
}

describe('alias names', () => {
  test.each(['live', 'a', 'prod_blue-2', 'x'.repeat(128), '1a'])('accepts %s', name => {
    expect(synthErrors(withDeployment({ aliasName: name }))).toEqual([]);
  });

  test('refuses an empty name', () => {
    expectErrors(withDeployment({ aliasName: '' }), /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaAliasSettings: Name is "", allowed is 1–128 characters of \[a-zA-Z0-9-_\], not all digits, because alias names are 1 to 128 characters of \[a-zA-Z0-9-_\]\.$/);
  });

  test('refuses 129 characters', () => {
    expectErrors(withDeployment({ aliasName: 'x'.repeat(129) }), /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaAliasSettings: Name is "x{129}", allowed is 1–128 characters of \[a-zA-Z0-9-_\], not all digits, because alias names are 1 to 128 characters of \[a-zA-Z0-9-_\]\.$/);
  });

  test('refuses other characters', () => {
    expectErrors(withDeployment({ aliasName: 'prod.v1' }), /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaAliasSettings: Name is "prod\.v1", allowed is 1–128 characters of \[a-zA-Z0-9-_\], not all digits, because alias names are 1 to 128 characters of \[a-zA-Z0-9-_\]\.$/);
  });

  test('refuses all digits', () => {
    expectErrors(withDeployment({ aliasName: '42' }), /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaAliasSettings: Name is "42", allowed is 1–128 characters of \[a-zA-Z0-9-_\], not all digits, because alias names are 1 to 128 characters of \[a-zA-Z0-9-_\]\.$/);
  });

  test('refuses $LATEST', () => {
    expectErrors(withDeployment({ aliasName: '$LATEST' }), /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaAliasSettings: Name is "\$LATEST", allowed is 1–128 characters of \[a-zA-Z0-9-_\], not all digits, because alias names are 1 to 128 characters of \[a-zA-Z0-9-_\]\.$/);
  });

  test('accepts a token', () => {
    const stack = newStack();
    const name = new CfnParameter(stack, 'Alias', { type: 'String' }).valueAsString;
    releasedFunction(stack, { deployment: { aliasName: name } });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('custom strategies', () => {
  test.each([1, 50, 99])('accepts %s %', pct => {
    expect(synthErrors(withDeployment({ strategy: DeploymentStrategy.canary({ percentage: pct, interval: Duration.minutes(5) }) }))).toEqual([]);
  });

  test.each([0, 100, 10.5])('refuses %s %', pct => {
    expectErrors(withDeployment({ strategy: DeploymentStrategy.linear({ percentage: pct, interval: Duration.minutes(5) }) }),
      new RegExp(`strategy percentage is ${pct} %, allowed is a whole number 1–99 %, because a custom canary or linear step shifts 1 to 99 % of traffic\\.`));
  });

  test.each([Duration.minutes(1), Duration.minutes(2880), Duration.hours(48)])('accepts an interval of %s', interval => {
    expect(synthErrors(withDeployment({ strategy: DeploymentStrategy.canary({ percentage: 10, interval }) }))).toEqual([]);
  });

  test.each([
    [Duration.minutes(2881), '2,881'],
    [Duration.seconds(90), '1.5'],
    [Duration.seconds(30), '0.5'],
  ])('refuses an interval of %s', (interval, shown) => {
    expectErrors(withDeployment({ strategy: DeploymentStrategy.canary({ percentage: 10, interval }) }),
      new RegExp(`strategy interval is ${shown} minutes, allowed is a whole number 1–2,880 minutes`));
  });

  test('accepts token percentage and interval', () => {
    const stack = newStack();
    const pct = new CfnParameter(stack, 'Pct', { type: 'Number' }).valueAsNumber;
    const minutes = new CfnParameter(stack, 'Min', { type: 'Number' }).valueAsNumber;
    releasedFunction(stack, { deployment: { strategy: DeploymentStrategy.linear({ percentage: pct, interval: Duration.minutes(minutes) }) } });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('deployment group rules', () => {
  test('refuses hooks, alarms and smoke test without a strategy', () => {
    const stack = newStack();
    const hook = lambda.Function.fromFunctionName(stack, 'Hook', 'hook');
    releasedFunction(stack, { deployment: { preTraffic: hook, smokeTest: {}, rollbackOnAlarm: true } });
    expectErrors(stack, /preTraffic, smokeTest, rollbackOnAlarm is set without strategy, allowed is these options only with a CodeDeploy strategy/);
  });

  test('refuses rollback on alarm without alarms', () => {
    expectErrors(withDeployment({ strategy: canary, alarms: false }),
      /rollbackOnAlarm is true without alarms, allowed is at least one alarm \(alarms or rollbackAlarms\), or rollbackOnAlarm: false, because CodeDeploy can only roll back on an alarm it watches\./);
  });

  test('refuses smokeTest together with preTraffic', () => {
    const stack = newStack();
    const hook = lambda.Function.fromFunctionArn(stack, 'Hook', 'arn:aws:lambda:us-east-1:123456789012:function:hook');
    releasedFunction(stack, { deployment: { strategy: canary, smokeTest: {}, preTraffic: hook } });
    expectErrors(stack, /smokeTest is set together with preTraffic, allowed is either smokeTest or preTraffic/);
  });

  test('refuses two deployment groups on one alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: { strategy: canary } });
    new AliasDeployment(stack, 'Second', { alias: fn.alias!, strategy: canary });
    expectErrors(stack, /^\[Test\/Second\] LambdaBlueprints-LambdaReleaseOptions: alias is Test\/Fn\/Release\/Alias, allowed is one deployment group per alias \(Test\/Fn\/Release\/Deployment already deploys it\)/);
  });

  test('refuses weighted routing with a strategy', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { strategy: canary, weightedRouting: { version: previous(stack), weight: 0.1 } } });
    expectErrors(stack, /weightedRouting is set together with strategy, allowed is either a CodeDeploy strategy or static weighted routing/);
  });
});

describe('weighted routing', () => {
  test('routes a static share to one additional version', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { weightedRouting: { version: previous(stack), weight: 0.2 } } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', {
      RoutingConfig: { AdditionalVersionWeights: [{ FunctionVersion: '3', FunctionWeight: 0.2 }] },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test.each([0.01, 0.5, 0.99])('accepts weight %s', weight => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { weightedRouting: { version: previous(stack), weight } } });
    expect(synthErrors(stack)).toEqual([]);
  });

  test.each([0, 1, -0.5, 1.5])('refuses weight %s', weight => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { weightedRouting: { version: previous(stack), weight } } });
    expectErrors(stack, new RegExp(`^\\[Test/Fn/Release/Alias/Resource\\] LambdaBlueprints-LambdaAliasRouting: weightedRouting\\.weight \\(RoutingConfig\\.AdditionalVersionWeights\\.FunctionWeight\\) is ${weight}, allowed is a weight strictly between 0 and 1`));
  });

  test('accepts a token weight', () => {
    const stack = newStack();
    const weight = new CfnParameter(stack, 'W', { type: 'Number' }).valueAsNumber;
    releasedFunction(stack, { deployment: { weightedRouting: { version: previous(stack), weight } } });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('provisioned concurrency', () => {
  test('is set on the alias', () => {
    const stack = withDeployment({ provisionedConcurrency: 5 });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 } });
  });

  test.each([1, 10])('accepts %s within reserved concurrency 10', n => {
    expect(synthErrors(withDeployment({ provisionedConcurrency: n }, { reservedConcurrentExecutions: 10 }))).toEqual([]);
  });

  test.each([0, -1, 2.5])('refuses %s', n => {
    expectErrors(withDeployment({ provisionedConcurrency: n }),
      new RegExp(`^\\[Test/Fn/Release/Alias/Resource\\] LambdaBlueprints-LambdaProvisionedConcurrency: provisionedConcurrency \\(ProvisionedConcurrencyConfig\\.ProvisionedConcurrentExecutions\\) is ${n} executions, allowed is a whole number 1–1,000,000 executions`));
  });

  test('refuses more than the reserved concurrency', () => {
    expectErrors(withDeployment({ provisionedConcurrency: 11 }, { reservedConcurrentExecutions: 10 }),
      /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaProvisionedConcurrency: provisionedConcurrency \(ProvisionedConcurrencyConfig\.ProvisionedConcurrentExecutions\) is 11 executions, allowed is at most the function's reserved concurrency \(10\)/);
  });

  test('refuses weighted routing with provisioned concurrency', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { provisionedConcurrency: 2, weightedRouting: { version: previous(stack), weight: 0.5 } } });
    expectErrors(stack, /^\[Test\/Fn\/Release\/Alias\/Resource\] LambdaBlueprints-LambdaAliasRouting: provisionedConcurrency \(ProvisionedConcurrencyConfig\.ProvisionedConcurrentExecutions\) is 2 with weighted routing, allowed is provisioned concurrency or weighted routing/);
  });

  test('accepts a token', () => {
    const stack = newStack();
    const n = new CfnParameter(stack, 'N', { type: 'Number' }).valueAsNumber;
    releasedFunction(stack, { deployment: { provisionedConcurrency: n }, reservedConcurrentExecutions: 10 });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('autoscaling on utilization and schedules', () => {
    const stack = withDeployment({
      provisionedConcurrency: 2,
      provisionedConcurrencyScaling: {
        maxCapacity: 20,
        utilizationTarget: 0.5,
        schedules: [{ name: 'MorningPeak', schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 10 }],
      },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2,
      MaxCapacity: 20,
      ScalableDimension: 'lambda:function:ProvisionedConcurrency',
      ScheduledActions: [{ ScheduledActionName: 'MorningPeak', ScalableTargetAction: { MinCapacity: 10 } }],
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 0.5, PredefinedMetricSpecification: { PredefinedMetricType: 'LambdaProvisionedConcurrencyUtilization' } },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('autoscaling defaults to 70 % utilization', () => {
    const stack = withDeployment({ provisionedConcurrency: 1, provisionedConcurrencyScaling: { maxCapacity: 5 } });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 0.7 },
    });
  });

  test.each([0.1, 0.9])('accepts utilization target %s', target => {
    const scaling = { maxCapacity: 5, utilizationTarget: target };
    expect(synthErrors(withDeployment({ provisionedConcurrency: 1, provisionedConcurrencyScaling: scaling }))).toEqual([]);
  });

  test.each([0.05, 0.95])('refuses utilization target %s', target => {
    expectErrors(withDeployment({ provisionedConcurrency: 1, provisionedConcurrencyScaling: { maxCapacity: 5, utilizationTarget: target } }),
      new RegExp(`utilizationTarget is ${target}, allowed is 0.1–0.9`));
  });

  test('refuses a maximum below the provisioned concurrency or above reserved', () => {
    expectErrors(withDeployment({ provisionedConcurrency: 4, provisionedConcurrencyScaling: { maxCapacity: 3 } }),
      /provisionedConcurrencyScaling.maxCapacity is 3 executions, allowed is a whole number 4–1,000,000 executions/);
    const scaling = { maxCapacity: 30 };
    expectErrors(withDeployment({ provisionedConcurrency: 4, provisionedConcurrencyScaling: scaling }, { reservedConcurrentExecutions: 20 }),
      /provisionedConcurrencyScaling.maxCapacity is 30 executions, allowed is at most the reserved concurrency \(20\)/);
  });

  test('refuses autoscaling without provisioned concurrency', () => {
    expectErrors(withDeployment({ provisionedConcurrencyScaling: { maxCapacity: 3 } }),
      /provisionedConcurrencyScaling is set without provisionedConcurrency/);
  });
});
