/**
 * The shape of a synthesized CloudFormation template as the blueprint report reads it, and how a value
 * refers to a resource.
 */

/** A CloudFormation resource as it stands in a template. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly Metadata?: Record<string, any>;
  readonly UpdatePolicy?: Record<string, any>;
}

/** A template: its resources by logical id, and its template-level metadata. */
export interface TemplateJson {
  readonly Resources?: Record<string, CfnResourceJson>;
  readonly Metadata?: Record<string, any>;
}

/** The logical id a value refers to ({Ref}, {Fn::GetAtt}, inside {Fn::Join}/{Fn::Select}/{Fn::Split}), if any. */
export function refOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (typeof v.Ref === 'string') return v.Ref;
    if (Array.isArray(v['Fn::GetAtt'])) return v['Fn::GetAtt'][0];
    if (typeof v['Fn::GetAtt'] === 'string') return v['Fn::GetAtt'].split('.')[0];
    // `Fn::Select` over `Fn::Split` of an alias ARN: what aws-cdk-lib renders for a mapping on an alias
    if (Array.isArray(v['Fn::Select'])) return refOf(v['Fn::Select'][1]);
    if (Array.isArray(v['Fn::Split'])) return refOf(v['Fn::Split'][1]);
    if (Array.isArray(v['Fn::Join'])) {
      for (const part of v['Fn::Join'][1] ?? []) {
        const r = refOf(part);
        if (r) return r;
      }
    }
  }
  return undefined;
}
