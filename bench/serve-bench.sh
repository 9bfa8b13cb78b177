#!/usr/bin/env bash
# `stdkit serve` on the 10,000-document generated project — DESIGN §10: an edit to diagnostics
# under 100 ms at the 95th percentile; ready under 3 s. bench/serve-bench.py drives the release
# build as the browser editor does (HTTP): the time to the start-up URL, to `/api/status` and to
# the first page; then 100 saves (`PUT /api/documents/ID`: a paragraph, an item statement, a
# reference, in rotation on 12 documents), each timed to its answer, which carries the findings;
# the `changed` event other browsers reload on; the page served again; the peak memory. Prints
# the table and writes it into bench/RESULTS.md between its "serve-bench.sh" markers.
#
# Usage: bench/serve-bench.sh        DOCUMENTS=1000 SAVES=30 bench/serve-bench.sh
#        STDKIT=path/to/stdkit bench/serve-bench.sh   (skips the release build)
# The project is generated into bench/out/serve-DOCUMENTS (gitignored) and copied afresh for each
# run, since the saves write into it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
documents=${DOCUMENTS:-10000}
saves=${SAVES:-100}
[ -x /usr/bin/python3 ] || { echo "bench/serve-bench.sh: /usr/bin/python3 is missing" >&2; exit 2; }
stdkit=$("$here/stdkit-release.sh" bench/serve-bench.sh)
"$stdkit" --help | grep -q "^  serve " || { echo "bench/serve-bench.sh: $stdkit has no \`serve\` command" >&2; exit 2; }

out=$here/out/serve-$documents
stamp="$(sha256sum < "$here/generate.py" | cut -c1-16)"
if [ ! -f "$out/stdkit.yml" ] || [ "$(cat "$out/.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$out"
  /usr/bin/python3 "$here/generate.py" "$out" --documents "$documents" > /dev/null
  echo "$stamp" > "$out/.stamp"
fi
work=$(mktemp -d /tmp/stdkit-serve-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$out" "$work/project"
stderr=$here/out/serve-stderr.txt
: > "$stderr"

/usr/bin/python3 "$here/serve-bench.py" "$stdkit" "$work/project" --saves "$saves" --stderr "$stderr" \
  --json "$here/out/serve-bench.json" --report "$work/table.md" > /dev/null

report=$work/report.md
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME");"
  echo "stdkit $("$stdkit" --version 2>/dev/null | head -1) (release build of $(git -C "$top" rev-parse --short HEAD)); $(swift --version 2>&1 | head -1 | sed 's/ (.*//'). Measured $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1 /proc/loadavg) at the start."
  echo "Project: \`bench/generate.py OUT --documents $documents\`; $saves saves over HTTP on one kept-alive connection, each with the base digest of its text. Reproduce: \`make bench-serve\` (\`bench/serve-bench.sh\`); every save's times in \`bench/out/serve-bench.json\`."
  echo
  cat "$work/table.md"
} > "$report"
echo
cat "$report"
/usr/bin/python3 "$here/write-results.py" "$here/RESULTS.md" "$report" serve-bench.sh "\`stdkit serve\` on 10,000 documents — goal: a save to its findings under 100 ms at the 95th percentile; ready under 3 s"
echo "figures written to bench/RESULTS.md"
