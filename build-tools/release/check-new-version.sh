#!/usr/bin/env bash
# The release's step after bump: stop before the build when there is nothing to release, i.e. no feat:, fix: or
# perf: commit since the last release (bump then keeps its version, whose tag exists) or no commit at all since
# the release commit (bump is skipped and writes nothing).
set -euo pipefail
stop() { echo "release: nothing to release: $1" >&2; npx projen unbump >/dev/null; exit 1; }
if [ ! -f dist/releasetag.txt ]; then
  stop "the last commit is a release commit ($(git log -1 --format=%s))"
fi
tag=$(cat dist/releasetag.txt)
if git rev-parse -q --verify "refs/tags/${tag}" >/dev/null; then
  stop "no feat:, fix: or perf: commit since ${tag}"
fi
echo "release: ${tag} (last release: $(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null || echo none))"
