import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** No two functions of one account and region have the same FunctionName. */
export const LambdaFunctionNameUnique: Rule = {
  id: 'LambdaFunctionNameUnique',
  severity: Severity.ERROR,
  summary: 'No two functions of one stack, or of stacks of the app in the same account and region, have the same FunctionName.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const name = knownString(e.properties.FunctionName);
    if (name === undefined) return [];
    const others = index.functionsNamed(name).filter(o => o.resource !== e.resource);
    if (others.length === 0) return [];
    return [{
      property: 'FunctionName',
      value: show(name),
      allowed: `a name no other function of the account and region has (also used by ${others.map(o => o.path).join(', ')})`,
      reason: 'function names are unique per account and region: CloudFormation fails to create the second one',
      involves: others,
    }];
  },
};
