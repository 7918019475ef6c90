import { ALL_RULES } from './catalog';
import { notCheckedTable } from './not-checked';
import { fullId } from './private/engine';

/**
 * The Markdown table of every rule (id, what it checks, severity), as the README shows it, followed by
 * the documented constraints no rule checks and why.
 */
export function rulesTable(): string {
  const rows = ALL_RULES.map(r => `| \`${fullId(r)}\` | ${r.summary.replace(/\|/g, '\\|')} | ${r.severity} |`);
  return ['| id | what it checks | severity |', '|---|---|---|', ...rows, '', notCheckedTable()].join('\n');
}
