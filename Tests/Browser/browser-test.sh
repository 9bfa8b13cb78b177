#!/usr/bin/env bash
# Opens the built flagship site in headless Chromium: screenshots of the index, a course page
# and the matrix, and checks through the DOM that the matrix has the expected rows and cells,
# that a Chinese search finds results, and that no page reports a script error. Then the same
# for the cooperation kinds' pages of Tests/Browser/cooperation (the apprenticeship's calendar
# has one bar per schedule entry). When the flagship declares an upstream, a reference into it
# leads to a page of the upstream's section bearing its badge. Last, a catalogue of a few
# generated school projects: its table sorts and filters, and its charts are drawn.
# Usage: Tests/Browser/browser-test.sh [STDKIT]   (run from the repository's top folder)
set -euo pipefail
stdkit=${1:-.build/debug/stdkit}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "browser test skipped: chromium is not installed (make deps installs it)"
  exit 0
fi
work=$(mktemp -d /tmp/stdkit-browser.XXXXXX)
shots="$work/screenshots"
mkdir -p "$shots"
"$stdkit" build standards -o "$work/site" > /dev/null
site="$work/site"
run() { timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "$@" 2>/dev/null; }
failures=0
check() {  # check DESCRIPTION CONDITION-RESULT
  if [ "$2" = "yes" ]; then echo "  ok: $1"; else echo "  FAILED: $1"; failures=$((failures + 1)); fi
}

course="documents/courses/professional-core/robot-programming.html"
run --window-size=1280,1600 --screenshot="$shots/index.png" "file://$site/index.html" > /dev/null
run --window-size=1280,2000 --screenshot="$shots/course.png" "file://$site/$course" > /dev/null
run --window-size=1600,1200 --screenshot="$shots/matrix.png" "file://$site/matrix.html" > /dev/null
for shot in index course matrix; do
  check "screenshot of the $shot page" "$([ -s "$shots/$shot.png" ] && echo yes || echo no)"
done

# The expected matrix, from the model.
read -r rows columns < <("$stdkit" trace --format json standards | python3 -c 'import json,sys; t=json.load(sys.stdin); print(len(t["rows"]), len(t["courses"]))')
dom_matrix=$(run --dump-dom --virtual-time-budget=3000 "file://$site/matrix.html")
found_rows=$(grep -o '<tr class="requirement' <<< "$dom_matrix" | wc -l)
found_cells=$(grep -o '<td class="cell' <<< "$dom_matrix" | wc -l)
check "the matrix has $rows requirement rows (found $found_rows)" "$([ "$found_rows" -eq "$rows" ] && echo yes || echo no)"
check "the matrix has $((rows * columns)) cells (found $found_cells)" "$([ "$found_cells" -eq $((rows * columns)) ] && echo yes || echo no)"

query=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("焊接机器人"))')
dom_search=$(run --dump-dom --virtual-time-budget=5000 "file://$site/search.html?q=$query")
count=$(sed -n 's/.*id="search-count"[^>]*data-count="\([0-9]*\)".*/\1/p' <<< "$dom_search" | head -1)
check "a Chinese search (焊接机器人) returns results (found ${count:-none})" "$([ "${count:-0}" -gt 0 ] && echo yes || echo no)"
check "search results link to documents" "$(grep -q '<ol id="search-results"><li><a href="documents/' <<< "$dom_search" && echo yes || echo no)"

# The pages count script errors on <html data-script-errors>; prove the count works on a page
# that throws, then require it absent on the real ones.
sed 's|</body>|<script>undefinedFunction();</script></body>|' "$site/index.html" > "$site/throws.html"
dom=$(run --dump-dom --virtual-time-budget=3000 "file://$site/throws.html")
check "a script error is detected on a page that throws" "$(grep -q '<html[^>]*data-script-errors' <<< "$dom" && echo yes || echo no)"
rm "$site/throws.html"
for page in index.html matrix.html "search.html?q=$query" "$course" documents/programme/robot-technology-460305.html; do
  dom=$(run --dump-dom --virtual-time-budget=3000 "file://$site/$page")
  check "no script error on $page" "$(grep -q '<html[^>]*data-script-errors' <<< "$dom" && echo no || echo yes)"
  check "$page rendered Chinese text" "$(grep -q '工业机器人' <<< "$dom" && echo yes || echo no)"
