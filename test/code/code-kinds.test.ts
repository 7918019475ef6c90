import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { APP_FILES, TempProject, TINY_FILES } from './project';
import { BlueprintCode, BlueprintFunction } from '../../src';

/**
 * The `Code` property each code kind renders: inline `ZipFile`, or `S3Bucket`/`S3Key` of a
 * content-hashed asset, or `ImageUri`. Every fixture is written by the test from constants, so the
 * content hashes (and the snapshot) are the same on every machine.
 */
test('Code.ZipFile versus S3Bucket/S3Key (or ImageUri) for every code kind', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'code-kinds-')) });
  const stack = new Stack(app, 'Kinds', { env: { account: '123456789012', region: 'us-east-1' } });
  const node = { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler' };
  const tiny = new TempProject(TINY_FILES);
  const bundled = new TempProject(APP_FILES);
  const files = new TempProject({ 'small.js': 'exports.handler = async () => 1;\n', 'dep.js': 'const x = require("lodash");\nexports.handler = async () => x;\n' });
  const dir = new TempProject({ 'index.js': 'exports.handler = async () => require("dep").x;', 'node_modules/dep/package.json': '{"name":"dep"}', 'node_modules/dep/index.js': 'exports.x = 1;' });
  const image = new TempProject({ 'Dockerfile': 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY index.js ${LAMBDA_TASK_ROOT}/\nCMD ["index.handler"]\n', 'index.js': 'exports.handler = async () => 1;' });
  const image2 = { runtime: lambda.Runtime.FROM_IMAGE, handler: lambda.Handler.FROM_IMAGE };

  new BlueprintFunction(stack, 'FileInline', { ...node, code: BlueprintCode.fromFile(files.path('small.js')) });
  new BlueprintFunction(stack, 'FileAsset', { ...node, code: BlueprintCode.fromFile(files.path('dep.js')) });
  new BlueprintFunction(stack, 'EntryInline', { ...node, code: BlueprintCode.fromEntry(tiny.path('tiny.ts'), { cacheDir: tiny.cacheDir }) });
  new BlueprintFunction(stack, 'EntryAsset', { ...node, handler: 'app.handler', code: BlueprintCode.fromEntry(bundled.path('src/handler.ts'), { cacheDir: bundled.cacheDir }) });
  new BlueprintFunction(stack, 'Directory', { ...node, code: BlueprintCode.fromDirectory(dir.root, { exclude: ['package.json'] }) });
  new BlueprintFunction(stack, 'ImageAsset', { ...image2, code: BlueprintCode.fromImageAsset(image.root) });
  new BlueprintFunction(stack, 'Ecr', { ...image2, code: BlueprintCode.fromEcr(ecr.Repository.fromRepositoryName(stack, 'Repo', 'app'), `sha256:${'c'.repeat(64)}`) });

  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const codes = Object.fromEntries(Object.entries(functions).map(([id, f]) => [id.replace(/Function[0-9A-F]{8}$/, ''), f.Properties.Code]));
  expect(codes).toMatchSnapshot();
  expect(Object.keys(codes)).toHaveLength(7);
});
