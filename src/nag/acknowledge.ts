import { Aspects, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgeRule, requireReason } from './private/acknowledge-rule';
import { AcknowledgementMetadataAspect } from './private/acknowledgement-metadata';

/** The stacks with the aspect that writes the acknowledgements into the template metadata. */
const WITH_METADATA_ASPECT = new WeakSet<Stack>();

/**
 * Acknowledges cdk-nag findings so that both cdk-nag and an auditor reading only the template see them.
 *
 * Each acknowledgement is recorded with `Validations.of(construct).acknowledge({ id, reason })` (what
 * cdk-nag 3 reads) and written into the template's `Metadata` section once per (id, reason), with the
 * logical ids of the resources (or the paths of the wider scopes) it covers:
 * `cdk_lambda_blueprints_acknowledgements: [{ id, reason, resources: [...], scopes: [...] }]`.
 */
export class NagAcknowledgements {
  /**
   * Acknowledge one finding on a construct and everything below it.
   *
   * @param construct the resource or construct the finding belongs to
   * @param id the full rule id, e.g. `AwsSolutions-IAM5[Resource::*]` or `Serverless-LambdaDLQ`
   * @param reason why the finding is acceptable, written for a reviewer: at least 20 characters (a
   * shorter one is refused at synth)
   */
  public static add(construct: IConstruct, id: string, reason: string): void {
    if (!requireReason(construct, id, reason)) return;
    withoutTrace(() => Validations.of(construct).acknowledge({ id, reason }));
    const stack = Stack.of(construct);
    if (!WITH_METADATA_ASPECT.has(stack)) {
      WITH_METADATA_ASPECT.add(stack);
      Aspects.of(stack).add(new AcknowledgementMetadataAspect());
    }
  }

  /**
   * Acknowledge a whole rule on a construct and everything below it, with one call: the rule id and
   * every granular finding of it (`AwsSolutions-IAM5` covers `AwsSolutions-IAM5[Resource::*]`,
   * `AwsSolutions-IAM5[Action::s3:*]`…), each written into the template metadata with the reason.
   *
   * @param construct the scope (a stack, a construct, a resource)
   * @param ruleId the rule id without a finding, e.g. `AwsSolutions-IAM5` or `LambdaBlueprints-LambdaStreamBisect`
   * @param reason why the rule's findings are acceptable here: at least 20 characters
   */
  public static addRule(construct: IConstruct, ruleId: string, reason: string): void {
    if (!requireReason(construct, ruleId, reason)) return;
    acknowledgeRule(construct, ruleId, reason, (c, id, r) => NagAcknowledgements.add(c, id, r));
  }

  private constructor() {}
}

/**
 * aws-cdk-lib captures a stack trace for each acknowledgement and hands it to constructs as
 * `stackTraceOverride`, which constructs 10 does not keep (the metadata entry has no trace): capturing it
 * costs a source-map lookup per frame under ts-node, for every acknowledgement of every resource, for
 * nothing. The trace is captured empty; the limit is restored even if the acknowledgement throws.
 */
function withoutTrace(record: () => void): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    record();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