done

# The cooperation kinds (DESIGN §13), from a small project of their own: screenshots of the
# apprenticeship, training and facility pages, and, through the DOM, one calendar bar per
# schedule entry.
coop="$work/cooperation"
"$stdkit" build Tests/Browser/cooperation -o "$coop" > /dev/null
for page in apprenticeship training facility; do
  run --window-size=1280,1400 --screenshot="$shots/$page.png" "file://$coop/documents/cooperation/$page.html" > /dev/null
  check "screenshot of the $page page" "$([ -s "$shots/$page.png" ] && echo yes || echo no)"
  dom=$(run --dump-dom --virtual-time-budget=3000 "file://$coop/documents/cooperation/$page.html")
  check "no script error on the $page page" "$(grep -q '<html[^>]*data-script-errors' <<< "$dom" && echo no || echo yes)"
  check "the $page page rendered Chinese text" "$(grep -q '华南汽车制造有限公司' <<< "$dom" && echo yes || echo no)"
done
entries=$(python3 - Tests/Browser/cooperation/cooperation/apprenticeship.md <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n---\n")[0]
lines = text.split("schedule:")[1].split("\n")[1:]
print(sum(1 for line in lines if line.startswith("  - ")) if lines else 0)
PY
)
dom=$(run --dump-dom --virtual-time-budget=3000 "file://$coop/documents/cooperation/apprenticeship.html")
bars=$(grep -o '<rect class="bar bar-[a-z]*"' <<< "$dom" | wc -l)
rows=$(sed -n '/<table class="schedule">/,/<\/table>/p' <<< "$dom" | grep -c '^<tr')
check "the calendar has one bar per schedule entry ($entries entries, found $bars bars)" "$([ "$entries" -gt 0 ] && [ "$bars" -eq "$entries" ] && echo yes || echo no)"
check "the schedule table has one row per entry (found $rows)" "$([ "$rows" -eq "$entries" ] && echo yes || echo no)"
check "the calendar is an image with an accessible name" "$(grep -q '<svg class="chart calendar" role="img" aria-label="第3学期' <<< "$dom" && echo yes || echo no)"
check "the facility states its capacity" "$(grep -q '可同时容纳 48 人' < "$coop/documents/cooperation/facility.html" && echo yes || echo no)"

# The same kinds in the flagship: its apprenticeship plan, employee training and both facilities.
for page in apprenticeship/robot-2026 training/operator-upskill facilities/robot-workstation-lab facilities/hnauto-body-shop-base; do
  name="flagship-$(basename "$page")"
  run --window-size=1280,1800 --screenshot="$shots/$name.png" "file://$site/documents/$page.html" > /dev/null
  check "screenshot of the flagship's $page page" "$([ -s "$shots/$name.png" ] && echo yes || echo no)"
done
flagship_entries=$(grep -c '^  - {semester:' standards/apprenticeship/robot-2026.md)
dom=$(run --dump-dom --virtual-time-budget=3000 "file://$site/documents/apprenticeship/robot-2026.html")
bars=$(grep -o '<rect class="bar bar-[a-z]*"' <<< "$dom" | wc -l)
check "the flagship's calendar has one bar per schedule entry ($flagship_entries entries, found $bars bars)" "$([ "$flagship_entries" -gt 0 ] && [ "$bars" -eq "$flagship_entries" ] && echo yes || echo no)"
check "the flagship's school lab states its capacity" "$(grep -q '可同时容纳 48 人' < "$site/documents/facilities/robot-workstation-lab.html" && echo yes || echo no)"

