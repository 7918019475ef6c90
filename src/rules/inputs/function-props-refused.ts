import { inputRule, Severity } from '../private/rule';

/** A lambda.Function prop BlueprintFunction replaces or refuses. */
export const LambdaFunctionPropsRefused = inputRule('LambdaFunctionPropsRefused', Severity.ERROR,
  'A BlueprintFunction gets no lambda.Function prop that it replaces or refuses (the README\'s parity table names what to use instead).');
