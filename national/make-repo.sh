#!/bin/sh
# make-repo.sh DEST — build the national project's own git repository for the standard
# 高等职业学校工业机器人技术专业教学标准 (460305) in DEST, with its two releases:
#
#   commit 1  the content of ../standards/vendor/ns-460305   tagged v2025.1
#   commit 2  the content of ./ns-460305                     tagged v2026.1
#
# The author, committer, tagger and dates are fixed, so the same content gives the same
# commit and tag hashes on every machine: the repository is a fixture a school's project can
# follow (`stdkit upstream diff v2025.1..v2026.1 --repo DEST`), not a history of anyone's work.
# Paths are taken relative to this script, so it runs from any current directory.
set -eu

usage() {
    echo "usage: sh national/make-repo.sh DEST   (DEST: a new or empty folder)" >&2
    exit 2
}
[ "$#" -eq 1 ] || usage
[ -n "$1" ] || usage
dest=$1

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
v2025="$here/../standards/vendor/ns-460305"
v2026="$here/ns-460305"
for source in "$v2025" "$v2026"; do
    if [ ! -f "$source/stdkit.yml" ]; then
        echo "make-repo.sh: $source/stdkit.yml is missing: run the script from a complete checkout" >&2
        exit 1
    fi
done

# Never overwrite: DEST must not exist yet, or be an empty folder.
if [ -e "$dest" ] || [ -L "$dest" ]; then
    if [ ! -d "$dest" ]; then
        echo "make-repo.sh: $dest exists and is not a folder; give a new or empty folder" >&2
        exit 1
    fi
    if [ -n "$(ls -A -- "$dest")" ]; then
        echo "make-repo.sh: $dest is not empty; refusing to overwrite it (remove it or give another folder)" >&2
        exit 1
    fi
fi
mkdir -p -- "$dest"
dest=$(CDPATH= cd -- "$dest" && pwd)

# The identity of the national project's maintainer, for every commit and tag.
GIT_AUTHOR_NAME='全国机械职业教育教学指导委员会'
GIT_AUTHOR_EMAIL='ns-460305@example.invalid'
GIT_COMMITTER_NAME=$GIT_AUTHOR_NAME
GIT_COMMITTER_EMAIL=$GIT_AUTHOR_EMAIL
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL

# git with the settings that could change a hash or stop a commit pinned, whatever the
# user's own configuration says.
g() {
    git -C "$dest" -c core.autocrlf=false -c core.fileMode=true -c commit.gpgSign=false \
        -c tag.gpgSign=false -c core.hooksPath=/dev/null "$@"
}

# Replace the work tree of DEST (all but .git) with the content of folder $1.
load() {
    find "$dest" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
    cp -R "$1/." "$dest/"
    rm -rf "$dest/_site"
}

# release TAG DATE FOLDER MESSAGE TAG-MESSAGE
release() {
    load "$3"
    GIT_AUTHOR_DATE=$2
    GIT_COMMITTER_DATE=$2
    export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
    g add -A .
    g commit -q -m "$4"
    g tag -a "$1" -m "$5"
}

git -c init.defaultBranch=main init -q "$dest"

release v2025.1 '2025-02-28T10:00:00+08:00' "$v2025" \
    '高等职业学校工业机器人技术专业教学标准（2025 年版）

按 2025 年版专业教学标准体例编写：培养规格 S1—S14，专业核心课程六门及其参考学时，
总学时一般为 2600 学时。' \
    'v2025.1 — 高等职业学校工业机器人技术专业教学标准（2025 年版），标准 1.0.0'

release v2026.1 '2026-11-20T10:00:00+08:00' "$v2026" \
    '修订：改写 S7，新增核心课程工业机器人数字孪生与虚拟调试，总学时提高到 2700

- 培养规格 S7 增加协作机器人人机协作应用和视觉引导定位抓取（编号不变）；
- 新增专业核心课程 COURSE-NS-DIGITAL-TWIN（参考学时 48，理论 16、实践 32）；
- 总学时一般为 2600 学时改为一般为 2700 学时。
标准 1.0.0 → 1.1.0，见 CHANGELOG.md。' \
    'v2026.1 — 高等职业学校工业机器人技术专业教学标准 2026 年修订，标准 1.1.0（见 CHANGELOG.md）'

echo "made $dest: main at v2026.1 ($(g rev-parse --short v2026.1^{commit})), v2025.1 ($(g rev-parse --short v2025.1^{commit}))"
