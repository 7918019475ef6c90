#!/usr/bin/env bash
# Go ships as source: the module that `jsii-pacmak --code-only --target go` generated (.jsii-code-only/go/)
# goes to dist/go/, and is compiled here (`go build ./...` and `go vet ./...`) so a binding that does not
# compile fails the build. jsii-pacmak's own Go step cannot run on this machine: the Go module proxy serves
# aws-cdk-go v2.270.0 but not the dev version (2.276.0), and no cdk-nag-go v3 at all. So the build uses a
# separate go.mod (dist/go/*/local.go.mod, removed afterwards) that replaces
#  - github.com/aws/aws-cdk-go/awscdk/v2 with v2.270.0 (the package's minimum, see .projenrc.ts; the indirect
#    requirements are left to `go mod tidy`), and
#  - github.com/cdklabs/cdk-nag-go/cdknag/v3 with bindings generated here from the npm cdk-nag package
#    (.cache/go-deps/go/cdknag; the consumer app in consumers/go uses them too).
# Env (set by the projen task): GOMODCACHE=.cache/go-mod, GOFLAGS=-modcacherw.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
AWSCDK_GO_VERSION=v2.270.0

# cdk-nag's Go bindings, generated once per cdk-nag version.
nag_version=$(node -p "require('cdk-nag/package.json').version")
nag_dir="${root}/.cache/go-deps/go/cdknag"
if [ "$(cat "${root}/.cache/go-deps/version" 2>/dev/null)" != "${nag_version}" ]; then
  rm -rf "${root}/.cache/go-deps"
  npx jsii-pacmak --code-only --target go --outdir "${root}/.cache/go-deps" node_modules/cdk-nag
  # Its indirect requirements name modules of node_modules' versions that the proxy may not serve: go mod
  # tidy in the dependent module recomputes them.
  sed -i '/\/\/ indirect$/d' "${nag_dir}/go.mod"
  echo "${nag_version}" > "${root}/.cache/go-deps/version"
fi

rm -rf dist/go && mkdir -p dist/go
cp -r .jsii-code-only/go/. dist/go/
for mod in dist/go/*/; do
  (
    cd "${mod}"
    # go mod tidy recomputes the indirect requirements (the generated ones name the dev versions' modules).
    { grep -v '// indirect$' go.mod; echo
      echo "replace github.com/aws/aws-cdk-go/awscdk/v2 => github.com/aws/aws-cdk-go/awscdk/v2 ${AWSCDK_GO_VERSION}"
      echo "replace github.com/cdklabs/cdk-nag-go/cdknag/v3 => ${nag_dir}"
    } > local.go.mod
    go mod tidy -modfile local.go.mod
    go build -modfile local.go.mod ./...
    go vet -modfile local.go.mod ./...
    rm -f local.go.mod local.go.sum
  )
  echo "go: built and vetted ${mod}"
done
