#!/usr/bin/env bash
# compat (part of the build, after compile): jsii-diff of this build's API (.jsii) against the API of the last
# release, which `npx projen release` stores in api-baseline/ (build-tools/release/save-api-baseline.sh).
# A breaking change to a stable API fails the build; experimental and deprecated APIs may change
# (--error-on=prod). A breaking change that is meant is marked by its key in .compatignore (jsii-diff prints
# the keys) and by a `BREAKING CHANGE:` footer in its commit; the release clears .compatignore.
#
# Usage: api-compat.sh [baseline-dir] [updated-dir] [ignore-file]   (defaults: api-baseline . .compatignore)
# Before the first release there is no baseline: nothing to compare, the build goes on.
set -euo pipefail
baseline=${1:-api-baseline}
updated=${2:-.}
ignore=${3:-.compatignore}
if [ ! -f "${baseline}/.jsii" ]; then
  echo "compat: no released API in ${baseline}/ yet (the first release stores it there): nothing to compare"
  exit 0
fi
version=$(node -p "require(require('path').resolve('${baseline}/package.json')).version")
echo "compat: the API of this build against release ${version} (${baseline}/)"
jsii-diff "${baseline}" "${updated}" --error-on=prod --keys --ignore-file "${ignore}"
echo "compat: no breaking change to a stable API since ${version} that ${ignore} does not mark"
