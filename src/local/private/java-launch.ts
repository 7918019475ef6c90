import * as child_process from 'child_process';
import * as fs from 'fs';
import { FunctionRef } from './assembly';
import { LaunchCommand } from './environment';
import { LocalLambdaError } from './types';
import { JAVA_FACTS } from '../../limits';

/** The main class of AWS's Java Runtime Interface Client. */
const RIC_MAIN = 'com.amazonaws.services.lambda.runtime.api.client.AWSLambda';

/** The feature version of a `java -version` banner (`openjdk version "17.0.15"` → 17, `"1.8.0_402"` → 8). */
export function javaFeatureVersion(banner: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(banner);
  if (!m) return undefined;
  return m[1] === '1' && m[2] ? Number(m[2]) : Number(m[1]);
}

const hostVersions = new Map<string, number | undefined>();

function hostJavaVersion(java: string): number | undefined {
  if (!hostVersions.has(java)) {
    const run = child_process.spawnSync(java, ['-version'], { encoding: 'utf-8', timeout: 30_000 });
    hostVersions.set(java, run.error ? undefined : javaFeatureVersion(`${run.stderr}${run.stdout}`));
  }
  return hostVersions.get(java);
}

/**
 * How a Java function starts locally: the host's `java` (or `CDK_LAMBDA_BLUEPRINTS_JAVA`) runs AWS's Runtime
 * Interface Client (`aws-lambda-java-runtime-interface-client`, its jars in the directory named by
 * `CDK_LAMBDA_BLUEPRINTS_JAVA_RIC`) with the handler, on Lambda's class path: the extracted package, its
 * `lib/*.jar`, and the layers' `java/lib/*.jar`.
 */
export function javaLaunch(ref: FunctionRef, runtime: string, handler: string, taskRoot: string, optDir: string, warnings: string[]): Omit<LaunchCommand, 'tmpRoot'> {
  const ric = process.env.CDK_LAMBDA_BLUEPRINTS_JAVA_RIC;
  if (!ric || !fs.existsSync(ric) || !fs.readdirSync(ric).some(f => f.startsWith('aws-lambda-java-runtime-interface-client'))) {
    throw new LocalLambdaError('UnsupportedRuntime', `${ref.path}: ${runtime} functions run locally through AWS's aws-lambda-java-runtime-interface-client: set CDK_LAMBDA_BLUEPRINTS_JAVA_RIC to a directory holding its jar and its dependencies' (mvn dependency:copy-dependencies of com.amazonaws:aws-lambda-java-runtime-interface-client)${ric ? `; ${ric} holds none` : ''}`);
  }
  const java = process.env.CDK_LAMBDA_BLUEPRINTS_JAVA ?? 'java';
  const host = hostJavaVersion(java);
  if (host === undefined) throw new LocalLambdaError('UnsupportedRuntime', `${ref.path}: ${java} could not run: install a JDK or JRE (the java package of your system), or point CDK_LAMBDA_BLUEPRINTS_JAVA at the java binary`);
  const wanted = Number(JAVA_FACTS.runtime.exec(runtime)?.[1]);
  if (wanted && wanted !== host) warnings.push(`${ref.path} is ${runtime}; it runs on this host's Java ${host}`);
  const classPath = [taskRoot, `${taskRoot}/lib/*`, `${optDir}/java/lib/*`, `${ric}/*`].join(':');
  return { command: java, args: ['-XX:+TieredCompilation', '-XX:TieredStopAtLevel=1', '-cp', classPath, RIC_MAIN, handler], env: {} };
}
