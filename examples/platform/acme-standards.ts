/**
 * A platform package: what the Acme platform team publishes once (in any jsii language) and every app team
 * imports. It holds the company's standards (for every environment) and one standard per stage.
 *
 * - company (`acme`): Node.js 24 or Python 3.13 on arm64 only, logs kept at least a month, every function
 *   logging JSON (a custom rule, written as a class), tagged with its owner, 512 MB by default;
 * - dev (`acme-dev`): nothing more — teams experiment;
 * - prod (`acme-prod`): no public Function URL, at most 3,008 MB and 2 minutes, every function released through
 *   a CodeDeploy canary (the default release of every BlueprintFunction), logs kept three months.
 */
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { BlueprintStandards, DeploymentStrategy, RuleResource, RuleViolation, StandardRule } from '../../src';

/** The stages of an Acme app. */
export type AcmeStage = 'dev' | 'prod';

/** Acme's custom rule: every function logs JSON, which the company's log pipeline indexes. */
export class JsonLogsRequired extends StandardRule {
  constructor() {
    super({ id: 'AcmeJsonLogs' });
  }

  public check(resource: RuleResource): RuleViolation[] {
    const format = resource.property('LoggingConfig.LogFormat');
    if (format === 'JSON') return [];
    return [{ property: 'LoggingConfig.LogFormat', value: format === undefined ? 'not set (Text)' : JSON.stringify(format), allowed: '"JSON"', reason: 'the log pipeline indexes JSON lines only' }];
  }
}

/**
 * Applies Acme's company standard to an app, and the team's owner tag.
 * @param app the app (or any scope that holds all of a team's stages)
 * @param owner the owning team, tagged on every resource
 */
export function applyCompanyStandards(app: IConstruct, owner: string): void {
  BlueprintStandards.of(app).apply({
    name: 'acme',
    defaults: { memorySize: 512, tags: { owner, 'cost-center': 'acme-platform' } },
    rules: {
      allowedRuntimes: [lambda.Runtime.NODEJS_24_X, lambda.Runtime.PYTHON_3_13],
      allowedArchitectures: [lambda.Architecture.ARM_64],
      minLogRetention: logs.RetentionDays.ONE_MONTH,
      customRules: [new JsonLogsRequired()],
    },
  });
}

/**
 * Applies the standard of one stage to its scope (a stage, or the stack of that stage).
 * @param scope the stage's scope
 * @param stage dev or prod
 */
export function applyStageStandards(scope: IConstruct, stage: AcmeStage): void {
  if (stage === 'dev') {
    BlueprintStandards.of(scope).apply({ name: 'acme-dev', defaults: { logRetention: logs.RetentionDays.ONE_MONTH } });
    return;
  }
  BlueprintStandards.of(scope).apply({
    name: 'acme-prod',
    defaults: {
      logRetention: logs.RetentionDays.THREE_MONTHS,
      deployment: { strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES, smokeTest: {} },
    },
    rules: {
      denyPublicFunctionUrls: true,
      maxMemorySize: 3008,
      maxTimeout: Duration.minutes(2), // the canary's smoke-test hook runs up to 90 s
      requireCodeDeployRelease: true,
      minLogRetention: logs.RetentionDays.THREE_MONTHS,
    },
  });
}
