/*
 * How the rules read template values: references between resources, and values known at synth.
 */
import { Token } from 'aws-cdk-lib';

/** The logical id a `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attr] }` (or `'id.attr'`) names. */
export function refId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** Every logical id referenced anywhere inside `value` (`Ref`, `Fn::GetAtt`, `Fn::Sub` `${id}`). */
export function referencedIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach(v => referencedIds(v, out));
  } else if (isObject(value)) {
    const id = refId(value);
    if (id !== undefined) out.add(id);
    const sub = value['Fn::Sub'];
    const template = Array.isArray(sub) ? sub[0] : sub;
    if (typeof template === 'string') {
      for (const m of template.matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}/g)) out.add(m[1]);
    }
    Object.values(value).forEach(v => referencedIds(v, out));
  }
  return out;
}

/** A plain number known at synth (not a token, not an intrinsic), else undefined. */
export function knownNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && !Token.isUnresolved(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** A plain string known at synth, else undefined. */
export function knownString(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}

/** Whether a value is a known `true` (CloudFormation also accepts the string `"true"`). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The logical id a value refers to: a `Ref` or `Fn::GetAtt` (see `refId`), or the first one inside an ARN
 * built with `Fn::Join`, `Fn::Select` or `Fn::Split` (what aws-cdk-lib renders for a mapping on an alias).
 * The reader of the report and the rules' event edges alike.
 */
export function refIdWithin(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const direct = refId(value);
  if (direct !== undefined) return direct;
  if (Array.isArray(value['Fn::Select'])) return refIdWithin(value['Fn::Select'][1]);
  if (Array.isArray(value['Fn::Split'])) return refIdWithin(value['Fn::Split'][1]);
  if (Array.isArray(value['Fn::Join'])) {
    for (const part of value['Fn::Join'][1] ?? []) {
      const r = refIdWithin(part);
      if (r) return r;
    }
  }
  return undefined;
}
