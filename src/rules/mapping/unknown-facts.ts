import { queueTiming } from './queue-timing';
import { LIMITS } from '../../limits';
import { Finding, MAPPING, Rule, Severity, show } from '../private/rule';

/**
 * A mapping whose function or queue is imported: the facts the other rules need (function timeout, queue
 * visibility timeout) are unknown at synth, so this names what could not be checked.
 */
export const LambdaMappingUnknownFacts: Rule = {
  id: 'LambdaMappingUnknownFacts',
  severity: Severity.WARNING,
  summary: 'An SQS mapping whose function or queue is imported (timeout or visibility unknown at synth) names the check it could not make.',
  types: [MAPPING],
  check: (e, { index }) => {
    const t = queueTiming(index, e);
    if (!t) return [];
    const out: Finding[] = [];
    const rule = `the queue visibility timeout must be at least the function timeout (Lambda refuses the mapping otherwise), best ${LIMITS.visibilityTimeoutFactor.min} x the timeout plus the batching window`;
    if (!t.fn) {
      out.push({ property: 'FunctionName', value: `${show(e.properties.FunctionName)} (an imported function: its timeout is unknown at synth)`, allowed: `a function whose timeout fits the queue${t.visibility !== undefined ? ` (visibility ${t.visibility} s)` : ''}`, reason: `${rule}; check it yourself or define the function in this app` });
    }
    if (!t.queue) {
      out.push({ property: 'EventSourceArn', value: `${show(e.properties.EventSourceArn)} (an imported queue: its visibility timeout is unknown at synth)`, allowed: `a queue whose visibility timeout fits the function${t.recommended !== undefined ? ` (at least ${t.recommended} s)` : ''}`, reason: `${rule}; check it yourself or define the queue in this app` });
    }
    return out;
  },
};
