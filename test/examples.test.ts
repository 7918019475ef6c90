import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { nagFindings } from './helpers';

const examplesDir = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(examplesDir).filter(f => f.endsWith('.ts')).map(f => f.replace(/\.ts$/, '')).sort();

test('there are examples', () => {
  expect(examples.length).toBeGreaterThan(0);
});

describe.each(examples)('example %s', (name) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(examplesDir, name));
  const app: App = mod.buildApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`)) }));
  const stacks = app.node.children.filter(Stack.isStack);

  test('synthesizes', () => {
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      expect(Object.keys(Template.fromStack(stack).findResources('AWS::Lambda::Function')).length).toBeGreaterThan(0);
    }
  });

  test('has zero unacknowledged cdk-nag findings (AwsSolutions + Serverless)', () => {
    expect(stacks.flatMap(s => nagFindings(s))).toEqual([]);
  });
});
