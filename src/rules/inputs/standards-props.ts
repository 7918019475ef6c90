import { inputRule, Severity } from '../private/rule';

/** A platform standard within Lambda's ranges. */
export const BlueprintStandardsProps = inputRule('BlueprintStandardsProps', Severity.ERROR,
  'A standard (BlueprintStandards.apply) has a name and values within Lambda\'s ranges, non-empty allow lists and StandardRule custom rules; a refused standard is not applied.');
