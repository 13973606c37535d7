#!/usr/bin/env bash
# `npm run check-dist`: rebuilds dist/ (the action's bundle and the command line's) and fails if
# it differs from what is committed, or if a bundle has unresolved modules. Used by .ci/run and
# by the CI and release workflows.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent bundle
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is not the bundle of src/: run 'npm run bundle' and commit dist/." >&2
  git status --short -- dist >&2
  exit 1
fi
# Each entry and the chunks it loads with import().
for bundle in dist/*.js dist/cli/*.js; do
  if grep -q webpackMissingModule "$bundle"; then
    echo "$bundle has unresolved modules (is the package ESM?)." >&2
    exit 1
  fi
done
echo "dist/ is the bundle of src/."
