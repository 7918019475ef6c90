#!/usr/bin/env bash
# test:consumers — install the packages `npx projen build` just made (dist/) into a Python, a Java and a Go
# app, synthesize each into consumers/out/<language>/, then run consumers/consumers.test.ts, which compares
# their templates with the TypeScript examples' and reads the Python app's cdk-nag findings.
# After each app, the README's snippets in that language (the forms in the README's "Other languages" block,
# written as programs into consumers/out/readme/ by build-tools/languages/readme-programs.ts): every Python form
# runs (consumers/readme/run_snippets.py), every Java form compiles (one Maven compile, consumers/java/pom.xml's
# dependencies), every Go form compiles (one `go vet`). A snippet that fails fails the build.
#
# Usage: npx projen test:consumers [python|java|go ...]   (default: all three; the test needs all three)
# Needs: python3 (venv), mvn + JDK 17, go; downloads land in .cache/ (pip, Maven and Go module caches).
# Env (set by the projen task): PIP_CACHE_DIR, GOMODCACHE, GOCACHE under .cache/, GOFLAGS=-modcacherw, and
# JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 (jsii's Node end-of-life banner, which every Python, Java
# and Go app would print; set here too, for running this script by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(python java go)
for d in dist/python dist/java dist/go; do
  [ -d "${d}" ] || { echo "consumers: ${d} is missing: run npx projen build (or npx projen package) first" >&2; exit 1; }
done

step() { # name command... : run and print the wall time
  local name=$1 start=${SECONDS}; shift
  "$@"
  echo "consumers: ${name} took $((SECONDS - start)) s"
}

python_app() {
  local venv="${root}/.cache/venv-python" line
  # The README's install line, verbatim, plus where the not-yet-published wheel is.
  line=$(grep -m1 -E '^pip install cdk-lambda-blueprints ' README.md) || { echo "README has no 'pip install cdk-lambda-blueprints' line" >&2; exit 1; }
  [ -x "${venv}/bin/python" ] || python3 -m venv "${venv}"
  # shellcheck disable=SC2086
  "${venv}/bin/python" -m ${line} --find-links dist/python --quiet
  # A rebuilt wheel keeps version 0.0.0: reinstall it over the one a previous run left.
  "${venv}/bin/python" -m pip install --quiet --no-deps --force-reinstall dist/python/cdk_lambda_blueprints-*.whl
  rm -rf consumers/out/python
  "${venv}/bin/python" consumers/python/app.py "${root}/consumers/out/python"
  # A platform standard with a custom rule written in Python (a StandardRule subclass).
  "${venv}/bin/python" consumers/python/custom_rule.py "${root}/consumers/out/python"
  # The error a Python user sees for three bad inputs (issue 27).
  "${venv}/bin/python" consumers/python/errors.py "${root}/consumers/out/python"
}

java_app() {
  # A rebuilt jar keeps version 0.0.0: drop the copy a previous run left in the local repository.
  rm -rf .cache/m2/io/github/cdk-lambda-blueprints consumers/out/java
  bash build-tools/languages/setup-maven.sh
  # The jar's version is package.json's: 0.0.0, or the release's while `npx projen release` builds.
  mvn -B -q -Dmaven.repo.local="${root}/.cache/m2" -f consumers/java/pom.xml \
    -Dcdk-lambda-blueprints.version="$(node -p "require('./package.json').version")" \
    compile exec:java -Dexec.args="${root}/consumers/out/java ${root}/examples/handlers"
}

go_app() {
  rm -rf consumers/out/go
  # -mod=readonly: go.mod and go.sum are committed; a missing requirement fails instead of being added.
  (cd consumers/go && go run -mod=readonly . "${root}/consumers/out/go")
}

readme_programs() {
  npx ts-node --transpile-only --project test/tsconfig.json build-tools/languages/readme-programs.ts "${root}/consumers/out/readme"
}

python_readme() {
  "${root}/.cache/venv-python/bin/python" consumers/readme/run_snippets.py "${root}/consumers/out/readme"
}

java_readme() {
  mvn -B -q -Dmaven.repo.local="${root}/.cache/m2" -f consumers/java/pom.xml \
    -Dcdk-lambda-blueprints.version="$(node -p "require('./package.json').version")" \
    -Dconsumer.sources="${root}/consumers/out/readme/java" -Dconsumer.build="${root}/consumers/out/readme/java-target" compile
}

go_readme() {
  (cd consumers/out/readme/go && go vet -mod=readonly ./...)
}

mkdir -p consumers/out
step "README snippets as programs" readme_programs
declare -A readme_check=([python]="run" [java]="compile" [go]="compile")
for lang in "${langs[@]}"; do
  # The app's stderr, shown and kept for consumers.test.ts: jsii's Node.js banner must not be in it.
  step "${lang} app (install + synth)" "${lang}_app" 2> >(tee "consumers/out/${lang}.stderr" >&2)
  wait $! # the tee
  step "${lang} README snippets (${readme_check[${lang}]})" "${lang}_readme"
done
CONSUMER_LANGUAGES="${langs[*]}" step "template comparison" npx jest --ci --coverage=false --testMatch '<rootDir>/consumers/**/*.test.ts'
