import { StandardAllowedArchitectures } from './architecture';
import { StandardCodeSigning } from './code-signing';
import { StandardCodeDeployRelease } from './codedeploy-required';
import { StandardCustomRules } from './custom-rules';
import { StandardMinLogRetention } from './log-retention';
import { StandardMaxEphemeralStorage } from './max-ephemeral-storage';
import { StandardMaxMemorySize } from './max-memory-size';
import { StandardMaxTimeout } from './max-timeout';
import { StandardNoPublicUrl } from './public-url';
import { StandardReservedConcurrency } from './reserved-concurrency';
import { StandardAllowedRuntimes } from './runtime';
import { StandardVpcRequired } from './vpc-required';
import { Rule } from '../private/rule';

export { StandardAllowedArchitectures, StandardAllowedRuntimes, StandardCodeDeployRelease, StandardCodeSigning, StandardCustomRules };
export { StandardMaxEphemeralStorage, StandardMaxMemorySize, StandardMaxTimeout, StandardMinLogRetention, StandardNoPublicUrl };
export { StandardReservedConcurrency, StandardVpcRequired };

/** The rules of the platform standards, in report order (they fire only where a standard is in force). */
export const STANDARD_RULES: readonly Rule[] = [
  StandardAllowedRuntimes,
  StandardAllowedArchitectures,
  StandardMaxMemorySize,
  StandardMaxTimeout,
  StandardMaxEphemeralStorage,
  StandardVpcRequired,
  StandardCodeDeployRelease,
  StandardNoPublicUrl,
  StandardMinLogRetention,
  StandardReservedConcurrency,
  StandardCodeSigning,
  StandardCustomRules,
];
