import * as lambda from 'aws-cdk-lib/aws-lambda';
import { formatBytes } from '../../core/private/format';
import { recordedLayerFacts } from '../../core/private/layer-facts';
import { LIMITS } from '../../limits';
import { codePackageOf, layerPackageOf } from '../private/packages';
import { fmt, FUNCTION, Rule, Severity } from '../private/rule';
import { isObject, knownString, TemplateIndex, indexKey } from '../private/template-index';

/** One measured part of a function's package: `code`, or `layer <path or ARN>`, and its unzipped size. */
interface Part {
  readonly label: string;
  readonly bytes: number;
}

const DECLARED = indexKey<Map<string, number>>('declared layer sizes');

/** Unzipped sizes declared for imported layers of the stack (`BlueprintLayer.fromLayerVersionAttributes`), by ARN. */
function declaredSizes(index: TemplateIndex): Map<string, number> {
  return index.memo(DECLARED, () => {
    const map = new Map<string, number>();
    for (const c of index.stack.node.findAll()) {
      const size = recordedLayerFacts(c)?.unzippedSizeBytes;
      const arn = size === undefined ? undefined : knownString((c as unknown as lambda.ILayerVersion).layerVersionArn);
      if (arn !== undefined && size !== undefined) map.set(arn, size);
    }
    return map;
  });
}

/** The size of one layer reference: measured from its local asset, declared on import, or undefined (unknown). */
function layerPart(index: TemplateIndex, layer: unknown): Part | undefined {
  const located = layerPackageOf(index, layer);
  if (located) return { label: located.label, bytes: located.unzippedBytes };
  const arn = knownString(layer);
  const declared = arn === undefined ? undefined : declaredSizes(index).get(arn);
  return declared === undefined ? undefined : { label: `layer ${arn}`, bytes: declared };
}

/**
 * The function's code plus all its layers stay within 250 MB unzipped: directories, zip archives and
 * bundles staged as assets are measured (a zip from its central directory, without extracting it),
 * inline code by its bytes, imported layers by the size declared on import. Parts whose size is unknown
 * (S3 objects, layers of other accounts imported by ARN alone) are not counted: the known parts alone
 * already over the limit are an error.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const LambdaPackageSize: Rule = {
  id: 'LambdaPackageSize',
  severity: Severity.ERROR,
  summary: 'The function code plus all its layers stays within 250 MB unzipped (directories, zips and bundles measured at synth).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const code = e.properties.Code;
    if (!isObject(code) || code.ImageUri !== undefined) return [];
    const parts: Part[] = [];
    const inline = knownString(code.ZipFile);
    if (inline !== undefined) parts.push({ label: 'code', bytes: Buffer.byteLength(inline, 'utf-8') });
    const located = codePackageOf(e, index);
    if (located) parts.push({ label: 'code', bytes: located.unzippedBytes });
    const layers = Array.isArray(e.properties.Layers) ? e.properties.Layers : [];
    let unknown = layers.length;
    for (const layer of layers) {
      const part = layerPart(index, layer);
      if (part) { parts.push(part); unknown--; }
    }
    const total = parts.reduce((sum, p) => sum + p.bytes, 0);
    const max = LIMITS.unzippedPackageBytes.max;
    if (total <= max) return [];
    const notCounted = unknown > 0 ? `; ${unknown} layer${unknown === 1 ? '' : 's'} of unknown size not counted` : '';
    return [{
      property: 'unzipped code + layers',
      value: `${fmt(total)} bytes (${parts.map(p => `${p.label} ${formatBytes(p.bytes)}`).join(' + ')}${notCounted})`,
      allowed: `at most ${fmt(max)} bytes (${formatBytes(max)})`,
      reason: LIMITS.unzippedPackageBytes.reason,
    }];
  },
};
