import { CfnEntry, TemplateIndex, isObject, refId } from './template-index';

/** The policy statements granted to the role (by logical id): inline, AWS::IAM::Policy and managed policies. */
export function roleStatements(index: TemplateIndex, roleId: string): Record<string, any>[] {
  const role = index.get(roleId);
  const docs: unknown[] = [];
  const attachedTo = (p: CfnEntry) => Array.isArray(p.properties.Roles) && p.properties.Roles.some((r: unknown) => refId(r) === roleId);
  if (role && Array.isArray(role.properties.Policies)) {
    docs.push(...role.properties.Policies.filter(isObject).map((p: Record<string, any>) => p.PolicyDocument));
  }
  for (const policy of [...index.ofType('AWS::IAM::Policy'), ...index.ofType('AWS::IAM::ManagedPolicy')]) {
    const managed = role && Array.isArray(role.properties.ManagedPolicyArns)
      && role.properties.ManagedPolicyArns.some((a: unknown) => refId(a) === policy.logicalId);
    if (attachedTo(policy) || managed) docs.push(policy.properties.PolicyDocument);
  }
  return docs.filter(isObject).flatMap(d => asArray(d.Statement)).filter(isObject);
}

/** Whether an IAM pattern (`s3:Put*`, `*`) matches a value, case-insensitively. */
export function iamMatch(pattern: string, value: string): boolean {
  const re = pattern.split('*').map(p => p.split('?').map(escape).join('.')).join('.*');
  return new RegExp(`^${re}$`, 'i').test(value);
}

/** A value or list as a list. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