# The catalogue over many projects (stdkit catalogue, DESIGN §14.3), from a few generated
# school projects: the table shows a row per project, a click on 总学时 sorts by it (largest
# first, then smallest first), the region filter hides the other provinces' rows, and both
# charts have a bar per province and per batch. The clicks and the filter are the page's own
# handlers, run by a script added to a copy of the page, which writes what it saw on <html>.
schools="$work/schools"
python3 - "$schools" <<'PY'
import os, sys
root = sys.argv[1]
schools = [("440100", 2026, 1620), ("440300", 2026, 2780), ("330100", 2025, 2210), ("510100", 2025, 2495), ("110105", 2026, 1980), ("440600", 2025, 2604)]
for number, (region, batch, hours) in enumerate(schools, 1):
    folder = os.path.join(root, "%04d-school" % number)
    os.makedirs(folder)
    with open(os.path.join(folder, "stdkit.yml"), "w", encoding="utf-8") as f:
        f.write("name: 试点学校%d\nlang: zh-CN\npilot: {batch: %d, level: provincial}\nparties:\n  - {id: s%d, name: 第%d职业技术学院, kind: school, region: \"%s\"}\n" % (number, batch, number, number, region))
    practice = hours // 2 + 10
    with open(os.path.join(folder, "programme.md"), "w", encoding="utf-8") as f:
        f.write("---\nid: PROG-%d\nkind: programme\ntitle: 工业机器人技术专业人才培养方案\nmajor: {name: 工业机器人技术, code: \"460305\"}\n"
                "courses:\n  - {id: COURSE-%d, category: professional-core, hours: {theory: %d, practice: %d}, credits: 10}\n---\n\n# 方案\n"
                % (number, number, hours - practice, practice))
PY
ls -d "$schools"/*/ > "$work/schools.txt"
"$stdkit" catalogue --list "$work/schools.txt" -o "$work/catalogue" > /dev/null
catalogue="$work/catalogue"
run --window-size=1400,1000 --screenshot="$shots/catalogue.png" "file://$catalogue/index.html" > /dev/null
check "screenshot of the catalogue" "$([ -s "$shots/catalogue.png" ] && echo yes || echo no)"
cat > "$catalogue/probe.js" <<'JS'
(function () {
  var html = document.documentElement;
  function visible() { return Array.prototype.filter.call(document.querySelectorAll("#catalogue tbody tr"), function (tr) { return !tr.hidden; }); }
  function hours() {
    var column = Array.prototype.findIndex.call(document.querySelectorAll("#catalogue thead th"), function (th) { return th.getAttribute("data-column") === "hours"; });
    return visible().map(function (tr) { return tr.cells[column].textContent.trim(); }).join(",");
  }
  html.setAttribute("data-rows", String(visible().length));
  html.setAttribute("data-hours-initial", hours());
  var button = document.querySelector("#catalogue th[data-column=hours] button");
  button.click();
  html.setAttribute("data-hours-first-click", hours());
  button.click();
  html.setAttribute("data-hours-second-click", hours());
  var province = document.getElementById("filter-province");
  province.value = "44";
  province.dispatchEvent(new Event("change"));
  html.setAttribute("data-rows-guangdong", String(visible().length));
  html.setAttribute("data-count-text", document.getElementById("catalogue-count").textContent);
  html.setAttribute("data-region-bars", String(document.querySelectorAll("#chart-region svg rect.bar").length));
  html.setAttribute("data-batch-bars", String(document.querySelectorAll("#chart-batch svg rect.bar").length));
})();
JS
sed 's|</body>|<script src="probe.js"></script></body>|' "$catalogue/index.html" > "$catalogue/probe.html"
dom=$(run --dump-dom --virtual-time-budget=3000 "file://$catalogue/probe.html")
attribute() { sed -n "s/.*<html[^>]* $1=\"\([^\"]*\)\".*/\1/p" <<< "$dom" | head -1; }
check "no script error on the catalogue" "$(grep -q '<html[^>]*data-script-errors' <<< "$dom" && echo no || echo yes)"
check "the catalogue shows a row per project (6, found $(attribute data-rows))" "$([ "$(attribute data-rows)" = 6 ] && echo yes || echo no)"
check "the rows come in the list's order ($(attribute data-hours-initial))" "$([ "$(attribute data-hours-initial)" = "1620,2780,2210,2495,1980,2604" ] && echo yes || echo no)"
check "a click on 总学时 sorts the largest first ($(attribute data-hours-first-click))" "$([ "$(attribute data-hours-first-click)" = "2780,2604,2495,2210,1980,1620" ] && echo yes || echo no)"
check "a second click sorts the smallest first ($(attribute data-hours-second-click))" "$([ "$(attribute data-hours-second-click)" = "1620,1980,2210,2495,2604,2780" ] && echo yes || echo no)"
check "the region filter keeps Guangdong's 3 rows (found $(attribute data-rows-guangdong))" "$([ "$(attribute data-rows-guangdong)" = 3 ] && echo yes || echo no)"
check "the count says so ($(attribute data-count-text))" "$([ "$(attribute data-count-text)" = "显示 3 / 6 个项目" ] && echo yes || echo no)"
check "the region chart has a bar per province (4, found $(attribute data-region-bars))" "$([ "$(attribute data-region-bars)" = 4 ] && echo yes || echo no)"
check "the batch chart has a bar per batch (2, found $(attribute data-batch-bars))" "$([ "$(attribute data-batch-bars)" = 2 ] && echo yes || echo no)"
# The upstream standard (DESIGN §14.1), once the flagship declares one: the first reference into
# it on the programme's page leads to a page of the upstream's section bearing its badge.
if grep -q '^upstream:' standards/stdkit.yml; then
  programme="documents/programme/robot-technology-460305.html"
  dom=$(run --dump-dom --virtual-time-budget=3000 "file://$site/$programme")
  href=$(grep -o '<a class="ref" href="[^"]*upstream/[^"]*"' <<< "$dom" | head -1 | sed 's/.*href="\([^"]*\)"/\1/')
  check "the programme's page links into the upstream (found ${href:-no link})" "$([ -n "$href" ] && echo yes || echo no)"
  if [ -n "$href" ]; then
    target=$(python3 -c 'import posixpath, sys, urllib.parse; page, href = sys.argv[1:]; print(posixpath.normpath(posixpath.join(posixpath.dirname(page), urllib.parse.unquote(href.split("#")[0]))))' "$programme" "$href")
    run --window-size=1280,1600 --screenshot="$shots/upstream.png" "file://$site/$target" > /dev/null
    dom=$(run --dump-dom --virtual-time-budget=3000 "file://$site/$target")
    check "the reference into the upstream lands on $target, badged 上游标准" "$(grep -q '<span class="badge upstream">上游标准 ' <<< "$dom" && echo yes || echo no)"
    check "no script error on the upstream's page" "$(grep -q '<html[^>]*data-script-errors' <<< "$dom" && echo no || echo yes)"
  fi
