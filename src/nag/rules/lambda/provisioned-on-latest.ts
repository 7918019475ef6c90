import { NagMessageLevel } from 'cdk-nag';
import { knownString } from '../../template-index';
import { ALIAS, BlueprintRule, COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** Provisioned concurrency is configured on a published version, never on $LATEST. */
export const LambdaProvisionedOnLatest: BlueprintRule = {
  name: 'LambdaProvisionedOnLatest',
  info: 'The Lambda alias configures provisioned concurrency on $LATEST.',
  explanation: 'Provisioned concurrency keeps environments of one immutable version initialised; Lambda refuses it on $LATEST. Point the alias to a published version (AWS::Lambda::Version).',
  level: NagMessageLevel.ERROR,
  check: (e) => {
    if (e.type !== ALIAS || e.properties.ProvisionedConcurrencyConfig === undefined) return NOT_APPLICABLE;
    const version = knownString(e.properties.FunctionVersion);
    if (version === undefined) return NOT_APPLICABLE;
    return version === '$LATEST' ? NON_COMPLIANT : COMPLIANT;
  },
};
