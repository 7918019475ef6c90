import { CfnEntry, TemplateIndex, isObject, refId, indexKey } from './template-index';

const POLICIES_BY_ROLE = indexKey<Map<string, CfnEntry[]>>('policies by role');

/** The AWS::IAM::Policy and ManagedPolicy resources of the stack by the role (logical id) they attach to (built once). */
function policiesByRole(index: TemplateIndex): Map<string, CfnEntry[]> {
  return index.memo(POLICIES_BY_ROLE, () => {
    const map = new Map<string, CfnEntry[]>();
    for (const policy of [...index.ofType('AWS::IAM::Policy'), ...index.ofType('AWS::IAM::ManagedPolicy')]) {
      for (const r of asArray(policy.properties.Roles)) {
        const id = refId(r);
        if (id !== undefined) map.set(id, [...(map.get(id) ?? []), policy]);
      }
    }
    return map;
  });
}

/** The policy statements granted to the role (by logical id): inline, AWS::IAM::Policy and managed policies. */
export function roleStatements(index: TemplateIndex, roleId: string): Record<string, any>[] {
  const role = index.get(roleId);
  const docs: unknown[] = [];
  if (role && Array.isArray(role.properties.Policies)) {
    docs.push(...role.properties.Policies.filter(isObject).map((p: Record<string, any>) => p.PolicyDocument));
  }
  const policies = new Set(policiesByRole(index).get(roleId) ?? []);
  for (const arn of role ? asArray(role.properties.ManagedPolicyArns) : []) {
    const managed = index.target(arn);
    if (managed?.type === 'AWS::IAM::ManagedPolicy') policies.add(managed);
  }
  for (const policy of policies) docs.push(policy.properties.PolicyDocument);
  return docs.filter(isObject).flatMap(d => asArray(d.Statement)).filter(isObject);
}

/**
 * Whether an IAM pattern (`s3:Put*`, `*`, `?` for one character) matches a value, case-insensitively
 * (a wildcard match with backtracking to the last `*`: no regular expression to build or cache).
 */
export function iamMatch(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < v.length) {
    if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (i < p.length && (p[i] === '?' || p[i] === v[j])) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** A value or list as a list. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The Allow statements of a function's execution role (none when the role is imported). */
export function functionStatements(index: TemplateIndex, fn: CfnEntry): Record<string, any>[] {
  const roleId = refId(fn.properties.Role);
  return roleId === undefined ? [] : roleStatements(index, roleId).filter(st => st.Effect === 'Allow');
}

/** Whether a statement allows one of the actions (IAM wildcards honoured). */
export function allowsAction(statement: Record<string, any>, actions: readonly string[]): boolean {
  return asArray(statement.Action).some(a => typeof a === 'string' && actions.some(action => iamMatch(a, action)));
}