else
  echo "  note: standards/stdkit.yml declares no upstream yet: the upstream page check is skipped"
fi

# The Word export (DESIGN §15): the flagship programme with its courses as a .docx, converted to
# PDF by LibreOffice, its first two pages rendered beside the screenshots. A file LibreOffice
# cannot convert fails the test.
soffice_bin=$(command -v soffice || command -v libreoffice || true)
if [ -n "$soffice_bin" ] && command -v pdftoppm > /dev/null; then
  "$stdkit" export standards --format docx -o "$work/flagship.docx" > /dev/null
  timeout 180 "$soffice_bin" -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work" "$work/flagship.docx" > /dev/null 2>&1 || true
  check "LibreOffice converts the exported .docx to PDF" "$([ -s "$work/flagship.pdf" ] && echo yes || echo no)"
  if [ -s "$work/flagship.pdf" ]; then
    pdftoppm -r 60 -png -f 1 -l 2 "$work/flagship.pdf" "$shots/docx-page"
    check "the first two pages of the .docx rendered to PNG" "$(ls "$shots"/docx-page-*.png 2> /dev/null | wc -l | grep -qx 2 && echo yes || echo no)"
  fi
else
  echo "  note: soffice or pdftoppm is missing (make deps installs them): the Word export pages are skipped"
fi

if [ "$failures" -gt 0 ]; then
  echo "browser test: $failures check(s) failed; its site, exports and screenshots are in $work"
  exit 1
fi
# The screenshots go where the serve test puts its own (untracked); the rest of the work folder
# is kept only when a check failed (above), for a look at what the browser saw.
kept="${SCREENSHOTS:-.build/screenshots}/browser"
rm -rf "$kept" && mkdir -p "$kept" && cp -R "$shots"/. "$kept"/
rm -rf "$work"
echo "browser test: every check holds; screenshots in $kept"
