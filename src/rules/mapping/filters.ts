import { LIMITS } from '../../limits';
import { checkLimit, Finding, MAPPING, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

function patternFindings(pattern: string, seen: Set<string>): Finding[] {
  const out = checkLimit('FilterCriteria pattern length', pattern.length, LIMITS.filterPatternLength)
    .map(f => ({ ...f, value: `${f.value} (${show(pattern.slice(0, 40))}…)` }));
  let ok = false;
  try {
    const parsed = JSON.parse(pattern);
    ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    ok = false;
  }
  if (!ok) out.push({ property: 'FilterCriteria.Filters', value: show(pattern), allowed: 'a JSON object pattern', reason: 'Lambda matches each record against JSON filter patterns' });
  if (seen.has(pattern)) out.push({ property: 'FilterCriteria.Filters', value: `${show(pattern)} twice`, allowed: 'each pattern once', reason: 'Lambda refuses duplicate filter patterns' });
  seen.add(pattern);
  return out;
}

/** Filter criteria: at most 5 patterns, each a JSON object of at most 4,096 characters, none twice. */
export const LambdaMappingFilters: Rule = {
  id: 'LambdaMappingFilters',
  severity: Severity.ERROR,
  summary: 'An event source mapping has at most 5 filter patterns, each a JSON object of at most 4,096 characters, none twice.',
  types: [MAPPING],
  check: e => {
    const criteria = e.properties.FilterCriteria;
    if (!isObject(criteria) || !Array.isArray(criteria.Filters)) return [];
    const out = checkLimit('FilterCriteria.Filters (count)', criteria.Filters.length, LIMITS.filtersPerMapping);
    const seen = new Set<string>();
    for (const filter of criteria.Filters) {
      const pattern = isObject(filter) ? knownString(filter.Pattern) : undefined;
      if (pattern !== undefined) out.push(...patternFindings(pattern, seen));
    }
    return out;
  },
};
