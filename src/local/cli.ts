#!/usr/bin/env node
/**
 * `npx cdk-lambda-blueprints ...`: runs the functions of a synthesized CDK app locally (see `--help`).
 */
import { runCli } from './private/cli-main';

if (require.main === module) {
  runCli(process.argv.slice(2), { out: t => process.stdout.write(t + '\n'), err: t => process.stderr.write(t + '\n') })
    .then(code => { process.exitCode = code; }, err => { process.stderr.write(`${err.stack ?? err}\n`); process.exitCode = 3; });
}
