#!/usr/bin/env bash
# Prints the path of the stdkit a benchmark measures: $STDKIT when set, else the release build,
# made first (through the shared build lock where the machine has one). Exits 2 when it does not run.
# Usage: stdkit=$(bench/stdkit-release.sh NAME)   NAME: the calling script, for messages.
set -euo pipefail
name=${1:-bench}
top=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${STDKIT:-}" ]; then
  stdkit=$(realpath "$STDKIT")
else
  # As `make release` builds it: the Swift runtime and Foundation linked in (Makefile, RELEASE_FLAGS).
  build=(swift build -c release --static-swift-stdlib)
  if command -v flock > /dev/null && [ -e /tmp/stdkit-build.lock ]; then build=(flock /tmp/stdkit-build.lock "${build[@]}"); fi
  (cd "$top" && "${build[@]}" 2>&1 | tail -1) >&2
  stdkit=$top/.build/release/stdkit
fi
"$stdkit" --version > /dev/null || { echo "$name: $stdkit does not run" >&2; exit 2; }
echo "$stdkit"
