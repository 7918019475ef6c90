import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BlueprintAlarms } from '../core/alarms';
import { BlueprintFunction, BlueprintFunctionProps } from '../function/blueprint-function';

/** The function part of a source-to-function pattern. */
export interface PatternFunctionProps {
  /**
   * An existing BlueprintFunction to process the events (exclusive with `functionProps`).
   * @default - a BlueprintFunction is created from `functionProps`
   */
  readonly blueprintFunction?: BlueprintFunction;

  /**
   * Properties of the BlueprintFunction the pattern creates (exclusive with `blueprintFunction`).
   * @default - none: then `blueprintFunction` is required
   */
  readonly functionProps?: BlueprintFunctionProps;

  /**
   * Send every blueprint alarm of the stack (this pattern's included) to this topic.
   * @default - alarms without actions (or the topic set with `BlueprintAlarms.notify`)
   */
  readonly alarmTopic?: sns.ITopic;
}

/** The pattern's function: the given one or a new one under `scope` with id `Function`. */
export function patternFunction(scope: Construct, props: PatternFunctionProps): BlueprintFunction {
  if (props.alarmTopic) BlueprintAlarms.notify(scope, props.alarmTopic);
  if (props.blueprintFunction && props.functionProps) {
    throw new Error(`${scope.node.path}: give either blueprintFunction or functionProps, not both.`);
  }
  if (props.blueprintFunction) return props.blueprintFunction;
  if (!props.functionProps) throw new Error(`${scope.node.path}: give blueprintFunction or functionProps.`);
  return new BlueprintFunction(scope, 'Function', props.functionProps);
}
