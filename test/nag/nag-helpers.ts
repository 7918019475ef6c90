import { IConstruct } from 'constructs';
import { LambdaBlueprintChecks, LambdaBlueprintChecksProps } from '../../src';

/** Unacknowledged LambdaBlueprints findings under `scope`, as `rule @ path` lines (optionally one rule). */
export function blueprintFindings(scope: IConstruct, rule?: string, props?: LambdaBlueprintChecksProps): string[] {
  const out: string[] = [];
  for (const v of new LambdaBlueprintChecks(undefined, props).validateScope(scope).violations) {
    if (rule && v.ruleName !== `LambdaBlueprints-${rule}`) continue;
    for (const r of v.violatingResources) out.push(`${v.ruleName} @ ${r.constructPath}`);
  }
  return out.sort();
}
