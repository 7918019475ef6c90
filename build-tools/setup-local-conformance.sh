#!/usr/bin/env bash
# Installs AWS's own Runtime Interface Clients and Runtime Interface Emulator for the local emulator's
# conformance tests (test/local/conformance.test.ts, test/local/rie.test.ts): npm `aws-lambda-ric` 3.x
# (built from source: needs cmake, autoconf, automake, libtool and g++), PyPI `awslambdaric`, and the
# `aws-lambda-rie` binary (built with Go from the module proxy). None is a dependency of the library: all go
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
echo "$stamp" > "$dest/stamp"
echo "setup-local-conformance: ready in $(( $(date +%s) - start )) s ($dest)"
