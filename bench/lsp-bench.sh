#!/usr/bin/env bash
# `stdkit lsp` on the 10,000-document generated project — DESIGN §10: an edit to diagnostics
# under 100 ms at the 95th percentile; ready under 3 s. bench/lsp-bench.py drives the release
# build as an editor does (LSP over stdio): the time to the answer of `initialize` and to the
# first diagnostics; then 100 `didChange` edits (a paragraph, an item statement, a reference, in
# rotation on 12 open documents), each timed to the diagnostics it causes; the server's peak
# memory against the project's Markdown. Prints the table and writes it into bench/RESULTS.md
# between its "lsp-bench.sh" markers.
#
# Usage: bench/lsp-bench.sh          DOCUMENTS=1000 EDITS=30 bench/lsp-bench.sh
#        STDKIT=path/to/stdkit bench/lsp-bench.sh   (skips the release build)
#        STDKIT_TIMINGS=1 bench/lsp-bench.sh        (the server's laps kept in bench/out/lsp-stderr.txt)
# The project goes to bench/out/lsp-DOCUMENTS (gitignored), made again when the generator changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
documents=${DOCUMENTS:-10000}
edits=${EDITS:-100}
[ -x /usr/bin/python3 ] || { echo "bench/lsp-bench.sh: /usr/bin/python3 is missing" >&2; exit 2; }
# $STDKIT, else the release build (made first).
stdkit=$("$here/stdkit-release.sh" bench/lsp-bench.sh)
"$stdkit" --help | grep -q "^  lsp " || { echo "bench/lsp-bench.sh: $stdkit has no \`lsp\` command" >&2; exit 2; }

out=$here/out/lsp-$documents
stamp="$(sha256sum < "$here/generate.py" | cut -c1-16)"
if [ ! -f "$out/stdkit.yml" ] || [ "$(cat "$out/.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$out"
  /usr/bin/python3 "$here/generate.py" "$out" --documents "$documents" > /dev/null
  echo "$stamp" > "$out/.stamp"
fi
work=$(mktemp -d /tmp/stdkit-lsp-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
stderr=$here/out/lsp-stderr.txt
: > "$stderr"

/usr/bin/python3 "$here/lsp-bench.py" "$stdkit" "$out" --edits "$edits" --stderr "$stderr" \
  --json "$here/out/lsp-bench.json" --report "$work/table.md" > /dev/null
encoding=$(/usr/bin/python3 -c 'import json, sys; f = json.load(open(sys.argv[1])); print(f["position_encoding"], "incremental" if f["incremental_sync"] else "full-text")' "$here/out/lsp-bench.json")

report=$work/report.md
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME");"
  echo "stdkit $("$stdkit" --version 2>/dev/null | head -1) (release build of $(git -C "$top" rev-parse --short HEAD)); $(swift --version 2>&1 | head -1 | sed 's/ (.*//'). Measured $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1 /proc/loadavg) at the start."
  echo "Project: \`bench/generate.py OUT --documents $documents\`; $edits edits, positions in ${encoding% *}, ${encoding#* } changes. Reproduce: \`make bench-lsp\` (\`bench/lsp-bench.sh\`); every edit's time in \`bench/out/lsp-bench.json\`."
  echo
  cat "$work/table.md"
} > "$report"
echo
cat "$report"
/usr/bin/python3 "$here/write-results.py" "$here/RESULTS.md" "$report" lsp-bench.sh "\`stdkit lsp\` on 10,000 documents — goal: an edit to diagnostics under 100 ms at the 95th percentile; ready under 3 s"
echo "figures written to bench/RESULTS.md"
