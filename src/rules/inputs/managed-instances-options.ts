import { inputRule, Severity } from '../private/rule';

/** A function on a capacity provider: the provider's placement, and its options only with one. */
export const LambdaManagedInstancesOptions = inputRule('LambdaManagedInstancesOptions', Severity.ERROR,
  'A function on Lambda Managed Instances runs in its capacity provider\'s placement (no network of its own), and capacityProviderOptions come only with a capacityProvider.');
