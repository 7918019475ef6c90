import { inputRule, Severity } from '../private/rule';

/** A stack within CloudFormation's resource limit (ResourceBudget). */
export const CloudFormationStackResources = inputRule('CloudFormationStackResources', Severity.ERROR,
  'A stack holds at most 500 resources (CloudFormation\'s limit); past it, the message names the constructs with the most resources and how many to move to a second stack.');
