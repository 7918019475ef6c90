import { awscdk, javascript, JsonFile, ReleasableCommits, release } from 'projen';

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
  // The minimum (peer) is 2.270.0: the newest release that PyPI, Maven Central and the Go module proxy all
  // serve, so the Python, Java and Go packages install (the consumer apps under consumers/ prove it with
  // 2.270.0); the tests run on the dev version below (see "Other languages" at the end of this file).
  cdkVersion: '2.270.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~5.9.0',
  peerDeps: ['cdk-nag@^3.0.2'],
  // The dev versions of the peers are pinned explicitly below (aws-cdk-lib is newer than the minimum).
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    'esbuild@^0.25', 'typescript@~5.9.3', '@types/node@^20', 'fast-check@^3',
    // The HTTP load generator of bench:local's serve figures (issue 26).
    'autocannon@^8',
    // The base of test/setup/handles-environment.ts (jest 29's node environment).
    'jest-environment-node@^29',
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
  // Releases (issue 27): `npx projen release` takes the next version from the conventional commits since
  // the last v* tag, builds and packages every language into dist/ with it, then (publish:git) prepends
  // the release notes to CHANGELOG.md, stores the released API as the jsii-diff baseline (api/), commits
  // "chore(release): vX.Y.Z" and tags it. Nothing is pushed or published here: the publish:<registry>
  // tasks upload dist/ on a release machine that holds the credentials. See "Releases and versioning".
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelogPath: 'CHANGELOG.md', gitPushCommand: '' }),
  // Only these make a release (a breaking change is one of them with `!` or a BREAKING CHANGE footer);
  // docs, test, chore, build, refactor… alone do not.
  releasableCommits: ReleasableCommits.ofType(['feat', 'fix', 'perf']),
  // jsii stability of the package; types that may still change are marked @experimental in their docs.
  stability: 'stable',
  // The first release is 1.0.0 (the stable API is a promise); without a v* tag projen would release 0.0.0.
  minMajorVersion: 1,
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
      // CI machines have 2 cores, where jest's default (cores - 1) is one worker: two halve the wall time.
      // Tests that share a directory use the bundle cache, whose writes are atomic (src/code/private/bundle.ts).
      maxWorkers: 2,
      // Unit tests synthesize without aws-cdk-lib's built-in CloudFormation validation (4–7× a synth); the
      // tests that show what users get turn it back on (test/setup/unit-tests.ts, withBuiltinValidation).
      setupFiles: ['<rootDir>/test/setup/unit-tests.ts'],
      // Each test file removes the temporary cloud assemblies of its apps when it ends. Left to aws-cdk-lib's
      // process 'exit' handler, a worker deleted thousands of them as jest stopped it, past jest's 500 ms:
      // "A worker process has failed to exit gracefully" (and most stayed in the temp folder).
      setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
      // After each test file's own hooks, nothing it started may keep the worker alive (a server, a child
      // process, a timer): such a handle fails the file by name instead of jest's anonymous "failed to exit".
      testEnvironment: '<rootDir>/test/setup/handles-environment.ts',
      // api-baseline/package.json (the last release's API, issue 27) has the package's name: jest's module map
      // would report a naming collision.
      modulePathIgnorePatterns: ['<rootDir>/api-baseline/'],
    },
  },
  // The compiled library ships without source maps, as aws-cdk-lib does. aws-cdk-lib records a creation stack
  // trace for every resource it creates, and where a source-map handler is installed (ts-node, as `cdk synth`
  // runs a TypeScript app; node --enable-source-maps) every frame in our code was mapped through the inline
  // maps: 4–7 % of a synth with N = 200 functions (issue 29). Stack traces name lib/*.js lines instead.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../build-tools/**/*.ts', '../consumers/**/*.ts'],
    compilerOptions: {},
  },
  gitignore: ['!/examples/layers/**/node_modules/', 'cdk.out/', '/dist/', '/.jsii-code-only/', '*.tsbuildinfo', '/bench-out/', '/.cache/', '/consumers/out/', '/consumers/java/target/', '__pycache__/', '/.jsii.tabl.json'],
});

