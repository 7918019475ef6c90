import { CfnResource, Validations } from 'aws-cdk-lib';
import * as nag from 'cdk-nag';
import { IConstruct } from 'constructs';
import { NagAcknowledgementReason } from '../../rules/inputs';
import { checkInputs } from '../../rules/private/inputs';

/** The shortest reason an acknowledgement takes: a reviewer must learn why the finding is acceptable. */
export const MIN_REASON_LENGTH = 20;

/** Reports, at synth, an acknowledgement without a reason a reviewer could accept. */
export function requireReason(scope: IConstruct, id: string, reason: string | undefined): boolean {
  const text = (reason ?? '').trim();
  if (text.length >= MIN_REASON_LENGTH) return true;
  checkInputs(scope, NagAcknowledgementReason, p => p.add(`acknowledgement of ${id}`, `with the reason ${JSON.stringify(text)} (${text.length} characters)`,
    `a reason of at least ${MIN_REASON_LENGTH} characters`, 'an acknowledgement must tell a reviewer why the finding is acceptable'));
  return false;
}

/** The pack whose rules carry `ruleId`'s prefix (`AwsSolutions-IAM5` → AwsSolutionsChecks). */
function packFor(ruleId: string): nag.NagPack | undefined {
  const prefix = ruleId.split('-')[0];
  if (prefix === 'LambdaBlueprints') {
    // Loaded lazily: the pack's rules use the acknowledgements themselves.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LambdaBlueprintChecks } = require('../lambda-blueprint-checks');
    return new LambdaBlueprintChecks();
  }
  // cdk-nag's index (every pack and rule) is loaded only when a rule of one of its packs is acknowledged.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded: typeof nag = require('cdk-nag');
  const packs: Record<string, () => nag.NagPack> = {
    'AwsSolutions': () => new loaded.AwsSolutionsChecks(),
    'Serverless': () => new loaded.ServerlessChecks(),
    'HIPAA.Security': () => new loaded.HIPAASecurityChecks(),
    'NIST.800.53.R5': () => new loaded.NIST80053R5Checks(),
    'PCI.DSS.321': () => new loaded.PCIDSS321Checks(),
  };
  return packs[prefix]?.();
}

/**
 * Acknowledges a whole rule under `scope`: at synth, every finding of it (the rule itself and its
 * granular findings, `AwsSolutions-IAM5[Resource::*]`, …) on exactly the resources under `scope` that
 * have it, each written into that resource's template metadata with the reason. A rule of a pack this
 * library does not know is acknowledged on the whole scope with `fallback`.
 */
export function acknowledgeRule(scope: IConstruct, ruleId: string, reason: string,
  fallback: (c: IConstruct, id: string, reason: string) => void): void {
  const pack = packFor(ruleId);
  if (!pack) {
    fallback(scope, ruleId, reason);
    return;
  }
  scope.node.addValidation({
    validate: () => {
      for (const violation of pack.validateScope(scope).violations) {
        if (violation.ruleName !== ruleId && !violation.ruleName.startsWith(`${ruleId}[`)) continue;
        for (const r of violation.violatingResources) {
          const resource = scope.node.findAll().find(c => c.node.path === r.constructPath);
          if (!resource) continue;
          Validations.of(resource).acknowledge({ id: violation.ruleName, reason });
          if (CfnResource.isCfnResource(resource)) appendTemplateMetadata(resource, violation.ruleName, reason);
        }
      }
      return [];
    },
  });
}

/** Adds one `{ id, reason }` to the resource's `cdk_nag.rules_to_suppress` metadata. */
function appendTemplateMetadata(resource: CfnResource, id: string, reason: string): void {
  const existing = resource.getMetadata('cdk_nag')?.rules_to_suppress ?? [];
  if (existing.some((r: { id: string }) => r.id === id)) return;
  resource.addMetadata('cdk_nag', { rules_to_suppress: [...existing, { id, reason }] });
}
