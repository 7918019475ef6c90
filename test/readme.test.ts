import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSnippets, duplicateIds, extractSnippets } from '../build-tools/readme-snippets';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
const snippets = extractSnippets(readme);

describe('README', () => {
  test('every TypeScript snippet type-checks (with its own imports)', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(8);
    expect(checkSnippets()).toBe('');
  }, 180_000);

  test('construct ids are unique across snippets (they can be pasted into one stack)', () => {
    expect(duplicateIds(snippets)).toEqual([]);
  });

  test('every snippet that uses the library imports it', () => {
    for (const s of snippets.filter(x => /\b(Blueprint\w+|SampleEvents|QueueToFunction)\b/.test(x.code))) {
      expect(s.code).toMatch(/from 'cdk-lambda-blueprints'/);
    }
  });

  test('every TypeScript snippet has its Python, Java and Go form in the generated section (npx projen rosetta)', () => {
    const start = readme.indexOf('<!-- rosetta:start -->');
    const end = readme.indexOf('<!-- rosetta:end -->');
    expect(start).toBeGreaterThan(-1);
    const generated = readme.slice(start, end);
    const outside = extractSnippets(readme.slice(0, start) + readme.slice(end));
    expect(generated.match(/<details><summary>/g)?.length).toBe(outside.length);
    expect(generated.match(/^```python$/gm)?.length).toBe(outside.length);
    expect(generated.match(/^```java$/gm)?.length).toBe(outside.length);
    expect(generated.match(/^```go$/gm)?.length).toBe(outside.length);
  });

  test('the developer commands stay verbatim, and example links are absolute', () => {
    expect(readme).toContain('npm ci && npx projen synth:examples');
    expect(readme).toContain('npm ci && npx projen build');
    expect(readme).not.toMatch(/\]\(examples\//);
    expect(readme).toContain('npm install cdk-lambda-blueprints');
  });

  test('the checker fails on a snippet that does not compile, and on duplicate ids', () => {
    const markdown = "```ts\nimport { BlueprintFunction } from 'cdk-lambda-blueprints';\nnew BlueprintFunction(this, 'X', { runtime: 1 });\n```\n";
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readme-')), 'README.md');
    fs.writeFileSync(file, markdown);
    expect(checkSnippets(file)).toMatch(/error TS2/);
    const bad = extractSnippets(markdown);
    expect(duplicateIds([...bad, ...bad])).toEqual(["'X' (README lines 1, 1)"]);
  }, 180_000);
});
