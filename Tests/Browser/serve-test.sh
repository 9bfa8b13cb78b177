#!/usr/bin/env bash
# `stdkit serve` in a real browser: headless Chromium driven by Selenium (Debian's
# python3-selenium and chromium-driver) edits a copy of the flagship through the editor — an item's
# statement saved, a planted unresolved reference seen in the editor, on the page and on the problems
# page, a file changed on disk meanwhile merged, two browsers on one document, a new course, a
# commit, a session without the token refused, a page reloaded live. Tests/Browser/serve-test.py does
# the steps; screenshots go to .build/screenshots/serve-*.png (untracked, so that a test run leaves
# the work tree as it was), or to $SCREENSHOTS: `make screenshot-serve` renews the kept ones in
# Tests/Browser/screenshots.
# Usage: Tests/Browser/serve-test.sh [STDKIT]   (run from the repository's top folder)
set -euo pipefail
stdkit=$(realpath "${1:-.build/debug/stdkit}")
chromium=$(command -v chromium || command -v chromium-browser || true)
chromedriver=$(command -v chromedriver || { [ -x /usr/bin/chromedriver ] && echo /usr/bin/chromedriver; } || true)
if [ -z "$chromium" ] || [ -z "$chromedriver" ]; then
  echo "serve test skipped: chromium or chromedriver is not installed (make deps installs chromium and chromium-driver)"
  exit 0
fi
# Debian's Python packages belong to Debian's Python, whatever python3 comes first on PATH.
python=/usr/bin/python3
if ! "$python" -c 'import selenium' 2> /dev/null; then
  echo "serve test skipped: $python has no selenium (make deps installs python3-selenium)"
  exit 0
fi
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/stdkit-serve.XXXXXX)
# The Python script kills the server it started; should the script itself be killed, the server's
# process ids are in the work folder and are ended here.
cleanup() {
  for pid in "$work"/*.pid; do
    if [ -s "$pid" ]; then kill "$(cat "$pid")" 2> /dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
"$python" "$here/serve-test.py" --stdkit "$stdkit" --chromium "$chromium" --chromedriver "$chromedriver" \
  --project standards --work "$work" --screenshots "${SCREENSHOTS:-.build/screenshots}"
