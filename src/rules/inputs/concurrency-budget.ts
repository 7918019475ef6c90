import { fmt } from '../../core/private/format';
import { LIMITS } from '../../limits';
import { describeRange, inputRule, Severity } from '../private/rule';

/** The reserved concurrency of one account and region, across the stacks of an app (ConcurrencyBudget). */
export const LambdaAccountConcurrencyBudget = inputRule('LambdaAccountConcurrencyBudget', Severity.ERROR,
  `The functions of one account and region (ConcurrencyBudget.enforce) reserve at most the account concurrency limit − ${fmt(LIMITS.unreservedConcurrencyFloor.min)} `
  + `together, and the limit it is given is a whole number ${describeRange(LIMITS.accountConcurrency)}; the message names the environment and every reserving function.`);
