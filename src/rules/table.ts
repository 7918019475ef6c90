import { ALL_RULES } from './catalog';
import { fullId } from './private/engine';

/** The Markdown table of every rule (id, what it checks, severity), as the README shows it. */
export function rulesTable(): string {
  const rows = ALL_RULES.map(r => `| \`${fullId(r)}\` | ${r.summary.replace(/\|/g, '\\|')} | ${r.severity} |`);
  return ['| id | what it checks | severity |', '|---|---|---|', ...rows].join('\n');
}
