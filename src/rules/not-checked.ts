/**
 * Documented Lambda constraints the rule library does not check at synth, each with the reason: the
 * notes under the README's rule table (shared/LAMBDA-FACTS-2026.md, Appendix B and the rows it cites).
 */
export interface NotChecked {
  /** The constraint, as the facts state it. */
  readonly constraint: string;
  /** Why no rule checks it (no full stop). */
  readonly reason: string;
}

/** What is not checked, and why. */
export const NOT_CHECKED: readonly NotChecked[] = [
  {
    constraint: 'Adding DurableConfig to an existing function replaces it, which fails when the function has an explicit FunctionName',
    reason: 'a synth sees only the new template: whether the function is already deployed without DurableConfig is a fact of the deployed stack (`cdk diff` shows the replacement); a function created with DurableConfig and a FunctionName is fine',
  },
  {
    constraint: 'TenancyConfig cannot change after the function is created (replacement); CapacityProviderConfig cannot be added or removed',
    reason: 'the same: it needs the deployed template to compare with',
  },
  {
    constraint: 'SnapStart on a container image pulled from ECR (not built by the app) that is not an AWS base image for Java 11+, Python 3.12+ or .NET 8+ and has no SnapStart label or runtime hooks',
    reason: 'the template names the image, not its base image or labels (LambdaSnapStartImage reads the Dockerfile of images the app builds)',
  },
  {
    constraint: 'The largest MemorySize on Lambda Managed Instances',
    reason: 'UNCONFIRMED: the quota page says 10,240 MB while 32 GB is reported for capacity providers by third parties only; LambdaMemorySize checks whole MB there and LambdaManagedInstancesMemory the minimum',
  },
  {
    constraint: 'aws-cdk-lib 2.276 refuses CapacityProvider maxVCpuCount below 12, while the API accepts 2–15,000',
    reason: 'aws-cdk-lib throws before any rule runs (a false rejection of its own); BlueprintCapacityProvider writes such values to the template, where LambdaCapacityProviderSettings checks the API\'s range, as on an L1 CfnCapacityProvider',
  },
  {
    constraint: 'FunctionScalingConfig on a function without a capacity provider',
    reason: 'only a third-party probe reports the refusal (AccessDeniedException); LambdaManagedInstancesSettings checks the ranges on capacity provider functions',
  },
  {
    constraint: 'Features incompatible with Lambda Managed Instances (SnapStart, provisioned concurrency, tenant isolation, EFS, function URLs, streaming)',
    reason: 'UNCONFIRMED: no AWS statement found',
  },
  {
    constraint: 'RuntimeManagementConfig on a container image function',
    reason: 'UNCONFIRMED whether Lambda refuses it (runtime management applies to managed runtimes; an image is updated by rebuilding it)',
  },
  {
    constraint: 'DurableConfig.KmsKeyArn',
    reason: 'no documented constraint beyond being a KMS key ARN; aws-cdk-lib\'s DurableConfig does not expose it (set it on the L1)',
  },
  {
    constraint: 'ApplicationLogLevel or SystemLogLevel with LogFormat Text (on L1 templates)',
    reason: 'level filtering applies to JSON logs; aws-cdk-lib refuses it on lambda.Function, and whether Lambda refuses it is not documented',
  },
  {
    constraint: 'SnapStart and response streaming are not available in every region (SnapStart: not in Asia Pacific (New Zealand) and (Taipei))',
    reason: 'the facts name regions, not their codes, and streaming\'s region list is a console page: a region code would be guessed',
  },
];

/** The notes as Markdown, under the rule table. */
export function notCheckedTable(): string {
  const rows = NOT_CHECKED.map(n => `| ${n.constraint.replace(/\|/g, '\\|')} | ${n.reason.replace(/\|/g, '\\|')} |`);
  return ['**Not checked at synth**, and why:', '', '| constraint | why no rule |', '|---|---|', ...rows].join('\n');
}
