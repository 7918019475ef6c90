import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthFunctionCode } from './project';
import { BlueprintCode, BlueprintMavenProjectOptions } from '../../src';
import { readZipEntries } from '../../src/core/private/zip-reader';
import { withEnv } from '../helpers';

// These tests build test/code/maven-hello (aws-lambda-java-core, maven-shade-plugin) with the machine's Maven
// and JDK; dependencies and plugins come from Maven Central into .cache/m2 (MAVEN_OPTS, test/setup/unit-tests.ts).
const FIXTURE = path.join(__dirname, 'maven-hello');
const HANDLER = 'com.example.Hello::handleRequest';

function tempProject(): { root: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-maven-'));
  fs.cpSync(FIXTURE, root, { recursive: true, filter: src => path.basename(src) !== 'target' });
  return { root, cacheDir: path.join(root, '.bundle-cache') };
}

function synth(dir: string, options: BlueprintMavenProjectOptions, runtime = lambda.Runtime.JAVA_21, handler = HANDLER) {
  const { key, asset, error } = synthFunctionCode({ runtime, handler, code: BlueprintCode.fromMavenProject(dir, options) });
  return { key, jar: asset, error };
}

describe('BlueprintCode.fromMavenProject', () => {
  const p = tempProject();

  test('builds the fat jar with mvn package and deploys it as it is; the handler class is in it', () => {
    const built = synth(p.root, { cacheDir: p.cacheDir });
    expect(built.error).toBe('');
    expect(built.key).toMatch(/^[0-9a-f]{64}\.jar$/);
    const names = readZipEntries(built.jar).map(e => e.name);
    expect(names).toContain('com/example/Hello.class');
    expect(names).toContain('com/amazonaws/services/lambda/runtime/RequestHandler.class'); // the dependency, shaded in
  });

  test('an unchanged project reuses the jar (Maven does not run); the key follows the sources', () => {
    const first = synth(p.root, { cacheDir: p.cacheDir }).key;
    const source = path.join(p.root, 'src', 'main', 'java', 'com', 'example', 'Hello.java');
    withEnv({ CDK_LAMBDA_BLUEPRINTS_MVN: '/nonexistent/mvn' }, () => {
      expect(synth(p.root, { cacheDir: p.cacheDir }).key).toBe(first); // mvn would fail: the cache was used
      fs.appendFileSync(source, '// changed\n');
      expect(synth(p.root, { cacheDir: p.cacheDir }).error).toMatch(/because \/nonexistent\/mvn could not run \(ENOENT\)/);
    });
    fs.writeFileSync(source, fs.readFileSync(source, 'utf-8').replace('"hello "', '"hi "'));
    const changed = synth(p.root, { cacheDir: p.cacheDir });
    expect(changed.error).toBe('');
    expect(changed.key).not.toBe(first);
  });

  test('without Maven on PATH the synth fails naming what to install', () => {
    const fresh = tempProject();
    const error = withEnv({ PATH: '/nonexistent' }, () => synth(fresh.root, { cacheDir: fresh.cacheDir }).error);
    expect(error).toContain(`[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromMavenProject(${JSON.stringify(fresh.root)}), allowed is a Maven project that mvn package builds into a jar, because mvn could not run (ENOENT): install Apache Maven and a JDK (https://maven.apache.org/install.html, or the maven package of your system) and put mvn on PATH, or point CDK_LAMBDA_BLUEPRINTS_MVN at it.`);
  });

  test('a project that does not compile fails the synth with Maven\'s error', () => {
    const broken = tempProject();
    fs.writeFileSync(path.join(broken.root, 'src', 'main', 'java', 'com', 'example', 'Broken.java'), 'package com.example;\n\nclass Broken { int f() { return "text"; } }\n');
    expect(synth(broken.root, { cacheDir: broken.cacheDir }).error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromMavenProject(${JSON.stringify(broken.root)}), allowed is a Maven project that mvn package builds into a jar, because mvn package failed: [ERROR] ${broken.root}/src/main/java/com/example/Broken.java:[3,33] incompatible types: java.lang.String cannot be converted to int.`);
  });

  test('a handler class the jar does not hold, and class files newer than the runtime\'s Java, fail the synth', () => {
    expect(synth(p.root, { cacheDir: p.cacheDir }, lambda.Runtime.JAVA_21, 'com.example.Missing::handleRequest').error).toBe([
      'Validation failed with the following errors:',
      '  [S/Fn/Function/Resource] LambdaBlueprints-LambdaHandlerPresent: handler (Handler) is "com.example.Missing::handleRequest" but the code holds no com/example/Missing.class, allowed is a handler class in the package (its classes at the root, or jars at the root or in lib/), because the runtime loads the handler class from the package (ClassNotFoundException): the function fails on every invocation.',
    ].join('\n'));
    // The fixture compiles for Java 17 (class files version 61): java11 cannot load them.
    expect(synth(p.root, { cacheDir: p.cacheDir }, lambda.Runtime.JAVA_11).error).toBe([
      'Validation failed with the following errors:',
      '  [S/Fn/Function/Resource] LambdaBlueprints-LambdaJavaClassVersion: runtime (Runtime) is "java11" (Java 11, class files up to version 55) but the code holds com/example/Conformance.class (version 61, Java 17), com/example/Conformance$ConformanceError.class (version 61, Java 17), com/example/Hello.class (version 61, Java 17), allowed is class files compiled for Java 11 or older (javac --release 11, maven.compiler.release 11), or a runtime of the Java they were compiled for, because the JVM refuses a class file newer than itself (UnsupportedClassVersionError): the function fails when it loads the class.',
    ].join('\n'));
  });

  test('a build that writes no jar (pom packaging) fails the synth saying what Lambda needs', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-maven-pom-'));
    fs.writeFileSync(path.join(root, 'pom.xml'), '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging></project>\n');
    expect(synth(root, { cacheDir: path.join(root, '.bundle-cache') }).error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromMavenProject(${JSON.stringify(root)}), allowed is a Maven project that mvn package builds into a jar, because mvn package wrote no jar into target/ (a jar packaging with the maven-shade-plugin gives the fat jar Lambda runs).`);
  });

  test('a runtime other than Java, and a directory without pom.xml, fail the synth', () => {
    expect(synth(p.root, { cacheDir: p.cacheDir }, lambda.Runtime.NODEJS_22_X, 'index.handler').error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Runtime is "nodejs22.x" for BlueprintCode.fromMavenProject(${JSON.stringify(p.root)}), allowed is a Java runtime (java<version>), because the project builds a jar of Java classes.`);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-maven-empty-'));
    expect(synth(empty, {}).error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromMavenProject(${JSON.stringify(empty)}), allowed is a Maven project directory (holding pom.xml), because the jar is built with mvn package.`);
  });
});
