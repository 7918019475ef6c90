import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthApp } from './helpers';
import { BlueprintCode, BlueprintFunction } from '../../src';
import { hostArchitecture } from '../../src/core/private/elf';
import { Emulator } from '../../src/local/private/emulator';
import { javaFeatureVersion } from '../../src/local/private/java-launch';
import { targetOf } from '../../src/local/private/sources';
import { withEnv } from '../helpers';

// How Go and Java functions are prepared to run (in this process: the launch command, the twin, refusals).

const GO_FIXTURE = path.join(__dirname, '..', 'code', 'go-hello');
const MAVEN_FIXTURE = path.join(__dirname, '..', 'code', 'maven-hello');

test('java -version banners give the feature version', () => {
  expect(javaFeatureVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
  expect(javaFeatureVersion('java version "1.8.0_402"')).toBe(8);
  expect(javaFeatureVersion('openjdk version "21" 2023-09-19')).toBe(21);
  expect(javaFeatureVersion('no banner')).toBeUndefined();
});

describe('a Java function', () => {
  let assembly: string;
  beforeAll(() => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-java-'));
    fs.cpSync(MAVEN_FIXTURE, project, { recursive: true, filter: f => path.basename(f) !== 'target' });
    assembly = synthApp(app => new BlueprintFunction(new Stack(app, 'Java'), 'Hello', {
      runtime: lambda.Runtime.JAVA_21,
      handler: 'com.example.Hello::handleRequest',
      code: BlueprintCode.fromMavenProject(project, { cacheDir: path.join(project, '.cache') }),
    }));
  });

  test('runs AWS\'s Java client on the host\'s java with Lambda\'s class path; another Java version is warned', () => {
    const ric = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-ric-'));
    fs.writeFileSync(path.join(ric, 'aws-lambda-java-runtime-interface-client-2.10.1.jar'), '');
    const e = withEnv({ CDK_LAMBDA_BLUEPRINTS_JAVA_RIC: ric }, () => Emulator.open(assembly, 'Java/Hello'));
    try {
      const { command, args } = e.runner.fn.launch;
      const task = e.runner.fn.spec.taskRoot;
      expect([command, args]).toEqual(['java', ['-XX:+TieredCompilation', '-XX:TieredStopAtLevel=1', '-cp',
        `${task}:${task}/lib/*:${e.runner.fn.spec.optDir}/java/lib/*:${ric}/*`, 'com.amazonaws.services.lambda.runtime.api.client.AWSLambda', 'com.example.Hello::handleRequest']]);
      expect(fs.existsSync(path.join(task, 'com', 'example', 'Hello.class'))).toBe(true); // the jar, extracted
      const banner = spawnSync('java', ['-version'], { encoding: 'utf-8' });
      const host = javaFeatureVersion(`${banner.stderr}${banner.stdout}`);
      expect(e.runner.fn.spec.warnings).toEqual(host === 21 ? [] : [`/Java/Hello/Function/Resource is java21; it runs on this host's Java ${host}`]);
    } finally {
      e.dispose();
    }
  });

  test('without the client, or without java, it is refused saying what to install', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-no-ric-'));
    expect(() => withEnv({ CDK_LAMBDA_BLUEPRINTS_JAVA_RIC: empty }, () => Emulator.open(assembly, 'Java/Hello'))).toThrow(
      `/Java/Hello/Function/Resource: java21 functions run locally through AWS's aws-lambda-java-runtime-interface-client: set CDK_LAMBDA_BLUEPRINTS_JAVA_RIC to a directory holding its jar and its dependencies' (mvn dependency:copy-dependencies of com.amazonaws:aws-lambda-java-runtime-interface-client); ${empty} holds none`);
    const ric = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-ric-'));
    fs.writeFileSync(path.join(ric, 'aws-lambda-java-runtime-interface-client-2.10.1.jar'), '');
    expect(() => withEnv({ CDK_LAMBDA_BLUEPRINTS_JAVA_RIC: ric, CDK_LAMBDA_BLUEPRINTS_JAVA: '/nonexistent/java' }, () => Emulator.open(assembly, 'Java/Hello'))).toThrow(
      '/Java/Hello/Function/Resource: /nonexistent/java could not run: install a JDK or JRE (the java package of your system), or point CDK_LAMBDA_BLUEPRINTS_JAVA at the java binary');
  });
});

describe('a Go function for the other architecture', () => {
  const other = hostArchitecture() === 'arm64' ? lambda.Architecture.X86_64 : lambda.Architecture.ARM_64;
  function goAssembly(module: string): string {
    return synthApp(app => new BlueprintFunction(new Stack(app, 'Go'), 'Hello', {
      runtime: lambda.Runtime.PROVIDED_AL2023,
      architecture: other,
      handler: 'bootstrap',
      code: BlueprintCode.fromGoModule(module, { cacheDir: path.join(module, '.cache') }),
    }));
  }

  test('runs its host-architecture twin from the build cache', () => {
    const module = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-go-'));
    fs.cpSync(GO_FIXTURE, module, { recursive: true });
    const e = Emulator.open(goAssembly(module), 'Go/Hello');
    try {
      expect(e.runner.fn.launch.command).toBe(path.join(e.runner.fn.spec.taskRoot, 'bootstrap'));
      expect(e.runner.fn.spec.taskRoot.startsWith(path.join(module, '.cache', 'go'))).toBe(true);
      expect(e.runner.fn.spec.architecture).toBe(other.name); // what the function declares
    } finally {
      e.dispose();
    }
  });

  test('a twin that no longer builds is refused, with go\'s message', () => {
    const module = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-go-broken-'));
    fs.cpSync(GO_FIXTURE, module, { recursive: true });
    const assembly = goAssembly(module);
    fs.writeFileSync(path.join(module, 'broken.go'), 'package main\n\nfunc broken() int { return "text" }\n');
    const host = hostArchitecture();
    expect(() => Emulator.open(assembly, 'Go/Hello')).toThrow(
      `/Go/Hello/Function/Resource: its bootstrap is native code for ${other.name}, which this ${host} host cannot run, and its host-architecture twin could not be built from ${module}: go build failed: # example.com/hello; ./broken.go:3:28: cannot use "text" (untyped string constant) as int value in return statement`);
  });
});

test('a mapping\'s FunctionName through an alias, as aws-cdk-lib renders it, points at the alias', () => {
  const aliasName = { 'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'WorkerReleaseAlias' }] }] }, ':live']] };
  expect([targetOf(aliasName), targetOf({ 'Fn::Join': ['', ['arn:', ':x']] }), targetOf({ Ref: 'Fn' }), targetOf({ 'Fn::GetAtt': ['Fn', 'Arn'] })]).toEqual(['WorkerReleaseAlias', undefined, 'Fn', 'Fn']);
});
