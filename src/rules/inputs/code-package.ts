import { inputRule, Severity } from '../private/rule';

/** What BlueprintCode builds or reads at synth: a package Lambda can run. */
export const LambdaCodePackage = inputRule('LambdaCodePackage', Severity.ERROR,
  'BlueprintCode builds a package at synth from what exists and fits the runtime: an entry that bundles, a directory, a Maven project, a Go module, a Python project with installable requirements, a Dockerfile.');
