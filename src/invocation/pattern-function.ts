import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BlueprintAlarms } from '../core/alarms';
import { spellProp } from '../core/private/language';
import { BlueprintFunction } from '../function/blueprint-function';
import { BlueprintFunctionProps } from '../function/blueprint-function-props';

/** The function part of a source-to-function pattern. */
export interface PatternFunctionProps {
  /**
   * An existing function to process the events (exclusive with `functionProps`): a BlueprintFunction
   * (its alias once released) or any `lambda.IFunction`.
   * @default - a BlueprintFunction is created from `functionProps`
   */
  readonly function?: lambda.IFunction;

  /**
   * Properties of the BlueprintFunction the pattern creates (exclusive with `function`).
   * @default - none: then `function` is required
   */
  readonly functionProps?: BlueprintFunctionProps;

  /**
   * Send every blueprint alarm of the stack (this pattern's included) to this topic.
   * @default - alarms without actions (or the topic set with `BlueprintAlarms.notify`)
   */
  readonly alarmTopic?: sns.ITopic;
}

/** The pattern's function: the given one or a new one under `scope` with id `Function`. */
export function patternFunction(scope: Construct, props: PatternFunctionProps): lambda.IFunction {
  if (props.alarmTopic) BlueprintAlarms.notify(scope, props.alarmTopic);
  if (props.function && props.functionProps) {
    throw new Error(`${scope.node.path}: give either ${spellProp('function')} or ${spellProp('functionProps')}, not both.`);
  }
  if (props.function) return props.function;
  if (!props.functionProps) throw new Error(`${scope.node.path}: give ${spellProp('function')} or ${spellProp('functionProps')}.`);
  return new BlueprintFunction(scope, 'Function', props.functionProps);
}
