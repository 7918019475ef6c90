import { inputRule, Severity } from '../private/rule';

/** What a BlueprintLayer reads from its package and its sharing calls. */
export const LambdaLayerContent = inputRule('LambdaLayerContent', Severity.ERROR,
  'A BlueprintLayer is a readable, non-empty directory or zip of at most 250 MB unzipped, laid out for its 1–15 runtimes (with an executable bootstrap for a custom runtime), shared with a 12-digit account or an organization id.');

/** A function's layers fit its runtime and architecture. */
export const LambdaLayerCompatibility = inputRule('LambdaLayerCompatibility', Severity.ERROR,
  'Each layer of a function lists the function\'s runtime and architecture among its compatible ones (when it declares any).');

/** A layer version is retained when replaced. */
export const LambdaLayerVersionRetained = inputRule('LambdaLayerVersionRetained', Severity.WARNING,
  'A BlueprintLayer keeps a replaced layer version (removalPolicy RETAIN), so functions and versions published with it can be rolled back to.');

/** Sizes and bootstraps that cannot be measured at synth. */
export const LambdaPackageUnverified = inputRule('LambdaPackageUnverified', Severity.WARNING,
  'The code and layers of a function are local assets whose unzipped size (250 MB budget) and custom-runtime bootstrap can be checked at synth.');
