#!/usr/bin/env bash
# `stdkit catalogue` over 1,000 school projects (about 50,000 documents) — DESIGN §10: under 60 s,
# memory bounded by the largest project, not the sum. The projects are made by
# bench/generate-schools.py (each implements the national standard of 工业机器人技术, 460305, from a
# vendored copy), then:
#   - `stdkit catalogue --list catalogue.list -o site` under GNU time (wall time, peak memory);
#     where this stdkit has no `catalogue` command yet, `stdkit check` of each project in turn in one
#     loop stands in for it (the time is the loop's, the sum; the peak is the largest process's);
#   - `stdkit check` of each project alone, for the sum of the projects' peaks (what holding every
#     project at once would approach) and the time one project takes;
#   - `stdkit check` of the largest project (most documents): the bound the catalogue's peak
#     should stay close to.
# Prints the table and writes it into bench/RESULTS.md between its "catalogue-bench.sh" markers.
#
# Usage: bench/catalogue-bench.sh            N=200 bench/catalogue-bench.sh
#        STDKIT=path/to/stdkit bench/catalogue-bench.sh   (skips the release build)
#        UPSTREAM=DIR bench/catalogue-bench.sh            (default: standards/vendor/ns-460305, else
#                                                          the stand-in bench/fixtures/ns-460305)
# The projects go to bench/out/schools-N (gitignored) and are kept for a second run (KEEP=0 removes
# them at the end); SEED (default 1) makes another set.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
n=${N:-1000}
seed=${SEED:-1}
[ -x /usr/bin/time ] || { echo "bench/catalogue-bench.sh: GNU time is missing (apt-get install time)" >&2; exit 2; }
[ -x /usr/bin/python3 ] || { echo "bench/catalogue-bench.sh: /usr/bin/python3 is missing" >&2; exit 2; }

# $STDKIT, else the release build (made first).
stdkit=$("$here/stdkit-release.sh" bench/catalogue-bench.sh)
upstream=${UPSTREAM:-$top/standards/vendor/ns-460305}
[ -d "$upstream" ] || upstream=$here/fixtures/ns-460305

