import { inputRule, Severity } from '../private/rule';

/** A release's deployment options fit together. */
export const LambdaReleaseOptions = inputRule('LambdaReleaseOptions', Severity.ERROR,
  'A release combines its options consistently: a CodeDeploy strategy or weighted routing, hooks and alarms only with a strategy, one deployment group per alias, autoscaling within the provisioned and reserved concurrency.');
