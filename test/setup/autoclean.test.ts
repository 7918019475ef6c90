import * as fs from 'fs';
import { App, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * Apps without an outdir synthesize into temporary folders that aws-cdk-lib deletes in a process 'exit'
 * handler. A jest worker ran them all as jest stopped it, past jest's 500 ms ("A worker process has failed
 * to exit gracefully"), and left most behind. aws-cdk-lib's jest-autoclean (setupFilesAfterEnv) deletes
 * each file's folders when the file ends, before this file's own afterAll runs.
 */
const dirs: string[] = [];

test('an app without outdir synthesizes into a temporary folder', () => {
  const app = new App();
  new sqs.Queue(new Stack(app, 'S'), 'Q');
  dirs.push(app.synth().directory);
  expect(fs.existsSync(dirs[0])).toBe(true);
});

afterAll(() => {
  // Runs after jest-autoclean's afterAll (registered first, in setupFilesAfterEnv): the folder is gone.
  expect(dirs.filter(d => fs.existsSync(d))).toEqual([]);
});
