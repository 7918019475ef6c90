import { Aspects, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { AcknowledgementMetadataAspect } from './private/acknowledgement-metadata';

const ASPECT_MARK = Symbol.for('cdk-lambda-blueprints.nag-metadata-aspect');

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
   * @param reason why the finding is acceptable, written for a reviewer
   */
  public static add(construct: IConstruct, id: string, reason: string): void {
    Validations.of(construct).acknowledge({ id, reason });
    const stack = Stack.of(construct);
    const marked = stack as unknown as Record<symbol, boolean>;
    if (!marked[ASPECT_MARK]) {
      marked[ASPECT_MARK] = true;
      Aspects.of(stack).add(new AcknowledgementMetadataAspect());
    }
  }

  private constructor() {}
}
