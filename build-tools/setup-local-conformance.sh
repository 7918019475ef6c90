#!/usr/bin/env bash
# Installs AWS's own Runtime Interface Clients and Runtime Interface Emulator for the local emulator's
# conformance tests (test/local/conformance.test.ts, test/local/rie.test.ts): npm `aws-lambda-ric` 3.x
# (built from source: needs cmake, autoconf, automake, libtool and g++), PyPI `awslambdaric`, the
# `aws-lambda-rie` binary (built with Go from the module proxy), and Maven Central's
# `aws-lambda-java-runtime-interface-client` with its dependencies (test/local/java-runtime.test.ts, through
# Maven). None is a dependency of the library: all go
# to .cache/local-conformance/ (git-ignored). `.ci/run` calls this script; run it by hand before
# `npx projen test` to run the conformance tests locally (they are skipped, outside CI, without it).
set -euo pipefail
cd "$(dirname "$0")/.."
dest="$PWD/.cache/local-conformance"
mkdir -p "$dest/node" "$dest/python"
start=$(date +%s)

missing=()
for tool in cmake autoconf automake libtoolize g++ make; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-local-conformance: installing build tools (missing: ${missing[*]})"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq cmake autoconf automake libtool g++ make >/dev/null
fi

# A native module: built for this Node ABI and Python version; another one rebuilds (.ci/run keeps $dest
# between runs on the same machine).
stamp="node-abi-$(node -p process.versions.modules) python-$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$(cat "$dest/stamp" 2>/dev/null)" != "$stamp" ]; then rm -rf "${dest:?}/node" "${dest:?}/python"; mkdir -p "$dest/node" "$dest/python"; fi
if [ ! -f "$dest/node/node_modules/aws-lambda-ric/package.json" ]; then
  echo "setup-local-conformance: building aws-lambda-ric 3.x from source (takes minutes)"
  (cd "$dest/node" && [ -f package.json ] || echo '{"private":true}' > package.json)
  npm install --prefix "$dest/node" --no-save --no-audit --no-fund 'aws-lambda-ric@^3' >"$dest/node-install.log" 2>&1 \
    || { tail -40 "$dest/node-install.log"; exit 1; }
fi
if [ ! -d "$dest/python/awslambdaric" ]; then
  echo "setup-local-conformance: installing awslambdaric from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check --target "$dest/python" awslambdaric >"$dest/python-install.log" 2>&1 \
    || { tail -40 "$dest/python-install.log"; exit 1; }
fi
# AWS's Runtime Interface Emulator: a static Go binary (no Node or Python ABI: kept across stamps). The
# proxy serves the module as a pseudo-version only (its v1.x tags are not served).
rie_version=v0.0.0-20261030222936-bef5c4ba774d
if [ "$(cat "$dest/rie/version" 2>/dev/null)" != "$rie_version" ] || [ ! -x "$dest/rie/aws-lambda-rie" ]; then
  echo "setup-local-conformance: building aws-lambda-rie $rie_version with Go"
  command -v go >/dev/null || { echo "setup-local-conformance: Go is needed to build aws-lambda-rie (its go.mod asks for Go 1.26.6 or newer)"; exit 1; }
  mkdir -p "$dest/rie"
  GOBIN="$dest/rie" GOMODCACHE="$PWD/.cache/go-mod" GOCACHE="$PWD/.cache/go-build" GOFLAGS='-modcacherw -buildvcs=false' CGO_ENABLED=0 \
    go install "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$rie_version" >"$dest/rie-install.log" 2>&1 \
    || { tail -40 "$dest/rie-install.log"; exit 1; }
  echo "$rie_version" > "$dest/rie/version"
fi
# AWS's Java Runtime Interface Client and its dependencies, from Maven Central through Maven (the project's
# repository, .cache/m2): jars in $dest/java/lib, which the emulator puts on a Java function's class path
# (CDK_LAMBDA_BLUEPRINTS_JAVA_RIC). No native build: the client's JNI library ships inside its jar.
ric_java=2.10.1
if [ "$(cat "$dest/java/version" 2>/dev/null)" != "$ric_java" ]; then
  echo "setup-local-conformance: fetching aws-lambda-java-runtime-interface-client $ric_java with Maven"
  command -v mvn >/dev/null || { echo "setup-local-conformance: Maven (mvn) and a JDK are needed for the Java runtime interface client"; exit 1; }
  rm -rf "$dest/java" && mkdir -p "$dest/java/lib"
  cat > "$dest/java/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>java-ric</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-runtime-interface-client</artifactId><version>${ric_java}</version></dependency>
  </dependencies>
</project>
POM
  mvn -B -q -f "$dest/java/pom.xml" -Dmaven.repo.local="$PWD/.cache/m2" dependency:copy-dependencies -DoutputDirectory="$dest/java/lib" \
    >"$dest/java-install.log" 2>&1 || { tail -40 "$dest/java-install.log"; exit 1; }
  echo "$ric_java" > "$dest/java/version"
fi
echo "$stamp" > "$dest/stamp"
echo "setup-local-conformance: ready in $(( $(date +%s) - start )) s ($dest)"