// The ten slowest test files at the end of every run (issue 29).
project.jest!.addReporter(new javascript.JestReporter('<rootDir>/build-tools/jest/slowest-suites.js'));

// Tests, examples and docs build on this aws-cdk-lib; the minimum users need is cdkVersion above.
project.addDevDeps('aws-cdk-lib@2.276.0', 'constructs@10.5.1', 'cdk-nag@3.0.2');

// --- local emulator (src/local/, runtimes/): the CLI, AWS's runtime clients for conformance tests, its bench
project.addBins({ 'cdk-lambda-blueprints': 'lib/local/cli.js' });
// The CLI's argument parser (issue 26): unknown options and commands refused with a suggestion, numbers
// validated, help on `--help` and `help`. Bundled (jsii packages carry their runtime dependencies);
// commander 14 is the last release for Node 20 (15 needs Node 22).
project.addBundledDeps('commander@^14');
project.gitignore.exclude('/.cache/');
project.npmignore?.exclude('/.cache/');
const benchLocal = project.addTask('bench:local', {
  description: 'Run the local emulator: median warm round trip (and under AWS\'s Runtime Interface Emulator when installed), cold start overhead vs a bare node start, 1,000 SQS messages in batches of 10, serve over loopback (sequential and autocannon)',
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
// No import cycles: a module graph that only points one way keeps internals movable. Type-only imports
// count too: import/no-cycle skips `import type` (and `import { type X }`), so that syntax is refused and a
// type is imported like a value (TypeScript still drops an import used only as a type from the output).
// `typeof import('…')` annotations stay allowed (build tools type a library loaded with require).
project.eslint?.addRules({
  'import/no-cycle': ['error', { ignoreExternal: true }],
  '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'no-type-imports', disallowTypeAnnotations: false }],
});
project.eslint?.addLintPattern('consumers');
for (const dir of ['examples', 'build-tools', 'consumers']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'], exclude: ['node_modules'] },
  });
}

// ts-jest only transpiles (isolatedModules): type-check tests, examples and build tools before jest runs.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json');

// ---- Other languages: `build` packages JavaScript, Python (wheel + sdist), Java (jar through Maven) and Go
// for real, .NET as generated source only (no .NET SDK here); then the consumer apps under consumers/
// synthesize from those packages (test:consumers). Downloads are cached under .cache/ (gitignored): one pip
// cache, one Maven repository and one Go module cache shared by packaging and the consumers.
// jsii's Node end-of-life banner (issue 27): every jsii program (the compiler, pacmak, rosetta, jsii-diff, and the
// runtime a Python, Java or Go app starts) prints it to stderr on a Node release jsii no longer supports: Node 20
// since 2026-10-30. Its variable lists the Node majors to keep quiet about; the one for the earlier "deprecated"
// banner (Node 20 from 2026-04-30 to 2026-10-30) is kept. Every task gets both; the README (Other languages)
// tells users the same.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');
project.tasks.addEnvironment('JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION', '1');
const languageEnv = {
  PIP_CACHE_DIR: '$(echo $PWD/.cache/pip)',
  GOMODCACHE: '$(echo $PWD/.cache/go-mod)',
  GOCACHE: '$(echo $PWD/.cache/go-build)',
  GOFLAGS: '-modcacherw -buildvcs=false',
};
const pkg = project.tasks.tryFind('package')!;
pkg.reset();
const setupMaven = project.addTask('package:setup-maven', {
  description: 'Seed .cache/m2 with the aws-cdk-lib, constructs and cdk-nag releases the Java package resolves',
  exec: 'bash build-tools/languages/setup-maven.sh',
});
pkg.spawn(setupMaven);
// One pacmak run packs the npm tarball once and builds the JavaScript, Python and Java packages from it.
const packageReal = project.addTask('package:languages', {
  description: 'Package JavaScript, Python (wheel + sdist) and Java (jar through Maven) into dist/',
  exec: 'jsii-pacmak -v --target js --target python --target java --maven-local-repository .cache/m2',
  env: languageEnv,
});
pkg.spawn(packageReal);
// Prove the .NET bindings offline and generate the Go module (Go ships as source).
const codeOnly = project.addTask('package:code-only', {
  description: 'Generate the .NET and Go bindings as source (.jsii-code-only/)',
  exec: 'jsii-pacmak --code-only --outdir .jsii-code-only --target dotnet --target go',
});
pkg.spawn(codeOnly);
// Go: copy the module to dist/go and compile it (`go build` and `go vet`) against the Go module proxy.
const packageGo = project.addTask('package:go-module', {
  description: 'Copy the generated Go module to dist/go and build it (go build + go vet)',
  exec: 'bash build-tools/languages/package-go.sh',
  env: languageEnv,
});
pkg.spawn(packageGo);
const testConsumers = project.addTask('test:consumers', {
  description: 'Synthesize the Python, Java and Go apps in consumers/ from dist/ and compare their templates with the TypeScript examples; run the README\'s Python snippets and compile its Java and Go snippets against dist/',
  exec: 'bash consumers/run.sh',
  env: languageEnv,
  receiveArgs: true,
});
// `build` is locked by projen: its last step, package, runs the consumers once everything is packaged.
pkg.spawn(testConsumers);

