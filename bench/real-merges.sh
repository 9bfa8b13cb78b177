#!/usr/bin/env bash
# Replays every case of ../shared/corpora/real-merges (real three-way merges of Markdown files
# from MicrosoftDocs repositories, CC BY 4.0) with git merge-file --diff3 and with stdkit merge,
# and compares. Usage: bench/real-merges.sh [--lines]   (from the repository's top folder)
#                     STDKIT=path/to/stdkit bench/real-merges.sh   (skips the release build)
set -uo pipefail
corpus=../shared/corpora/real-merges/cases
[ -d "$corpus" ] || { echo "skipped: $corpus is absent"; exit 0; }
mode=${1:-}
stdkit=$("$(dirname "$0")/stdkit-release.sh" bench/real-merges.sh) || exit 2
work=$(mktemp -d /tmp/stdkit-real-merges.XXXXXX)
total=0; crashes=0; git_clean=0; stdkit_clean=0; same_as_git_when_clean=0; differs_when_git_clean=0
stdkit_only_clean=0; stdkit_only_clean_equals_merged=0; lost=0
for case in "$corpus"/*/; do
  name=$(basename "$case")
  total=$((total + 1))
  cp "$case/base.md" "$case/ours.md" "$case/theirs.md" "$work/"
  ( cd "$work" && git merge-file --diff3 -p ours.md base.md theirs.md > git.out 2>/dev/null ); git_status=$?
  ( cd "$work" && "$stdkit" merge $mode base.md ours.md theirs.md > stdkit.out 2>/dev/null ); status=$?
  if [ "$status" -gt 1 ]; then crashes=$((crashes + 1)); echo "crash: $name (status $status)"; continue; fi
  [ "$git_status" -eq 0 ] && git_clean=$((git_clean + 1))
  [ "$status" -eq 0 ] && stdkit_clean=$((stdkit_clean + 1))
  if [ "$git_status" -eq 0 ]; then
    if cmp -s "$work/git.out" "$work/stdkit.out"; then same_as_git_when_clean=$((same_as_git_when_clean + 1));
    else differs_when_git_clean=$((differs_when_git_clean + 1)); echo "differs from git's clean merge: $name"; fi
  elif [ "$status" -eq 0 ]; then
    stdkit_only_clean=$((stdkit_only_clean + 1))
    cmp -s "$case/merged.md" "$work/stdkit.out" && stdkit_only_clean_equals_merged=$((stdkit_only_clean_equals_merged + 1))
  fi
  if [ "$status" -ne 0 ] && [ "$git_status" -ne 0 ] && ! cmp -s "$work/git.out" "$work/stdkit.out"; then
    echo "conflicted differently from git: $name"
  fi
done
echo
echo "| cases | crashes | git clean | stdkit clean | same as git where git is clean | differs where git is clean | clean only with stdkit | of those equal to the committed merge |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
echo "| $total | $crashes | $git_clean | $stdkit_clean | $same_as_git_when_clean | $differs_when_git_clean | $stdkit_only_clean | $stdkit_only_clean_equals_merged |"
rm -rf "$work"
