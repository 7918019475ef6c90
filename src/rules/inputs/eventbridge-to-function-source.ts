import { inputRule, Severity } from '../private/rule';

/** An EventBridgeTrigger has exactly one of `schedule` and `eventPattern`. */
export const EventBridgeTriggerSource = inputRule('EventBridgeTriggerSource', Severity.ERROR,
  'An EventBridgeTrigger runs either on a schedule or for an event pattern: exactly one of schedule and eventPattern.');
