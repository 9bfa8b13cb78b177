#!/usr/bin/env bash
# Diffs two revisions of a generated 10,000-document project (DESIGN §10: under 3 s).
# Usage: bench/diff-bench.sh [DOCUMENTS]   (from the repository's top folder; builds in release)
#        STDKIT=path/to/stdkit bench/diff-bench.sh   (skips the release build)
set -euo pipefail
documents=${1:-10000}
stdkit=$(bench/stdkit-release.sh bench/diff-bench.sh)
work=$(mktemp -d /tmp/stdkit-diff-bench.XXXXXX)
python3 bench/generate.py "$work/project" --documents "$documents" > /dev/null
cd "$work/project"
git init -q && git add . && git -c user.name=bench -c user.email=bench@example.invalid commit -q -m base
python3 "$OLDPWD/bench/generate.py" "$work/project" --revise 1.0
git -c user.name=bench -c user.email=bench@example.invalid commit -q -am revision
"$stdkit" diff HEAD~1..HEAD --format json > "$work/diff.json"
changed=$(python3 -c "import json; print(json.load(open('$work/diff.json'))['summary']['changed'])")
echo "documents: $documents, changed documents reported: $changed"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs 5 "$stdkit diff HEAD~1..HEAD --format json > /dev/null"
else
  for run in 1 2 3; do /usr/bin/time -f "run $run: %e s, %M KB peak" "$stdkit" diff HEAD~1..HEAD --format json > /dev/null; done
fi
rm -rf "$work"
