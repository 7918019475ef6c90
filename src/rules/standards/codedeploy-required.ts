import { setting, standardFinding } from './helpers';
import { ALIAS, FUNCTION, Rule, Severity } from '../private/rule';

/** The function is released through an alias that CodeDeploy updates, when a standard requires it (lifecycle hooks excepted). */
export const StandardCodeDeployRelease: Rule = {
  id: 'StandardCodeDeployRelease',
  severity: Severity.ERROR,
  summary: 'The function has an alias updated by CodeDeploy when the platform standards in force require a release.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => {
    const required = setting(ctx, 'requireCodeDeployRelease');
    if (!required.length) return [];
    const all = ctx.index.ofType(ALIAS);
    // A CodeDeploy lifecycle hook runs during another function's release: it is not released itself.
    const hooks = all.map(a => a.updatePolicy?.CodeDeployLambdaAliasUpdate ?? {})
      .flatMap(u => [u.BeforeAllowTrafficHook, u.AfterAllowTrafficHook]);
    if (hooks.some(h => h !== undefined && ctx.index.functionOf(h) === e)) return [];
    const aliases = all.filter(a => ctx.index.functionOf(a.properties.FunctionName) === e);
    if (aliases.some(a => a.updatePolicy?.CodeDeployLambdaAliasUpdate !== undefined)) return [];
    const value = aliases.length ? `aliases ${aliases.map(a => JSON.stringify(a.properties.Name)).join(', ')} without CodeDeploy` : 'no alias';
    return required.map(({ standard }) => standardFinding(standard, 'Release', value,
      'an alias updated by CodeDeploy (e.g. `deployment: { strategy: DeploymentStrategy.canary(…) }`)', 'every change must shift traffic gradually and roll back on alarms'));
  },
};
