import { ALIAS, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

/** Provisioned concurrency is configured on a published version, never on $LATEST. */
export const LambdaProvisionedOnLatest: Rule = {
  id: 'LambdaProvisionedOnLatest',
  severity: Severity.ERROR,
  summary: 'Provisioned concurrency is configured on an alias of a published version, never on $LATEST.',
  types: [ALIAS],
  check: e => {
    if (e.properties.ProvisionedConcurrencyConfig === undefined || knownString(e.properties.FunctionVersion) !== '$LATEST') return [];
    return [{ property: 'FunctionVersion', value: '"$LATEST" with ProvisionedConcurrencyConfig', allowed: 'a published version (AWS::Lambda::Version)', reason: 'provisioned concurrency keeps environments of one immutable version initialised; Lambda refuses it on $LATEST' }];
  },
};
