import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { edgeUsesOf, eventTypesOf, isOrigin, isViewer } from './associations';
import { EDGE_FACTS } from '../../limits';
import { codePackageOf, LocatedPackage } from '../private/packages';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** A Lambda@Edge function's compressed package stays within 1 MB (viewer events) or 50 MB (origin events). */
export const LambdaEdgePackageSize: Rule = {
  id: 'LambdaEdgePackageSize',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function\'s compressed package (code and libraries, when built from a local asset) is at most 1 MB for viewer events and 50 MB for origin events.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const uses = edgeUsesOf(index, e);
    const viewer = uses.filter(isViewer);
    const triggers = viewer.length ? viewer : uses.filter(isOrigin);
    if (!triggers.length) return [];
    const limit = viewer.length ? EDGE_FACTS.viewerPackageBytes : EDGE_FACTS.originPackageBytes;
    const pkg = codePackageOf(e, index);
    const bytes = pkg ? compressedBytes(pkg, limit) : undefined;
    if (bytes === undefined || bytes <= limit) return [];
    return [{
      property: 'Code',
      value: `${pkg!.isZip ? '' : 'about '}${show(bytes, 'bytes')} compressed (${pkg!.source}; a Lambda@Edge ${eventTypesOf(triggers)} trigger)`,
      allowed: `at most ${show(limit, 'bytes')} (${show(limit / 1024 / 1024, 'MB')})`,
      reason: `the compressed package of a Lambda@Edge function triggered by ${viewer.length ? 'viewer' : 'origin'} events, with its libraries, is at most ${show(limit / 1024 / 1024, 'MB')}`,
    }];
  },
};

/** The archive's size, or for a directory the sum of its files deflated (only when it could exceed `limit`). */
function compressedBytes(pkg: LocatedPackage, limit: number): number | undefined {
  try {
    if (pkg.isZip) return fs.statSync(pkg.source).size;
    const files = pkg.files.map(f => path.join(pkg.source, ...f.split('/')));
    const raw = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    if (raw <= limit) return raw;
    return files.reduce((sum, f) => sum + zlib.deflateRawSync(fs.readFileSync(f)).length, 0);
  } catch {
    return undefined;
  }
}
