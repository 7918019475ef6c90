import { isObject } from './template-index';

/**
 * An image URI as a plain string when the template knows it: a string, or an `Fn::Join` with an empty
 * delimiter whose parts are strings and `AWS::URLSuffix` (what `repositoryUriForTagOrDigest` renders
 * once the account and region are known). Undefined when any part is only known at deploy time.
 */
export function knownImageUri(value: unknown): string | undefined {
  if (typeof value === 'string') return value.includes('${Token[') ? undefined : value;
  const join = isObject(value) ? value['Fn::Join'] : undefined;
  if (!Array.isArray(join) || join[0] !== '' || !Array.isArray(join[1])) return undefined;
  let out = '';
  for (const part of join[1]) {
    if (typeof part === 'string') out += part;
    else if (isObject(part) && part.Ref === 'AWS::URLSuffix') out += 'amazonaws.com';
    else return undefined;
  }
  return out;
}
