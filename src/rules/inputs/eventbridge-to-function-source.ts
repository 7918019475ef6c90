import { inputRule, Severity } from '../private/rule';

/** An EventBridgeToFunction has exactly one of `schedule` and `eventPattern`. */
export const EventBridgeToFunctionSource = inputRule('EventBridgeToFunctionSource', Severity.ERROR,
  'An EventBridgeToFunction runs either on a schedule or for an event pattern: exactly one of schedule and eventPattern.');