// README snippets in every language: jsii-rosetta compiles each TypeScript snippet of the README and of
// `@example` docs in strict mode (one that does not compile fails the build) into .jsii.tabl.json, which
// pacmak uses for the docs of the generated packages; the README's "Other languages" section gets their
// Python, Java and Go forms (rosetta's, tidied, or the hand-written ones of build-tools/languages/snippets/;
// a stale README fails CI, as a stale API.md does). test:consumers runs and compiles those forms.
const rosetta = project.addTask('rosetta', {
  description: 'Compile and translate the README and @example snippets (jsii-rosetta, strict); write their Python, Java and Go forms into the README',
});
rosetta.exec('ts-node --transpile-only --project test/tsconfig.json build-tools/languages/rosetta-fixture.ts');
rosetta.exec('jsii-rosetta extract --strict --batch');
rosetta.exec('ts-node --transpile-only --project test/tsconfig.json build-tools/languages/readme-languages.ts');
// Part of the build, after compile (it reads .jsii): a snippet that does not compile or translate fails it.
// A snippet imports the modules it uses; a whole program (a class, an App) is fenced ```ts nofixture.
project.postCompileTask.spawn(rosetta);

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

const bench = project.addTask('bench', {
  description: 'Synthesize apps of N functions with the blueprints and with hand-written L2 code; print the figures',
  exec: 'ts-node --project test/tsconfig.json build-tools/bench.ts',
  receiveArgs: true,
});
// The blueprint variant loads lib/ (what users run): compile first.
bench.prependSpawn(project.compileTask);
bench.spawn(benchLocal);

// ---- issue 14: code packaging. esbuild-wasm (pure JS + WebAssembly, portable) is bundled so that
// BlueprintCode.fromEntry bundles without Docker in every jsii language; a native `esbuild` the app
// resolves is used instead when present (faster). Same version as the esbuild dev dependency.
project.addBundledDeps('esbuild-wasm@0.25.12');
// The bundled-typescript example's npm dependency (bundled into its handler by BlueprintCode.fromEntry).
project.addDevDeps('uuid@^14');
// Bundling bench: 20 functions from TypeScript entries, first synth (empty cache) vs second (same tree).
const benchBundling = project.addTask('bench:bundling', {
  description: 'Synthesize 20 functions bundled from TypeScript entries twice (empty cache, then same tree) with native esbuild and esbuild-wasm, a Go module (fromGoModule) and a Maven project (fromMavenProject); print the build seconds',
  exec: 'ts-node --transpile-only --project test/tsconfig.json build-tools/bench-bundling.ts',
  receiveArgs: true,
});
project.tasks.tryFind('bench')!.spawn(benchBundling);

