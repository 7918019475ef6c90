/**
 * What a custom rule reports: one thing wrong with one resource, printed in the library's message form
 * `<property> is <value>, allowed is <allowed>, because <reason> (standard "<name>" set at <scope>).`
 */
export interface RuleViolation {
  /** The property as the template names it (`MemorySize`, `Tags`). */
  readonly property: string;
  /** The value as it should be printed (quote strings yourself, e.g. `"nodejs20.x"`, or `not set`). */
  readonly value: string;
  /** What is allowed (`at most 3,008 MB`). */
  readonly allowed: string;
  /** Why, without a final full stop. */
  readonly reason: string;
}

/**
 * Options of a `StandardRule`.
 */
export interface StandardRuleProps {
  /**
   * The rule id, letters and digits (reported as `LambdaBlueprints-<id>`, acknowledged with that id).
   */
  readonly id: string;

  /**
   * The CloudFormation resource types the rule inspects.
   * @default ['AWS::Lambda::Function']
   */
  readonly resourceTypes?: string[];
}

/**
 * One synthesized resource as a custom rule sees it: type, construct path, logical id and the resolved
 * CloudFormation properties (overrides included). Intrinsics (`{ "Ref": … }`) are left as they are.
 */
export class RuleResource {
  /** The CloudFormation type (`AWS::Lambda::Function`). */
  public readonly type: string;
  /** The construct path (`App/Prod/Api/Handler/Function/Resource`). */
  public readonly path: string;
  /** The logical id in its template. */
  public readonly logicalId: string;
  /** Every property of the resource, as CloudFormation will see them. */
  public readonly properties: { [key: string]: any };

  /**
   * @param type the CloudFormation type
   * @param path the construct path
   * @param logicalId the logical id
   * @param properties the resolved CloudFormation properties
   */
  constructor(type: string, path: string, logicalId: string, properties: { [key: string]: any }) {
    this.type = type;
    this.path = path;
    this.logicalId = logicalId;
    this.properties = properties;
  }

  /**
   * One property, by its template name or a dotted path (`MemorySize`, `VpcConfig.SubnetIds`).
   * @param name the property name or dotted path
   * @returns the value, or undefined when it is not set
   */
  public property(name: string): any {
    let v: any = this.properties;
    for (const part of name.split('.')) {
      if (v === null || typeof v !== 'object') return undefined;
      v = v[part];
    }
    return v;
  }
}

/**
 * A company's own rule, written as a class so that platform teams can write it in any jsii language:
 * subclass it, implement `check` and list it in `StandardRules.customRules`. It runs in the same engine as
 * the library's rules (construct mode at synth and the `LambdaBlueprintChecks` pack), on every resource of
 * `resourceTypes` under the scope the standard is applied to.
 */
export abstract class StandardRule {
  /** The rule id (reported as `LambdaBlueprints-<id>`). */
  public readonly id: string;
  /** The resource types the rule inspects. */
  public readonly resourceTypes: string[];

  constructor(props: StandardRuleProps) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(props.id)) {
      throw new Error(`StandardRule: id is ${JSON.stringify(props.id)}, allowed is letters and digits starting with a letter, because it is reported as LambdaBlueprints-<id> and acknowledged by that id.`);
    }
    this.id = props.id;
    this.resourceTypes = props.resourceTypes ?? ['AWS::Lambda::Function'];
  }

  /**
   * The violations of one resource (an empty list when it complies).
   * @param resource the resource
   */
  public abstract check(resource: RuleResource): RuleViolation[];
}
