import { Stack } from 'aws-cdk-lib';
import { formatBytes } from '../../core/private/format';
import { codePackageOf, layerPackageOf } from '../../rules/private/packages';
import { isObject, knownString, TemplateIndex } from '../../rules/private/template-index';

/** What one function's package weighs, as measured at synth from its staged asset or inline code. */
export interface PackageMeasure {
  /** Where the code is: `directory` (zipped at deployment), `zip`, `inline`. */
  readonly kind: 'directory' | 'zip' | 'inline';
  /** Size once extracted, in bytes. */
  readonly unzippedBytes: number;
  /** Size of the zip archive (only for a zip; a directory is zipped when assets are published). */
  readonly zipBytes?: number;
  /** Number of files. */
  readonly fileCount: number;
  /** Code plus the layers that could be measured, unzipped, when the function has layers. */
  readonly withLayersBytes?: number;
  /** Layers whose size is unknown (imported, or not built from a local asset). */
  readonly unmeasuredLayers: number;
}

/**
 * Measures the code package of every zip function of a stack (directories and zips through their staged
 * assets, inline code by its bytes), by logical id. Functions whose code is elsewhere (S3 object, image)
 * are left out.
 */
export function measurePackages(stack: Stack): Map<string, PackageMeasure> {
  const index = TemplateIndex.build(stack);
  const out = new Map<string, PackageMeasure>();
  for (const e of index.ofType('AWS::Lambda::Function')) {
    const code = e.properties.Code;
    if (!isObject(code)) continue;
    const inline = knownString(code.ZipFile);
    const pkg = inline === undefined ? codePackageOf(e, index) : undefined;
    let measure: Omit<PackageMeasure, 'unmeasuredLayers'>;
    if (inline !== undefined) measure = { kind: 'inline', unzippedBytes: Buffer.byteLength(inline, 'utf-8'), fileCount: 1 };
    else if (pkg) measure = { kind: pkg.isZip ? 'zip' : 'directory', unzippedBytes: pkg.unzippedBytes, zipBytes: pkg.zipBytes, fileCount: pkg.fileCount };
    else continue;
    const layers = Array.isArray(e.properties.Layers) ? e.properties.Layers : [];
    const located = layers.map(l => layerPackageOf(index, l)).filter(p => p !== undefined);
    out.set(e.logicalId, {
      ...measure,
      withLayersBytes: layers.length ? measure.unzippedBytes + located.reduce((sum, p) => sum + p!.unzippedBytes, 0) : undefined,
      unmeasuredLayers: layers.length - located.length,
    });
  }
  return out;
}

function files(n: number): string {
  return `${n.toLocaleString('en-US')} file${n === 1 ? '' : 's'}`;
}

/** `1.2 MB unzipped (420 KB zipped), 3 files; with layers 40.2 MB` — the package in one phrase. */
export function describePackage(m: PackageMeasure): string {
  const zipped = m.kind === 'zip' && m.zipBytes !== undefined ? ` (${formatBytes(m.zipBytes)} zipped)` : m.kind === 'inline' ? ' (inline)' : '';
  const layers = m.withLayersBytes === undefined ? ''
    : `; with layers ${formatBytes(m.withLayersBytes)}${m.unmeasuredLayers ? ` + ${m.unmeasuredLayers} layer${m.unmeasuredLayers === 1 ? '' : 's'} not measured` : ''}`;
  return `${formatBytes(m.unzippedBytes)} unzipped${zipped}, ${files(m.fileCount)}${layers}`;
}
