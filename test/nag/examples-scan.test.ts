import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { blueprintFindings } from './nag-helpers';

const examplesDir = path.join(__dirname, '..', '..', 'examples');
const examples = fs.readdirSync(examplesDir).filter(f => f.endsWith('.ts')).map(f => f.replace(/\.ts$/, '')).sort();

describe.each(examples)('LambdaBlueprintChecks on example %s', (name) => {
  test('reports zero findings', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(examplesDir, name));
    const app: App = mod.buildApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), `nag-${name}-`)) }));
    expect(blueprintFindings(app)).toEqual([]);
  });
});
