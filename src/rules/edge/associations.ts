import { EDGE_FACTS } from '../../limits';
import { FUNCTION } from '../private/rule';
import { CfnEntry, isObject, isTrue, knownString, refId, referencedIds, TemplateIndex, indexKey } from '../private/template-index';

export const DISTRIBUTION = 'AWS::CloudFront::Distribution';
export const VERSION = 'AWS::Lambda::Version';

/**
 * The template metadata key with which BlueprintEdgeFunction marks its function as a Lambda@Edge function
 * (the distribution may be in another stack, reading the version ARN through SSM): `{ EventTypes: [...] }`.
 */
export const EDGE_METADATA = 'cdk-lambda-blueprints:edge';

/**
 * The SSM parameters in which aws-cdk-lib's `cloudfront.experimental.EdgeFunction` publishes a version ARN
 * for a distribution in another region: a function whose version one of them holds is a Lambda@Edge function.
 */
const EDGE_FUNCTION_PARAMETER = '/cdk/EdgeFunctionArn/';

/** What a `LambdaFunctionARN` names. */
export type Qualifier = 'version' | 'latest' | 'unqualified' | 'alias' | 'unknown';

/** One `LambdaFunctionAssociations[]` entry of a distribution's cache behaviour. */
export interface EdgeAssociation {
  readonly distribution: CfnEntry;
  /** `DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations[0]`. */
  readonly property: string;
  readonly eventType?: string;
  readonly includeBody: boolean;
  readonly arn: unknown;
  readonly qualifier: Qualifier;
  /** The function of this stack the ARN leads to, when it does. */
  readonly fn?: CfnEntry;
  /** The region of a literal ARN. */
  readonly region?: string;
}

/** How a function is used at the edge: through an association of this stack, or the blueprint's mark. */
export interface EdgeUse {
  readonly eventType?: string;
  readonly association?: EdgeAssociation;
}

const ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):\d{12}:function:[a-zA-Z0-9_-]+(?::([^:]+))?$/;
const ASSOCIATIONS = indexKey<EdgeAssociation[]>('edge associations');

/** Every Lambda@Edge association of the stack's distributions. */
export function associationsOf(index: TemplateIndex): EdgeAssociation[] {
  return index.memo(ASSOCIATIONS, () => collectAssociations(index));
}

function collectAssociations(index: TemplateIndex): EdgeAssociation[] {
  const list: EdgeAssociation[] = [];
  for (const d of index.ofType(DISTRIBUTION)) {
    const config = d.properties.DistributionConfig;
    if (!isObject(config)) continue;
    const behaviours: Array<[string, unknown]> = [['DistributionConfig.DefaultCacheBehavior', config.DefaultCacheBehavior]];
    if (Array.isArray(config.CacheBehaviors)) {
      config.CacheBehaviors.forEach((b, i) => behaviours.push([`DistributionConfig.CacheBehaviors[${i}]`, b]));
    }
    for (const [at, behaviour] of behaviours) {
      if (!isObject(behaviour) || !Array.isArray(behaviour.LambdaFunctionAssociations)) continue;
      behaviour.LambdaFunctionAssociations.forEach((a, i) => {
        if (!isObject(a)) return;
        list.push({
          distribution: d,
          property: `${at}.LambdaFunctionAssociations[${i}]`,
          eventType: knownString(a.EventType),
          includeBody: isTrue(a.IncludeBody),
          arn: a.LambdaFunctionARN,
          ...classify(index, a.LambdaFunctionARN),
        });
      });
    }
  }
  return list;
}

/** The ways a function is used at the edge (none: it is not a Lambda@Edge function). */
export function edgeUsesOf(index: TemplateIndex, fn: CfnEntry): EdgeUse[] {
  if (fn.type !== FUNCTION) return [];
  const uses: EdgeUse[] = associationsOf(index)
    .filter(a => a.fn?.logicalId === fn.logicalId)
    .map(a => ({ eventType: a.eventType, association: a }));
  const published = index.ofType('AWS::SSM::Parameter').some(p => knownString(p.properties.Name)?.startsWith(EDGE_FUNCTION_PARAMETER)
    && index.target(p.properties.Value)?.type === VERSION && index.functionOf(p.properties.Value)?.logicalId === fn.logicalId);
  const mark = fn.metadata?.[EDGE_METADATA];
  // The event type of a published version is in the distribution's stack: only what holds for every type is checked.
  if (published && !isObject(mark)) uses.push({});
  if (isObject(mark)) {
    const types = Array.isArray(mark.EventTypes) ? mark.EventTypes : [undefined];
    for (const t of types) uses.push({ eventType: knownString(t) });
  }
  return uses;
}

/** Whether a use is a viewer request or viewer response trigger. */
export function isViewer(use: EdgeUse): boolean {
  return use.eventType !== undefined && EDGE_FACTS.viewerEvents.includes(use.eventType);
}

/** Whether a use is an origin request or origin response trigger. */
export function isOrigin(use: EdgeUse): boolean {
  return use.eventType !== undefined && EDGE_FACTS.originEvents.includes(use.eventType);
}

/** The event types a function is triggered by, for messages: `"viewer-request"`. */
export function eventTypesOf(uses: readonly EdgeUse[]): string {
  const types = [...new Set(uses.map(u => u.eventType).filter(t => t !== undefined))];
  return types.length ? types.map(t => `"${t}"`).join(', ') : 'CloudFront';
}

/** What an association's ARN names, and the function of this stack it leads to. */
function classify(index: TemplateIndex, arn: unknown): { qualifier: Qualifier; fn?: CfnEntry; region?: string } {
  const literal = knownString(arn);
  if (literal !== undefined) {
    const m = ARN.exec(literal);
    if (!m) return { qualifier: 'unknown' };
    return { qualifier: qualifierOf(m[2]), region: m[1] };
  }
  const target = index.target(arn);
  if (target) {
    if (target.type === VERSION) return { qualifier: 'version', fn: index.functionOf(target.properties.FunctionName) };
    if (target.type === 'AWS::Lambda::Alias') return { qualifier: 'alias', fn: index.functionOf(target.properties.FunctionName) };
    if (target.type === FUNCTION) return { qualifier: 'unqualified', fn: target };
    return { qualifier: 'unknown' };
  }
  const join = isObject(arn) ? arn['Fn::Join'] : undefined;
  if (!Array.isArray(join) || !Array.isArray(join[1]) || join[1].length === 0) return { qualifier: 'unknown' };
  const fn = index.functionOf(arn);
  if (!fn) return { qualifier: 'unknown' };
  const parts: unknown[] = join[1];
  const last = parts[parts.length - 1];
  if (typeof last === 'string') {
    const m = /:([^:]*)$/.exec(last);
    return { qualifier: m ? qualifierOf(m[1]) : 'unqualified', fn };
  }
  const lastTarget = index.get(refId(last) ?? '');
  if (lastTarget?.type === VERSION) return { qualifier: 'version', fn };
  if (lastTarget?.type === 'AWS::Lambda::Alias') return { qualifier: 'alias', fn };
  const ids = [...referencedIds(arn)].map(id => index.get(id)?.type);
  if (ids.includes(VERSION)) return { qualifier: 'version', fn };
  return { qualifier: 'unknown', fn };
}

function qualifierOf(q: string | undefined): Qualifier {
  if (q === undefined || q === '') return 'unqualified';
  if (q === '$LATEST') return 'latest';
  if (/^\d+$/.test(q)) return 'version';
  return 'alias';
}
