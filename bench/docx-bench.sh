#!/usr/bin/env bash
# `stdkit export standards --format docx` — DESIGN §10: the flagship programme with all its
# courses under 2 s. The release build exports the file 10 times (RUNS) into a temporary folder;
# prints the median and the maximum wall time, the file's size and what it holds, and writes them
# into bench/RESULTS.md between its "docx-bench.sh" markers.
#
# Usage: bench/docx-bench.sh        RUNS=20 bench/docx-bench.sh
#        STDKIT=path/to/stdkit bench/docx-bench.sh   (skips the release build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
runs=${RUNS:-10}
# $STDKIT, else the release build (made first).
stdkit=$("$here/stdkit-release.sh" bench/docx-bench.sh)
work=$(mktemp -d /tmp/stdkit-docx-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

times=()
summary=""
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  summary=$("$stdkit" export "$top/standards" --format docx -o "$work/flagship.docx" 2> /dev/null)
  end=$(date +%s.%N)
  times+=("$(python3 -c "import sys; print('%.3f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$end")")
done
read -r median max < <(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", m, a[NR] }')
size_kb=$(( $(stat -c %s "$work/flagship.docx") / 1024 ))
report=$work/report.md
{
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, release build, $runs runs: \`stdkit export standards --format docx\` — ${summary#wrote $work/}, $size_kb KB."
  echo
  echo "| median | max | goal |"
  echo "| --- | --- | --- |"
  echo "| ${median} s | ${max} s | under 2 s |"
} > "$report"
cat "$report"
/usr/bin/python3 "$here/write-results.py" "$here/RESULTS.md" "$report" docx-bench.sh "\`stdkit export --format docx\` of the flagship programme with all its courses — goal: under 2 s"
echo "figures written to bench/RESULTS.md"
