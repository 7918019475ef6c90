import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { HANDLERS } from './fixtures';
import { buildApp as javaWorkerApp } from '../../examples/java-snapstart-worker';
import { BlueprintCode, BlueprintFunction, LocalLambda } from '../../src';

// A Java handler (test/code/maven-hello, built by BlueprintCode.fromMavenProject) runs through AWS's own
// aws-lambda-java-runtime-interface-client 2.10.1 against the emulator. build-tools/setup-local-conformance.sh
// (run by .ci/run) puts the client's jars into .cache/local-conformance/java/lib.
const RIC = path.join(__dirname, '..', '..', '.cache', 'local-conformance', 'java', 'lib');
const FIXTURE = path.join(__dirname, '..', 'code', 'maven-hello');
const installed = fs.existsSync(path.join(RIC, 'aws-lambda-java-runtime-interface-client-2.10.1.jar'));

test('AWS\'s Java runtime interface client is installed in CI (build-tools/setup-local-conformance.sh)', () => {
  if (process.env.CI === 'true') expect(installed).toBe(true);
});

function javaApp(root: string): App {
  const project = path.join(root, 'project');
  fs.cpSync(FIXTURE, project, { recursive: true, filter: f => path.basename(f) !== 'target' });
  const app = new App({ outdir: path.join(root, 'cdk.out') });
  new BlueprintFunction(new Stack(app, 'Java'), 'Hello', {
    runtime: lambda.Runtime.JAVA_21,
    handler: 'com.example.Hello::handleRequest',
    code: BlueprintCode.fromMavenProject(project, { cacheDir: path.join(root, 'cache') }),
  });
  return app;
}

(installed ? describe : describe.skip)('a Java handler through aws-lambda-java-runtime-interface-client', () => {
  beforeAll(() => {
    process.env.CDK_LAMBDA_BLUEPRINTS_JAVA_RIC = RIC;
  });
  afterAll(() => {
    delete process.env.CDK_LAMBDA_BLUEPRINTS_JAVA_RIC;
  });

  test('results, warm environments, and a thrown exception as AWS\'s Java runtime reports it', () => {
    const fn = LocalLambda.fromStage(javaApp(fs.mkdtempSync(path.join(os.tmpdir(), 'local-java-'))), 'Java/Hello');
    try {
      expect(fn.runtime).toBe('java21');
      const first = fn.invoke('{"name":"java"}');
      expect([first.payload, first.errorType, first.coldStart]).toEqual(['"hello JAVA"', undefined, true]);
      const second = fn.invoke('{"name":"again"}');
      expect([second.payload, second.coldStart, second.environmentId]).toEqual(['"hello AGAIN"', false, first.environmentId]);
      const failed = fn.invoke('{}');
      expect([failed.errorType, failed.errorMessage]).toEqual(['java.lang.IllegalArgumentException', 'name is required']);
      expect(JSON.parse(failed.payload).stackTrace[0]).toMatch(/^com\.example\.Hello\.handleRequest\(Hello\.java:\d+\)$/);
    } finally {
      fn.dispose();
    }
  });

  test('the shared conformance case: the Java client gives the Node.js client\'s results, warm state and errors', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-java-conformance-'));
    const project = path.join(root, 'project');
    fs.cpSync(FIXTURE, project, { recursive: true, filter: f => path.basename(f) !== 'target' });
    const app = new App({ outdir: path.join(root, 'cdk.out') });
    const stack = new Stack(app, 'Local', { env: { account: '111111111111', region: 'eu-west-1' } });
    new lambda.Function(stack, 'Node', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(HANDLERS.conformance), memorySize: 256, functionName: 'conformance' });
    new lambda.Function(stack, 'Java', {
      runtime: lambda.Runtime.JAVA_21,
      handler: 'com.example.Conformance::handleRequest',
      code: BlueprintCode.fromMavenProject(project, { cacheDir: path.join(root, 'cache') }),
      memorySize: 256,
      functionName: 'conformance-java',
    });
    const run = (id: string) => {
      const fn = LocalLambda.fromStage(app, id);
      try {
        return [{ a: 1 }, { b: 2, list: [1, 'x'] }, { fail: true }].map(event => fn.invoke(JSON.stringify(event), { clientContext: '{"custom":{"app":"x"}}' }));
      } finally {
        fn.dispose();
      }
    };
    const [node, java] = [run('Local/Node'), run('Local/Java')];
    const same = (payload: string, name: string) => JSON.parse(payload.replace(new RegExp(`${name}\\b`, 'g'), '<fn>'));
    for (let i = 0; i < 2; i++) {
      expect([java[i].errorType, java[i].coldStart]).toEqual([node[i].errorType, node[i].coldStart]);
      expect(same(java[i].payload, 'conformance-java')).toEqual({ ...same(node[i].payload, 'conformance'), cc: { app: 'x' } });
      expect(java[i].logs.some(l => l.includes('conformance log'))).toBe(true);
    }
    // The error's message is the same; its type is the language's own name for it (the class in Java).
    expect([node[2].errorType, node[2].errorMessage]).toEqual(['ConformanceError', 'conformance failure']);
    expect([java[2].errorType, java[2].errorMessage]).toEqual(['com.example.Conformance$ConformanceError', 'conformance failure']);
    expect([java[2].coldStart, java[2].environmentId]).toEqual([false, java[0].environmentId]);
  });

  test('the java-snapstart-worker example: SQS batches through the alias\'s mapping, a bad message alone to the DLQ', () => {
    const app = javaWorkerApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-java-worker-')) }));
    const fn = LocalLambda.fromStage(app, 'JavaSnapStartWorker/Worker');
    try {
      expect(fn.triggers).toEqual([expect.stringMatching(/^sqs:OrdersQueue/)]);
      const result = fn.deliver({ records: ['apple', 'kiwi', 'pear', 'plum'] });
      expect([result.succeeded, result.failed]).toEqual([3, 1]);
      const dlq = Object.entries(JSON.parse(result.outbox).destinations as Record<string, Array<{ body: string }>>);
      expect(dlq.map(([id, messages]) => [id.replace(/[0-9A-F]{8}$/, ''), messages.map(m => m.body)])).toEqual([['OrdersDeadLetterQueue', ['kiwi']]]);
    } finally {
      fn.dispose();
    }
  });
});

test('without the Java runtime interface client the emulator says what to install', () => {
  const before = process.env.CDK_LAMBDA_BLUEPRINTS_JAVA_RIC;
  delete process.env.CDK_LAMBDA_BLUEPRINTS_JAVA_RIC;
  try {
    const app = javaApp(fs.mkdtempSync(path.join(os.tmpdir(), 'local-java-missing-')));
    expect(() => LocalLambda.fromStage(app, 'Java/Hello')).toThrow(
      '[LocalLambda.UnsupportedRuntime] /Java/Hello/Function/Resource: java21 functions run locally through AWS\'s aws-lambda-java-runtime-interface-client: set CDK_LAMBDA_BLUEPRINTS_JAVA_RIC to a directory holding its jar and its dependencies\' (mvn dependency:copy-dependencies of com.amazonaws:aws-lambda-java-runtime-interface-client)');
  } finally {
    if (before !== undefined) process.env.CDK_LAMBDA_BLUEPRINTS_JAVA_RIC = before;
  }
});
