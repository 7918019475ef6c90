/**
 * Writes the rule table of the README from the rule library (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`): `npx projen docs:rules`. A test fails when the README's table is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../src/rules/catalog';
import { rulesTable } from '../src/rules/table';

const file = path.join(__dirname, '..', 'README.md');
const readme = fs.readFileSync(file, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block`);
fs.writeFileSync(file, `${readme.slice(0, i + start.length)}\n${rulesTable()}\n${readme.slice(j)}`);
console.log(`README.md: rule table written (${ALL_RULES.length} rules)`);
