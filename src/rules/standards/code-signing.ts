import { setting, standardFinding } from './helpers';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** The function has a code signing configuration when a standard in force requires it. */
export const StandardCodeSigning: Rule = {
  id: 'StandardCodeSigning',
  severity: Severity.ERROR,
  summary: 'CodeSigningConfigArn is set when the platform standards in force require code signing.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => e.properties.CodeSigningConfigArn !== undefined ? [] : setting(ctx, 'requireCodeSigning').map(({ standard }) =>
    standardFinding(standard, 'CodeSigningConfigArn', 'not set', 'a code signing configuration (e.g. `BlueprintCodeSigning`)', 'only code signed by the platform\'s signing profiles may run')),
};
