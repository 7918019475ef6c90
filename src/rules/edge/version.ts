import { associationsOf, DISTRIBUTION } from './associations';
import { Finding, Rule, Severity, show } from '../private/rule';

const NAMED = { latest: '$LATEST', unqualified: 'the unqualified function', alias: 'an alias' } as const;

/** A distribution's Lambda@Edge association names a numbered version, not $LATEST, the function or an alias. */
export const LambdaEdgeVersion: Rule = {
  id: 'LambdaEdgeVersion',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge association names a numbered function version, never $LATEST, an unqualified ARN or an alias.',
  types: [DISTRIBUTION],
  check: (e, { index }) => {
    const out: Finding[] = [];
    for (const a of associationsOf(index)) {
      if (a.distribution.logicalId !== e.logicalId) continue;
      if (a.qualifier !== 'latest' && a.qualifier !== 'unqualified' && a.qualifier !== 'alias') continue;
      out.push({
        property: `${a.property}.LambdaFunctionARN`,
        value: `${show(a.arn)} (${NAMED[a.qualifier]})`,
        allowed: 'the ARN of a numbered version (e.g. fn.currentVersion)',
        reason: 'CloudFront replicates a published, immutable version to its edge locations: Lambda@Edge takes a numbered version, not $LATEST or aliases',
        involves: a.fn ? [a.fn] : undefined,
      });
    }
    return out;
  },
};