for (const p of ['/examples/', '/build-tools/', '/.ci/', '/cdk.out/', '/.jsii-code-only/', '/consumers/', '/.cache/', '/rosetta/']) project.npmignore?.exclude(p);

// ---- Releases (issue 27): see release/releaseTrigger above and README "Releases and versioning".
// jsii-diff against the last release's API (api-baseline/, stored by the release) after every compile; no
// baseline before the first release. Stable APIs may not break (unless marked in .compatignore).
const compat = project.tasks.tryFind('compat')!;
compat.reset('bash build-tools/release/api-compat.sh');
compat.description = 'jsii-diff: the API of this build against the last release (api-baseline/); a breaking change to a stable API fails';
project.postCompileTask.spawn(compat);
project.gitignore.include('/api-baseline/.jsii');
project.npmignore?.exclude('/api-baseline/', '/.compatignore');
// Nothing to release (no feat/fix/perf commit since the last tag): stop after bump, before the build.
project.tasks.tryFind('release')!.insertStep(2, { exec: 'bash build-tools/release/check-new-version.sh' });
// The release build's projen synth (npm install) writes the release's version into package-lock.json too.
project.tasks.tryFind('unbump')!.exec('bash build-tools/release/unbump-lock.sh');
// The end of `npx projen release` (publish:git): store the released API as the next baseline, staged for the
// release commit that projen's update-changelog step makes with CHANGELOG.md.
project.tasks.tryFind('publish:git')!.prependExec('bash build-tools/release/save-api-baseline.sh');
// .NET: packaged by the release build where a .NET SDK is installed (a release machine), skipped here.
const packageDotnet = project.addTask('package:dotnet-if-sdk', {
  description: 'Package .NET (dist/dotnet) when a .NET SDK is installed (release machines); skipped otherwise',
  condition: 'command -v dotnet >/dev/null',
});
packageDotnet.spawn(project.tasks.tryFind('package:dotnet')!);
pkg.spawn(packageDotnet);
// Publishing, one task per registry, run on a release machine after `npx projen release` (which writes dist/);
// publib reads the credentials from the environment (the task refuses to start without them). Nothing here
// runs them.
const publishers: Array<[string, string, string[], Record<string, string>?]> = [
  ['npm', 'publib-npm', ['NPM_TOKEN']],
  ['pypi', 'publib-pypi', ['TWINE_USERNAME', 'TWINE_PASSWORD']],
  ['maven', 'publib-maven', ['MAVEN_USERNAME', 'MAVEN_PASSWORD', 'MAVEN_GPG_PRIVATE_KEY', 'MAVEN_GPG_PRIVATE_KEY_PASSPHRASE', 'MAVEN_STAGING_PROFILE_ID'], { MAVEN_SERVER_ID: 'central-ossrh' }],
  ['nuget', 'publib-nuget', ['NUGET_API_KEY']],
  ['golang', 'publib-golang', ['GITHUB_TOKEN'], { GIT_USER_NAME: 'cdk-lambda-blueprints release', GIT_USER_EMAIL: 'maintainers@users.noreply.h-seed-12619aa2.example' }],
];
const publishAll = project.addTask('publish:all', { description: 'Publish dist/ to npm, PyPI, Maven Central, NuGet and the Go module repository (release machines)' });
for (const [registry, command, requiredEnv, env] of publishers) {
  const task = project.addTask(`publish:${registry}`, {
    description: `Publish dist/ to ${registry} with publib (${command}); needs ${requiredEnv.join(', ')}`,
    exec: `npx -p publib@0 ${command}`,
    requiredEnv,
    env,
  });
  publishAll.spawn(task);
}

project.synth();
