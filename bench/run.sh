#!/usr/bin/env bash
# stdkit side by side with cmark-gfm (the floor: one process parsing and rendering the same
# Markdown) and Hugo (a site generator people would use instead), on generated standards
# projects of 1,000, 10,000 and 50,000 documents (bench/generate.py, O*NET task statements) and
# on the 14,142 real pages of ../shared/corpora/powershell-docs; plus the incremental
# `stdkit check --staged` after editing one file of the 10,000-document project, peak memory, and
# growth with size; then every other goal of DESIGN §10 by its own script (merge, diff, docx export,
# catalogue, `stdkit lsp`, `stdkit serve`), each given the same release build. Prints every ratio
# and writes the figures into bench/RESULTS.md between its "run.sh" markers (the docx, catalogue,
# lsp and serve scripts also write their own sections).
#
# Usage (from anywhere): bench/run.sh            SIZES="1000 10000" RUNS=5 bench/run.sh
#                        GOALS=0 bench/run.sh    (only the table of check and build)
#                        STDKIT=path/to/stdkit bench/run.sh   (skips the release build)
# Installs what is missing (hyperfine, hugo, GNU time, cmark-gfm) with apt-get, as root or sudo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
sizes=${SIZES:-"1000 10000 50000"}
runs=${RUNS:-3}

