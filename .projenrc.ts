import { awscdk, javascript, JsonFile } from 'projen';

/**
 * cdk-lambda-blueprints: the projen definition. Everything generated (package.json, tsconfig*,
 * .gitignore, .projen/*) comes from here: change this file, then run `npx projen`.
 */
const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-lambda-blueprints',
  description:
    'AWS Lambda constructs that are right by default and refuse wrong configurations at cdk synth: functions, VPC placement, event sources, async invocation, layers and safe releases.',
  author: 'cdk-lambda-blueprints maintainers',
  authorAddress: 'maintainers@users.noreply.h-seed-12619aa2.example',
  repositoryUrl: 'https://github.com/cdk-lambda-blueprints/cdk-lambda-blueprints.git',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'lambda', 'serverless', 'cdk-nag', 'blueprints'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  license: 'Apache-2.0',

  // cdk-nag 3 accepts aws-cdk-lib >= 2.257, but only newer releases hand validation plugins the construct
  // tree (appConstruct) that `Validations.of(app).addPlugins(new AwsSolutionsChecks(app))` needs.
  cdkVersion: '2.276.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~5.9.0',
  peerDeps: ['cdk-nag@^3.0.2'],
  devDeps: [
    'esbuild@^0.25', 'typescript@~5.9.3', '@types/node@^20', 'fast-check@^3',
  ],

  // The four non-JS targets are declared; `build` proves them with `jsii-pacmak --code-only`
  // (offline) and `package-all` (release machines only) packages them.
  publishToPypi: { distName: 'cdk-lambda-blueprints', module: 'cdk_lambda_blueprints' },
  publishToMaven: {
    javaPackage: 'io.github.cdklambdablueprints',
    mavenGroupId: 'io.github.cdk-lambda-blueprints',
    mavenArtifactId: 'cdk-lambda-blueprints',
  },
  publishToNuget: { dotNetNamespace: 'CdkLambdaBlueprints', packageId: 'CdkLambdaBlueprints' },
  publishToGo: { moduleName: 'github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go' },

  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  readme: undefined,

  jestOptions: {
    // The test task never writes snapshots; `npx projen test:update` does.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // jest 30 pulls unrs-resolver, whose per-platform optional bindings npm 11 leaves out of the lock file
    // (then `npm ci` fails on a fresh clone).
    jestVersion: '^29',
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageThreshold: { lines: 90, branches: 90 },
      collectCoverageFrom: ['src/**/*.ts'],
      coverageReporters: ['text-summary', 'lcov'],
      testTimeout: 60_000,
    },
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../build-tools/**/*.ts'],
    compilerOptions: {},
  },
  gitignore: ['!/examples/layers/**/node_modules/', 'cdk.out/', '/dist/', '/.jsii-code-only/', '*.tsbuildinfo', '/bench-out/'],
});

// --- local emulator (src/local/, runtimes/): the CLI, AWS's runtime clients for conformance tests, its bench
project.addBins({ 'cdk-lambda-blueprints': 'lib/local/cli.js' });
project.gitignore.exclude('/.cache/');
project.npmignore?.exclude('/.cache/');
const benchLocal = project.addTask('bench:local', {
  description: 'Run the local emulator: median warm round trip, cold start overhead vs a bare node start, 1,000 SQS messages in batches of 10',
  exec: 'ts-node --transpile-only --project test/tsconfig.json build-tools/bench-local.ts',
  receiveArgs: true,
});

// npm 11 leaves unrs-resolver's per-platform bindings out of the lock (then `npm ci` fails): use the
// resolver release before it.
project.addDevDeps('eslint-import-resolver-typescript@~3.7.0');

// issue 12: the real CDK CLI, so that a test synthesizes an example with `cdk synth` and a cdk.json.
project.addDevDeps('aws-cdk@^2.1148.0');

// Lint examples too (they are type-checked through test/tsconfig.json). eslint's project service reads the
// nearest tsconfig, so examples/ and build-tools/ get one that extends the dev config.
project.eslint?.addLintPattern('examples');
// No import cycles: a module graph that only points one way keeps internals movable.
project.eslint?.addRules({ 'import/no-cycle': ['error', { ignoreExternal: true }] });
for (const dir of ['examples', 'build-tools']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'], exclude: ['node_modules'] },
  });
}

// ts-jest only transpiles (isolatedModules): type-check tests, examples and build tools before jest runs.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json');

// `build` packages JavaScript only, whatever CI says: Maven Central and PyPI are out of reach here.
const pkg = project.tasks.tryFind('package')!;
pkg.reset();
pkg.spawn(project.tasks.tryFind('package:js')!);
// Prove the Python/Java/.NET/Go bindings offline: an API that does not translate fails the build.
const codeOnly = project.addTask('package:code-only', {
  description: 'Generate the Python, Java, .NET and Go bindings as source only (offline; no packaging)',
  exec: 'jsii-pacmak --code-only --outdir .jsii-code-only --target python --target java --target dotnet --target go',
});
pkg.spawn(codeOnly);

// The main command: synthesize every app under examples/ and print a summary per stack.
const synthExamples = project.addTask('synth:examples', {
  description: 'Synthesize every app in examples/ into cdk.out/<app>/ and print a summary per stack (functions, event paths, cdk-nag)',
  exec: 'ts-node --transpile-only --project test/tsconfig.json build-tools/synth-examples.ts',
  receiveArgs: true,
});
// Type-check examples and tools first (ts-node then only transpiles: fast).
synthExamples.prependExec('tsc --noEmit -p test/tsconfig.json');
synthExamples.prependSpawn(project.tasks.tryFind('default')!);

project.addTask('docs:rules', {
  description: 'Write the README rule table from the rule library (src/rules/catalog.ts)',
  exec: 'ts-node --transpile-only --project test/tsconfig.json build-tools/rules-table.ts',
});

project.addTask('bench', {
  description: 'Synthesize apps of N functions with the blueprints and with hand-written L2 code; print the figures',
  exec: 'ts-node --project test/tsconfig.json build-tools/bench.ts',
  receiveArgs: true,
}).spawn(benchLocal);

for (const p of ['/examples/', '/build-tools/', '/.ci/', '/cdk.out/', '/.jsii-code-only/']) project.npmignore?.exclude(p);

project.synth();
