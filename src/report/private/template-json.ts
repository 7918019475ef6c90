/**
 * The shape of a synthesized CloudFormation template as the blueprint report reads it (references between
 * its resources are read by the rules' `refIdWithin`).
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
