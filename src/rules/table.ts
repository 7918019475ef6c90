import { ALL_RULES } from './catalog';
import { notCheckedTable } from './not-checked';
import { fullId } from './private/engine';

/**
 * The Markdown table of every rule (id, what it checks, severity), as the README shows it, followed by
 * the documented constraints no rule checks and why.
 */
export function rulesTable(): string {
  const rows = ALL_RULES.map(r => `| \`${fullId(r)}\` | ${r.summary.replace(/\|/g, '\\|')} | ${r.severity} | ${r.input ? 'constructs' : 'template'} |`);
  return ['| id | what it checks | severity | reads |', '|---|---|---|---|', ...rows, '',
    'Rules that read the **template** run in construct mode and in `LambdaBlueprintChecks` alike. Those that read the **constructs** '
    + '(their props, calls and the stack\'s construct tree) check what never reaches the template as such (a value aws-cdk-lib would '
    + 'throw on, a call, a combination of options, a stack\'s resource budget): the constructs report them through the same engine, '
    + 'with the same id and message form.', '', notCheckedTable()].join('\n');
}
