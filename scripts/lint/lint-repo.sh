#!/usr/bin/env bash
# The repository-wide half of `npm run lint` (each workspace lints its own code through turbo): the
# root files with biome, every shell script with ShellCheck, the lockfile's platforms, file sizes and
# the documentation's links.
#   bash scripts/lint/lint-repo.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

npx biome check README.md docs package.json turbo.json biome.json scripts

if ! command -v shellcheck >/dev/null; then
  echo "ShellCheck is needed to lint the shell scripts: apt-get install shellcheck (.ci/run installs it)" >&2
  exit 1
fi
# Every tracked shell script: *.sh, and files whose first line runs a shell (.ci/run).
# shellcheck disable=SC2016 # an awk program: its $0 is awk's
mapfile -t scripts < <(git ls-files -z | xargs -0 awk 'FNR == 1 {
  if (FILENAME ~ /\.sh$/ || $0 ~ /^#!.*[\/ ](ba)?sh( |$)/) print FILENAME; nextfile }')
shellcheck --external-sources "${scripts[@]}"
echo "shellcheck: ${#scripts[@]} shell scripts, no warning"

node scripts/lint/lockfile-platforms.mjs
node scripts/lint/file-sizes.mjs
node scripts/lint/doc-links.mjs
