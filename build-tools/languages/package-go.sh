#!/usr/bin/env bash
# Go ships as source: the module that `jsii-pacmak --code-only --target go` generated (.jsii-code-only/go/)
# goes to dist/go/ and is compiled here (`go build ./...` and `go vet ./...`), so a binding that does not
# compile fails the build.
#
# jsii-pacmak's own Go step cannot run on this machine: its go.mod requires the dev versions found in
# node_modules (aws-cdk-go v2.276.0 and their indirect modules), which the Go module proxy does not serve,
# and the proxy serves no cdk-nag-go v3 at all. So:
#  - dist/go/*/go.mod requires aws-cdk-go at the package's minimum (the aws-cdk-lib peer range of
#    package.json, v2.270.0, which the proxy serves) and lists direct requirements only (go mod tidy in the
#    consumer adds the indirect ones), as a Go library's go.mod should under minimal version selection;
#  - cdk-nag-go v3 is generated here from the npm cdk-nag package (.cache/go-deps/go/cdknag) and the build
#    replaces github.com/cdklabs/cdk-nag-go/cdknag/v3 with it (through local.go.mod, removed afterwards);
#    consumers/go/go.mod does the same.
# Env (set by the projen task): GOMODCACHE, GOCACHE under .cache/, GOFLAGS=-modcacherw.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
awscdk_min="v$(node -p "require('./package.json').peerDependencies['aws-cdk-lib'].replace(/^[\\^~]/, '')")"

# cdk-nag's Go bindings, generated once per cdk-nag version.
nag_version=$(node -p "require('cdk-nag/package.json').version")-${awscdk_min}
nag_dir="${root}/.cache/go-deps/go/cdknag"
if [ "$(cat "${root}/.cache/go-deps/version" 2>/dev/null)" != "${nag_version}" ]; then
  rm -rf "${root}/.cache/go-deps"
  npx jsii-pacmak --code-only --target go --outdir "${root}/.cache/go-deps" node_modules/cdk-nag
  sed -i -e '/\/\/ indirect$/d' -e "s#\(github.com/aws/aws-cdk-go/awscdk/v2\) v[0-9.]*#\1 ${awscdk_min}#" "${nag_dir}/go.mod"
  echo "${nag_version}" > "${root}/.cache/go-deps/version"
fi

rm -rf dist/go && mkdir -p dist/go
cp -r .jsii-code-only/go/. dist/go/
for mod in dist/go/*/; do
  (
    cd "${mod}"
    sed -i -e '/\/\/ indirect$/d' -e "s#\(github.com/aws/aws-cdk-go/awscdk/v2\) v[0-9.]*#\1 ${awscdk_min}#" go.mod
    { cat go.mod; echo; echo "replace github.com/cdklabs/cdk-nag-go/cdknag/v3 => ${nag_dir}"; } > local.go.mod
    go mod tidy -modfile local.go.mod
    go build -modfile local.go.mod ./...
    go vet -modfile local.go.mod ./...
    rm -f local.go.mod local.go.sum
  )
  echo "go: built and vetted ${mod} (aws-cdk-go ${awscdk_min})"
done
