#!/usr/bin/env bash
# The first step of publish:git (the end of `npx projen release`): store the API of the release just built
# (.jsii, compiled with the release's version) in api-baseline/, the baseline of the build's jsii-diff
# (build-tools/release/api-compat.sh), and clear .compatignore (the breaking changes it allowed are released).
# Both are staged; the release commit ("chore(release): vX.Y.Z", made by projen's update-changelog step next)
# takes them with CHANGELOG.md.
set -euo pipefail
version=$(cat dist/version.txt)
released=$(node -p "JSON.parse(require('fs').readFileSync('.jsii', 'utf-8')).version")
if [ "${released}" != "${version}" ]; then
  echo "save-api-baseline: .jsii is version ${released}, the release is ${version}: run npx projen release" >&2
  exit 1
fi
rm -rf api-baseline && mkdir -p api-baseline
cp .jsii api-baseline/.jsii
# jsii-reflect loads a module directory through its package.json: its jsii section, and each dependency that is
# not bundled (the jsii ones, found in node_modules) as a jsii module.
node -e '
const p = require("./package.json");
const out = { name: p.name, version: process.argv[1], description: "The API of release " + process.argv[1] + ": the baseline of the build'"'"'s jsii-diff (npx projen compat). Written by npx projen release.", private: true, jsii: p.jsii, dependencies: p.dependencies, peerDependencies: p.peerDependencies, bundledDependencies: p.bundledDependencies };
require("fs").writeFileSync("api-baseline/package.json", JSON.stringify(out, null, 2) + "\n");
' "${version}"
cp build-tools/release/compatignore.header .compatignore
git add api-baseline .compatignore
echo "save-api-baseline: api-baseline/ is the API of ${version}; .compatignore cleared"