# --- tools ------------------------------------------------------------------------------------
missing=()
command -v hyperfine > /dev/null || missing+=(hyperfine)
command -v hugo > /dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v cmark-gfm > /dev/null || missing+=(cmark-gfm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
stdkit=$("$here/stdkit-release.sh" bench/run.sh)
work=$(mktemp -d /tmp/stdkit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
report=$work/report.md

# --- measuring --------------------------------------------------------------------------------
# mean NAME COMMAND [PREPARE]: the mean wall time in seconds over $runs runs (after one warm-up),
# by hyperfine; PREPARE runs before each (not timed).
mean() {
  local n=$runs warm=1
  [ "${BIG:-0}" = 1 ] && { n=1; warm=0; }
  hyperfine --style none --ignore-failure --runs "$n" --warmup "$warm" --export-json "$work/h.json" \
    --prepare "${3:-true}" "$2" > /dev/null 2>&1
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
}
# peak COMMAND: the peak resident memory in MB, by GNU time.
peak() {
  /usr/bin/time -v sh -c "$1" 2> "$work/time.txt" > /dev/null || true
  awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt"
}
# paired FLOOR COMMAND: COMMAND's time over FLOOR's, the two run one right after the other in
# each of $PAIRS rounds (5 by default; after a warm-up of each), the median of the rounds. The
# machine's speed changes by half within an hour here, and the floor's more than stdkit's: taken
# side by side, the ratio does not depend on which minute each mean fell in.
paired() {
  /usr/bin/python3 - "$1" "$2" "${PAIRS:-5}" <<'PY'
import statistics, subprocess, sys, time
floor, command, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(line):
    start = time.perf_counter()
    subprocess.run(line, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
timed(floor)
timed(command)
ratios = []
for _ in range(rounds):
    first = timed(floor)
    ratios.append(timed(command) / first)
print("%.2f" % statistics.median(ratios))
PY
}
# aside FOLDER: the command that moves FOLDER, if it exists, into $work/aside (removed when the
# corpus is done), for hyperfine's --prepare.
aside() { echo "[ ! -e '$1' ] || { mkdir -p '$work/aside' && mv '$1' \"\$(mktemp -d '$work/aside/XXXXXX')/\"; }"; }
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
# The Markdown bytes of a folder, in MB.
corpus_mb() { find "$1" -name '*.md' -not -path '*/_site/*' -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.1f", $1 / 1048576}'; }

floor_command() {
  echo "find '$1' -name '*.md' -not -path '*/_site/*' -print0 | xargs -0 cat | cmark-gfm -e table -e strikethrough -e autolink -e tasklist > /dev/null"
}

# A Hugo site whose content is the folder, with the smallest layouts that render every page.
hugo_site() {
  local site=$1 content=$2
  mkdir -p "$site/layouts/_default"
  cat > "$site/config.toml" <<EOF
baseURL = "http://example.invalid/"
contentDir = "$content"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
EOF
  echo '<!doctype html><title>{{ .Title }}</title>{{ .Content }}' > "$site/layouts/_default/single.html"
  echo '<!doctype html><title>{{ .Title }}</title>{{ .Content }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}' > "$site/layouts/_default/list.html"
}

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME");"
  echo "$("$stdkit" --version 2>/dev/null | head -1 || echo stdkit) (release build); $(swift --version 2>&1 | head -1 | sed 's/ (.*//');"
  echo "cmark-gfm $(cmark-gfm --version | head -1 | awk '{print $2}'); $(hugo version | awk '{print "Hugo", $2}'); hyperfine $(hyperfine --version | awk '{print $2}'). Measured $(date -u +%Y-%m-%d)."
  echo "Runs: mean of $runs after one warm-up (one run for 50,000 documents). Reproduce: \`bench/run.sh\`."
  echo
  echo "Build: into an empty folder (fresh) and again over the previous output (rebuild; stdkit links unchanged pages, Hugo overwrites). Hugo is measured first. Before each fresh build the previous output is moved aside, and removed only when the corpus is done; and no fresh builds start within 35 s of files being removed or replaced: this machine's ext4 skips inodes freed in the last 30 s when it makes a file, so a build right after a site was deleted measured the deletion (perf: over 40 % of such a build in the kernel's inode allocation, \`find_inode_bit\`, and in waiting for it)."
  echo
  echo "Alternated: the floor and stdkit run one right after the other, ${PAIRS:-5} times, the median of the ratios (not for 50,000 documents)."
  echo
  echo "| corpus | Markdown | cmark-gfm (floor) | stdkit check | check / floor | stdkit build fresh / rebuild | build / floor | Hugo fresh / rebuild | Hugo / stdkit | peak RSS check / build | RSS / corpus | alternated: check / floor, rebuild / floor |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$report"

row() {  # row NAME FOLDER
  local name=$1 dir=$2
  local mb floor check fresh again hugo_fresh hugo_again rss_check rss_build
  mb=$(corpus_mb "$dir")
  floor=$(mean floor "$(floor_command "$dir")")
  check=$(mean check "'$stdkit' check '$dir' > /dev/null")
  # Hugo first: a stdkit rebuild removes the site it replaces, and the files it frees would slow
  # Hugo's fresh builds right after (above). A fresh build's previous output is moved aside.
  hugo_site "$work/hugo" "$dir"
  local hugo="hugo --quiet -s '$work/hugo' -d '$work/hugo-out' > /dev/null 2>&1"
  hugo_fresh=$(mean hugo "$hugo" "$(aside "$work/hugo-out")")
  hugo_again=$(mean hugo "$hugo")
  local build="'$stdkit' build '$dir' -o '$work/site' > /dev/null"
  # Hugo's rebuild replaces its files, which frees as many: let them age first (above).
  sleep 35
  fresh=$(mean build "$build" "$(aside "$work/site")")
  again=$(mean build "$build")
  rss_check=$(peak "'$stdkit' check '$dir'")
  rss_build=$(peak "'$stdkit' build '$dir' -o '$work/site'")
  local alternated="—"
  if [ "${BIG:-0}" != 1 ]; then
    alternated="$(paired "$(floor_command "$dir")" "'$stdkit' check '$dir' > /dev/null") / $(paired "$(floor_command "$dir")" "$build")"
  fi
  echo "| $name | $mb MB | $floor s | $check s | **$(ratio "$check" "$floor")** | $fresh / $again s | **$(ratio "$fresh" "$floor") / $(ratio "$again" "$floor")** | $hugo_fresh / $hugo_again s | **$(ratio "$hugo_fresh" "$fresh") / $(ratio "$hugo_again" "$again")** | $rss_check / $rss_build MB | $(ratio "$(( rss_check > rss_build ? rss_check : rss_build ))" "$mb") | $alternated |" >> "$report"
  rm -rf "$work/site" "$work/hugo" "$work/hugo-out" "$work/aside"
  # The files just removed (and those of stdkit's rebuilds) are "recent" to ext4 for 30 s: the next
  # corpus's first fresh builds would pay for them.
  sleep 35
  echo "$name: floor $floor s, check $check s, build $fresh s fresh / $again s again, Hugo $hugo_fresh / $hugo_again s, peak RSS $rss_check / $rss_build MB; alternated with the floor: $alternated"
}

for n in $sizes; do
  echo "generating $n documents"
  python3 "$here/generate.py" "$work/p$n" --documents "$n" > /dev/null
  BIG=$([ "$n" -ge 50000 ] && echo 1 || echo 0) row "generated, $n documents" "$work/p$n"
done
powershell=$top/../shared/corpora/powershell-docs
if [ -d "$powershell" ]; then
  # A copy, without the pages Hugo refuses to build (front matter it cannot read), so that every
  # tool works on the same files.
  cp -R "$powershell" "$work/ps"
  hugo_site "$work/hugo" "$work/ps"
  removed=0
  while [ $removed -lt 50 ]; do
    failed=$(hugo --quiet -s "$work/hugo" -d "$work/hugo-out" 2>&1 | grep -o "\"$work/ps/[^\"]*\.md" | head -1 | tr -d '"') || true
    [ -n "$failed" ] || break
    rm -f "$failed"; removed=$((removed + 1))
  done
  rm -rf "$work/hugo" "$work/hugo-out"
  [ $removed -eq 0 ] || echo "powershell-docs: $removed page(s) Hugo cannot build left out of the copy"
  row "powershell-docs, $(find "$work/ps" -name '*.md' | wc -l) real pages" "$work/ps"
  rm -rf "$work/ps"
else
  echo "skipped: $powershell is absent"
fi

# --- the incremental check: one file of the 10,000-document project edited and staged ---------
# As on a commit: the last check (kept in .stdkit/cache/) saw the project as committed; then one
# course is edited and staged. Each timed run starts from that cache again (--prepare).
if [ -d "$work/p10000" ]; then
  repo=$work/p10000
  (cd "$repo" && git init -q && git add . && git -c user.name=bench -c user.email=bench@example.invalid commit -q -m base)
  (cd "$repo" && "$stdkit" check --staged > /dev/null) || true
  cp "$repo/.stdkit/cache/check-staged" "$work/cache-before-edit"
  courses=("$repo"/courses/*.md)
  file=${courses[0]#"$repo"/}
  sed -i 's/^## 考核评价/## 考核评价\n\n（修订）/' "$repo/$file"
  (cd "$repo" && git add "$file")
  # A tenth of a second each: 20 runs, where 3 leave the mean to the machine's noise.
  staged=$(cd "$repo" && runs=20 mean staged "'$stdkit' check --staged > /dev/null" "cp '$work/cache-before-edit' .stdkit/cache/check-staged")
  uncached=$(cd "$repo" && mean uncached "'$stdkit' check --staged --no-cache > /dev/null")
  full=$(cd "$repo" && mean full "'$stdkit' check > /dev/null")
  # The same edit made to an item's statement: other documents see it, so the check runs in full.
  sed -i '0,/^- \*\*LO1\*\* /s//- **LO1** 修订：/' "$repo/$file"
  (cd "$repo" && git add "$file")
  outward=$(cd "$repo" && mean outward "'$stdkit' check --staged > /dev/null" "cp '$work/cache-before-edit' .stdkit/cache/check-staged")
  {
    echo
    echo "| incremental check, 10,000 documents | time | goal |"
    echo "| --- | --- | --- |"
    echo "| \`stdkit check --staged\` after a paragraph of one course was edited and staged (the cache from the last check; mean of 20) | $staged s | < 0.150 s |"
    echo "| the same with \`--no-cache\` | $uncached s | |"
    echo "| \`stdkit check --staged\` after an outcome's statement was edited (others see it: full check, cache rewritten) | $outward s | |"
    echo "| \`stdkit check\` of the whole work tree, for comparison | $full s | |"
  } >> "$report"
  echo "check --staged after one edit: $staged s (without the cache $uncached s; an outcome edited $outward s; full check $full s)"
fi

# --- the other goals of DESIGN §10, each by its own script, with this same stdkit ---------------
if [ "${GOALS:-1}" = 1 ]; then
  export STDKIT=$stdkit
  goal() {  # goal NAME SCRIPT [ARGS]: runs a goal's script, its output kept in $work/NAME.txt
    local name=$1; shift
    echo "running $*"
    if ! (cd "$top" && "$@") > "$work/$name.txt" 2>&1; then
      echo "$*: failed; its last lines:" >&2; tail -5 "$work/$name.txt" >&2
    fi
  }
  goal merge bench/merge-bench.sh
  goal diff bench/diff-bench.sh 10000
  goal docx bench/docx-bench.sh
  goal catalogue bench/catalogue-bench.sh
  goal lsp bench/lsp-bench.sh
  goal serve bench/serve-bench.sh
  /usr/bin/python3 - "$work" "$here/out" >> "$report" <<'PY'
import json, os, re, sys
work, out = sys.argv[1], sys.argv[2]
def text(name):
    path = os.path.join(work, name + ".txt")
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""
def figures(name):
    path = os.path.join(out, name)
    try:
        return json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return None
rows = []
times = [float(m) for m in re.findall(r"^\| \d+ \| ([0-9.]+) s \|", text("merge"), re.M)]
fine = re.search(r"^hyperfine, (\d+) runs.*?: mean ([0-9.]+) ms ± ([0-9.]+), median ([0-9.]+) ms, slowest ([0-9.]+) ms", text("merge"), re.M)
if fine:
    merge = f"{fine.group(2)} ms mean of {fine.group(1)} (median {fine.group(4)}, slowest {fine.group(5)})"
else:
    merge = f"{max(times) * 1000:.0f} ms, the slowest of {len(times)}" if times else "failed"
rows.append(("`stdkit merge` of a 1 MB document (bench/merge-bench.sh)", merge, "under 50 ms"))
m = re.search(r"Time \(mean ± σ\):\s+([0-9.]+) (m?s)", text("diff"))
runs = [float(t) for t in re.findall(r"^run \d+: ([0-9.]+) s", text("diff"), re.M)]  # without hyperfine
diff = f"{m.group(1)} {m.group(2)}, mean" if m else f"{sum(runs) / len(runs):.2f} s, mean of {len(runs)}" if runs else "failed"
rows.append(("`stdkit diff REV..REV` over 10,000 documents (bench/diff-bench.sh)", diff, "under 3 s"))
m = re.search(r"^\| ([0-9.]+ s) \| ([0-9.]+ s) \| under 2 s \|", text("docx"), re.M)
rows.append(("`stdkit export --format docx` of the flagship (bench/docx-bench.sh)", f"{m.group(1)} median, {m.group(2)} max" if m else "failed", "under 2 s"))
m = re.search(r"^\| `stdkit catalogue --list[^|]*\| ([0-9.]+ s) \| ([0-9]+ MB) \|", text("catalogue"), re.M)
rows.append(("`stdkit catalogue` over 1,000 school projects (bench/catalogue-bench.sh)", f"{m.group(1)}, peak {m.group(2)}" if m else "failed", "under 60 s, memory of the largest project"))
for name, script, measure in (("lsp", "lsp-bench.json", "an edit to diagnostics"), ("serve", "serve-bench.json", "a save to its findings")):
    f = figures(script) if text(name) and "figures written" in text(name) else None
    value = f"{measure}: {f['summary']['all']['p95']:.1f} ms at p95; ready in {f['ready_s']:.2f} s" if f else "failed"
    rows.append((f"`stdkit {name}` on 10,000 documents (bench/{name}-bench.sh)", value, "p95 under 100 ms; ready under 3 s"))
print()
print("| other goals of DESIGN §10 (each script's own section below has the details) | measured | goal |")
print("| --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY
fi

echo
cat "$report"
# Into bench/RESULTS.md, between the markers (the rest of the file is commentary kept by hand).
/usr/bin/python3 "$here/write-results.py" "$here/RESULTS.md" "$report" run.sh "bench/run.sh"
echo "figures written to bench/RESULTS.md"
