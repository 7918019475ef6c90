import { asArray } from '../private/iam';
import { BUCKET, CUSTOM_NOTIFICATIONS, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

function emptyRules(config: Record<string, any>): number {
  const lists = [config.LambdaFunctionConfigurations, config.QueueConfigurations, config.TopicConfigurations, config.LambdaConfigurations];
  return lists.flatMap(l => asArray(l)).filter(isObject).flatMap(c => asArray(c.Filter?.Key?.FilterRules ?? c.Filter?.S3Key?.Rules))
    .filter(r => isObject(r) && r.Value === '').length;
}

/** A key filter rule names a non-empty prefix or suffix. */
export const S3NotificationFilter: Rule = {
  id: 'S3NotificationFilter',
  severity: Severity.ERROR,
  summary: 'A notification key filter names a non-empty prefix or suffix (leave it out to match every key).',
  types: [BUCKET, CUSTOM_NOTIFICATIONS],
  check: e => {
    const config = e.properties.NotificationConfiguration;
    const n = isObject(config) ? emptyRules(config) : 0;
    return n === 0 ? [] : [{ property: 'NotificationConfiguration filter', value: `${n} empty prefix or suffix`, allowed: 'a non-empty prefix or suffix, or no filter', reason: 'S3 refuses an empty filter rule value' }];
  },
};
