import { describeInvokers, InvokerKind, invokersOf } from '../private/invokers';
import { ALIAS, Finding, FUNCTION, Rule, Severity, show, VERSION } from '../private/rule';
import { CfnEntry, isObject, TemplateIndex } from '../private/template-index';
import { hasSnapStart } from '../snapstart/provisioned';

/** Invokers that send no tenant ID (a permission alone, e.g. API Gateway's, is not judged). */
const WITHOUT_TENANT: ReadonlySet<InvokerKind> = new Set<InvokerKind>([
  InvokerKind.MAPPING, InvokerKind.URL, InvokerKind.S3, InvokerKind.SNS, InvokerKind.RULE, InvokerKind.COGNITO, InvokerKind.LOGS,
]);

function provisioned(index: TemplateIndex, fn: CfnEntry): CfnEntry[] {
  return [...index.ofType(ALIAS), ...index.ofType(VERSION)]
    .filter(v => isObject(v.properties.ProvisionedConcurrencyConfig) && index.functionOf(v.properties.FunctionName) === fn);
}

/**
 * A function in tenant isolation mode is invoked only with a tenant ID, and has neither provisioned
 * concurrency nor SnapStart. aws-cdk-lib refuses these only through `addEventSource`, `addFunctionUrl`
 * and its own Version/Alias; S3 notifications, SNS subscriptions, EventBridge targets, L1 resources and
 * escape hatches reach the template.
 */
export const LambdaTenantIsolation: Rule = {
  id: 'LambdaTenantIsolation',
  severity: Severity.ERROR,
  summary: 'A function in tenant isolation mode (TenancyConfig) has no trigger that sends no tenant ID (event source mappings, function URLs, S3 notifications, SNS subscriptions, EventBridge targets, Cognito triggers, log subscriptions), no provisioned concurrency and no SnapStart.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const tenancy = e.properties.TenancyConfig;
    if (tenancy === undefined || tenancy === null) return [];
    const mode = isObject(tenancy) ? show(tenancy.TenantIsolationMode) : show(tenancy);
    const out: Finding[] = [];
    const triggers = invokersOf(index, e).filter(i => WITHOUT_TENANT.has(i.kind));
    if (triggers.length) {
      out.push({
        property: 'TenancyConfig.TenantIsolationMode',
        value: `${mode}, invoked by ${describeInvokers(triggers)}`,
        allowed: 'invocations that carry a tenant ID (API Gateway, or a function that invokes it with TenantId)',
        reason: 'a function in tenant isolation mode refuses every invocation without a tenant ID, and these services send none',
        involves: triggers.map(i => i.entry),
      });
    }
    const pc = provisioned(index, e);
    if (pc.length) {
      out.push({
        property: 'TenancyConfig.TenantIsolationMode',
        value: `${mode}, with provisioned concurrency on ${pc.map(v => v.path).join(', ')}`,
        allowed: 'no provisioned concurrency on a function in tenant isolation mode',
        reason: 'Lambda does not support provisioned concurrency in tenant isolation mode',
        involves: pc,
      });
    }
    if (hasSnapStart(e)) {
      out.push({ property: 'TenancyConfig.TenantIsolationMode', value: `${mode}, with SnapStart.ApplyOn "PublishedVersions"`, allowed: 'no SnapStart on a function in tenant isolation mode', reason: 'Lambda does not support SnapStart in tenant isolation mode' });
    }
    return out;
  },
};
