#!/usr/bin/env bash
# A school and an enterprise revise the same standard on two branches, at the same time:
# both add outcomes to the course, the school edits its hours, the enterprise rewords a
# requirement, and both retitle the course differently — the one true conflict. stdkit's merge
# driver merges the rest and confines the conflict to that one front-matter key. (Neither sets
# `status: approved`: that needs both parties' `stdkit approve`, which the check enforces.)
# Usage: examples/review-cycle/run.sh [STDKIT]   (from the repository's top folder)
set -euo pipefail
stdkit=$(cd "$(dirname "${1:-.build/debug/stdkit}")" && pwd)/$(basename "${1:-.build/debug/stdkit}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/stdkit-review-cycle.XXXXXX)
cp -R "$here/project/." "$work/"
cd "$work"
git() { command git -c user.name="${GIT_USER:-示例}" -c user.email=example@example.invalid -c init.defaultBranch=main "$@"; }
git init -q
"$stdkit" git install --stdkit "$stdkit" > /dev/null
git add . && git commit -q -m "共同起草"
echo "== the base revision checks clean"
"$stdkit" check

echo "== the enterprise rewords R2 and adds an outcome it wants taught"
git checkout -q -b enterprise
sed -i 's/能设置焊接电流与电压并判断焊缝质量。/能设置焊接电流、电压与焊接速度并判断焊缝成形质量。/' jobs/welding.md
sed -i 's/^version: 1.0.0/version: 1.0.1/' jobs/welding.md
sed -i 's/^- \*\*LO2\*\* 能调整焊接参数 → JOB-WELD#R2 {level=3}/&\n- **LO3** 能执行焊接安全防护 → JOB-WELD#R1 {level=2}/' courses/welding-robot.md
sed -i 's/^status: draft/status: review/; s/^title: 焊接机器人工艺与编程/title: 焊接机器人编程与调试/' courses/welding-robot.md
git commit -q -am "企业：改写 R2，建议增加 LO3"

echo "== the school adds its own outcome, changes the hours, and retitles the course"
git checkout -q main
sed -i 's/^- \*\*LO2\*\* 能调整焊接参数 → JOB-WELD#R2 {level=3}/&\n- **LO3** 能完成焊枪清理与导电嘴更换 → JOB-WELD#R1 {level=3}/' courses/welding-robot.md
sed -i 's/hours: {theory: 16, practice: 32}/hours: {theory: 16, practice: 40}/; s/{hours=48}/{hours=56}/' courses/welding-robot.md
sed -i 's/^title: 焊接机器人工艺与编程/title: 焊接机器人示教与离线编程/' courses/welding-robot.md
git commit -q -am "学校：增加 LO3，调整学时"

echo "== merging the enterprise's branch into the school's"
git merge --no-edit enterprise || true
echo
echo "== the merged course: both LO3 kept (theirs renumbered), hours and R2's rewording merged, one conflict"
cat courses/welding-robot.md
echo
echo "== what git reports"
git status --short
echo "project left in $work"
