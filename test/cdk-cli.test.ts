import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthExample } from '../build-tools/synth-examples';

const root = path.join(__dirname, '..');
const cliApp = path.join(root, 'examples', 'cdk-cli');

describe('the real CDK CLI (aws-cdk) on the basic-function example', () => {
  test('`cdk synth` with the example\'s cdk.json writes the same template as synth:examples', () => {
    const cliOut = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cli-'));
    const cdk = path.join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk');
    execFileSync(process.execPath, [cdk, 'synth', '--quiet', '--output', cliOut], {
      cwd: cliApp, encoding: 'utf-8', stdio: 'pipe', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true', CI: 'true' },
    });
    const fromCli = JSON.parse(fs.readFileSync(path.join(cliOut, 'BasicFunction.template.json'), 'utf-8'));

    const { assembly } = synthExample('basic-function', fs.mkdtempSync(path.join(os.tmpdir(), 'synth-examples-')));
    const fromSynthExamples = assembly.getStackByName('BasicFunction').template;

    expect(Object.keys(fromCli.Resources).length).toBeGreaterThan(0);
    expect(fromCli).toEqual(fromSynthExamples);
  }, 180_000);
});