out=$here/out/schools-$n
work=$(mktemp -d /tmp/stdkit-catalogue-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Made again when the seed, the upstream or the generator changed.
stamp="$seed $upstream $(cat "$here/generate-schools.py" | sha256sum | cut -c1-16)"
if [ ! -f "$out/catalogue.list" ] || [ "$(cat "$out/.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$out"
  /usr/bin/python3 "$here/generate-schools.py" "$n" "$out" --upstream "$upstream" --seed "$seed"
  echo "$stamp" > "$out/.stamp"
fi
mapfile -t projects < <(grep -v '^#' "$out/catalogue.list")
documents=$(find "$out" -path '*/vendor' -prune -o -name '*.md' -print | wc -l)
markdown_mb=$(find "$out" -path '*/vendor' -prune -o -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.1f", $1 / 1048576}')
echo "${#projects[@]} projects, $documents documents ($markdown_mb MB of Markdown, vendored upstreams not counted) in $out"

# timed COMMAND: "<wall seconds> <peak MB>" by GNU time.
timed() {
  /usr/bin/time -v sh -c "$1" 2> "$work/time.txt" > /dev/null || true
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
              /Maximum resident set size/ { rss = $2 / 1024 }
              END { printf "%.2f %.0f\n", wall, rss }' "$work/time.txt"
}

# --- each project alone: its time and peak; the largest project -------------------------------
: > "$work/each.txt"
for project in "${projects[@]}"; do
  /usr/bin/time -f "%e %M $project" -a -o "$work/each.txt" "$stdkit" check "$out/$project" > /dev/null 2>&1 || true
done
read -r each_sum each_max peak_sum peak_max < <(awk '$1 ~ /^[0-9.]+$/ { t += $1; if ($1 > tm) tm = $1; r += $2; if ($2 > rm) rm = $2 }
  END { printf "%.2f %.2f %.0f %.0f\n", t, tm, r / 1024, rm / 1024 }' "$work/each.txt")
largest=""; largest_docs=0
for project in "${projects[@]}"; do
  count=$(find "$out/$project" -path '*/vendor' -prune -o -name '*.md' -print | wc -l)
  if [ "$count" -gt "$largest_docs" ]; then largest=$project; largest_docs=$count; fi
done
read -r largest_wall largest_rss < <(timed "'$stdkit' check '$out/$largest'")
# The process alone: an empty project. What a project adds above it is what a catalogue that kept
# every project would accumulate.
mkdir -p "$work/empty" && echo "name: empty" > "$work/empty/stdkit.yml"
read -r empty_wall empty_rss < <(timed "'$stdkit' check '$work/empty'")
above=$(awk -v base="$empty_rss" '$1 ~ /^[0-9.]+$/ { d = $2 / 1024 - base; if (d > 0) s += d } END { printf "%.0f", s }' "$work/each.txt")

# --- the catalogue (or its stand-in) ----------------------------------------------------------
if "$stdkit" --help | grep -q "^  catalogue "; then
  what="\`stdkit catalogue --list catalogue.list -o site\`"
  read -r wall rss < <(timed "'$stdkit' catalogue --list '$out/catalogue.list' -o '$work/site'")
  pages=$(find "$work/site" -type f | wc -l)
  what="$what ($pages files written)"
  # One project at a time as well, where the command can be told (its default reads two at once).
  if "$stdkit" catalogue --help | grep -q -- "--jobs"; then
    read -r wall1 rss1 < <(timed "'$stdkit' catalogue --jobs 1 --list '$out/catalogue.list' -o '$work/site1'")
    single="| the same with \`--jobs 1\` | $wall1 s | $rss1 MB | |"
  fi
else
  what="\`stdkit check\` of each project in one loop (stand-in: this stdkit has no \`catalogue\`)"
  read -r wall rss < <(timed "cd '$out' && grep -v '^#' catalogue.list | while read -r p; do '$stdkit' check \"\$p\" > /dev/null 2>&1; done")
fi

report=$work/report.md
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME");"
  echo "$("$stdkit" --version 2>/dev/null | head -1 || echo stdkit) (release build); $(swift --version 2>&1 | head -1 | sed 's/ (.*//'). Measured $(date -u +%Y-%m-%d)."
  echo "Projects: \`bench/generate-schools.py $n OUT --seed $seed\` over \`${upstream#"$top"/}\`: ${#projects[@]} projects, $documents documents, $markdown_mb MB of Markdown. Reproduce: \`bench/catalogue-bench.sh\`."
  echo
  echo "| work | wall time | peak memory | goal |"
  echo "| --- | --- | --- | --- |"
  echo "| $what | $wall s | $rss MB | < 60 s; memory close to the largest project's |"
  [ -z "${single:-}" ] || echo "$single"
  echo "| \`stdkit check\` of each project alone: the sum of times / the slowest | $each_sum s / $each_max s | | |"
  echo "| \`stdkit check\` of each project alone: the sum of peaks / the highest | | $peak_sum MB / $peak_max MB | |"
  echo "| \`stdkit check\` of the largest project ($largest, $largest_docs documents) | $largest_wall s | $largest_rss MB | the bound |"
  echo "| \`stdkit check\` of an empty project (the process alone) | $empty_wall s | $empty_rss MB | |"
  echo
  echo "Peak memory of the catalogue / of the largest project: **$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$rss" "$largest_rss")**. What the projects hold above the process alone adds up to $above MB over all $n: a catalogue that kept every project would approach that."
} > "$report"
echo
cat "$report"
/usr/bin/python3 "$here/write-results.py" "$here/RESULTS.md" "$report" catalogue-bench.sh "\`stdkit catalogue\` over 1,000 school projects — bench/catalogue-bench.sh"
echo "figures written to bench/RESULTS.md"
[ "${KEEP:-1}" = 1 ] || rm -rf "$out"
