#!/usr/bin/env bash
# Runs each libFuzzer target of stdkit-fuzz for a bounded time (make fuzz). Seeds: the flagship's
# documents (parse), pairs and triples of the merge scenarios (diff, merge), the spreadsheet
# fixtures and the CASE packages of ../shared/corpora (import). A finding stops the
# run with its input saved under .build/fuzz/findings/; keep it as a regression test once fixed.
# Usage: Tests/Fuzz/run.sh [SECONDS per target, default 60]
set -euo pipefail
seconds=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
fuzz=$top/.build/fuzz/release/stdkit-fuzz
[ -x "$fuzz" ] || { echo "build it first: make fuzz"; exit 2; }
work=$top/.build/fuzz/corpus
findings=$top/.build/fuzz/findings
mkdir -p "$findings"
seed() {  # seed TARGET: the target's corpus folder, seeded once
  local target=$1 folder=$work/$1
  [ -d "$folder" ] && return
  mkdir -p "$folder"
  case $target in
    parse) find "$top/standards" "$top/examples" -name '*.md' -exec cp {} "$folder/" \;
           # The YAML test suite's cases as front matter.
           if [ -d "$top/../shared/corpora/yaml-test-suite" ]; then
             find "$top/../shared/corpora/yaml-test-suite" -name in.yaml | while read -r file; do
               { printf -- '---\n'; cat "$file"; printf -- '\n---\n'; } > "$folder/yaml-$(echo "$file" | md5sum | cut -c1-12).md"
             done
           fi ;;
    diff) for scenario in "$top"/Tests/StdKitDiffTests/Fixtures/merge/*/; do
            { cat "$scenario/base.md"; printf '\0'; cat "$scenario/ours.md"; } > "$folder/$(basename "$scenario")"; done ;;
    merge) for scenario in "$top"/Tests/StdKitDiffTests/Fixtures/merge/*/; do
            { cat "$scenario/base.md"; printf '\0'; cat "$scenario/ours.md"; printf '\0'; cat "$scenario/theirs.md"; } > "$folder/$(basename "$scenario")"; done ;;
    import) cp "$top"/Tests/StdKitInteropTests/Fixtures/*.csv "$top"/Tests/StdKitInteropTests/Fixtures/esco/*.csv "$folder/"
            if [ -d "$top/../shared/corpora/case" ]; then
              find "$top/../shared/corpora/case" -name '*.json' ! -path '*/schema/*' -exec cp {} "$folder/" \;
            fi ;;
  esac
}
status=0
for target in parse diff merge import; do
  seed "$target"
  echo "== $target, $seconds s"
  if ! STDKIT_FUZZ_TARGET=$target "$fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
       -artifact_prefix="$findings/$target-" -print_final_stats=1 "$work/$target" 2> "$findings/$target.log"; then
    echo "finding in $target: see $findings/$target.log"; tail -20 "$findings/$target.log"; status=1
  else
    grep -E "^Done|stat::number_of_executed_units" "$findings/$target.log" | tail -1
  fi
done
exit $status
