#!/usr/bin/env bash
# A real editor on `stdkit lsp`: headless Neovim, its built-in LSP client, on a copy of the flagship
# (Tests/Editors/neovim-test.lua does the steps: a planted error and its diagnostic, positions after
# Chinese text and an emoji, completion after `→ JOB-`, go to definition, rename). Run twice: in
# UTF-16, what Neovim 0.7 speaks without being asked, and in UTF-8, offered through
# `positionEncodings`. After each run: the server has exited once Neovim died without a `shutdown`,
# and `stdkit check` finds in the renamed copy exactly what it finds in the flagship.
# Usage: Tests/Editors/neovim-test.sh [STDKIT]   (run from the repository's top folder)
set -euo pipefail
stdkit=$(realpath "${1:-.build/debug/stdkit}")
if ! command -v nvim > /dev/null; then
  echo "neovim test skipped: nvim is not installed (make deps installs it)"
  exit 0
fi
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/stdkit-neovim.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check DESCRIPTION CONDITION-RESULT
  if [ "$2" = "yes" ]; then echo "  ok: $1"; else echo "  FAILED: $1"; failures=$((failures + 1)); fi
}
echo "neovim test: $(nvim --version | head -1) with $stdkit lsp"

# What the check says of the flagship, its folder's name taken out, to compare with the renamed copy.
cp -R standards "$work/pristine"
"$stdkit" check --color never "$work/pristine" 2>&1 | sed "s|$work/pristine/||g; s|^pristine/||" > "$work/pristine.txt" || true

for encoding in utf-16 utf-8; do
  project="$work/$encoding"
  cp -R standards "$project"
  status=0
  # The global timeout: Neovim is killed if a step hangs past every wait of its own.
  (cd "$project" && STDKIT="$stdkit" STDKIT_PROJECT="$project" STDKIT_ENCODING="$encoding" STDKIT_PIDFILE="$work/server.pid" \
    timeout --kill-after=5 120 nvim --headless --clean -u NONE \
      -c "lua local ok, e = pcall(dofile, '$here/neovim-test.lua'); io.stderr:write(tostring(e) .. '\\n'); os.exit(2)" \
      < /dev/null 2> "$work/nvim-stderr.txt") || status=$?
  if [ "$status" -ne 0 ]; then
    check "Neovim's steps in $encoding (exit status $status)" no
    [ -s "$work/nvim-stderr.txt" ] && sed 's/^/    nvim: /' "$work/nvim-stderr.txt" | head -20
    [ "$status" -eq 124 ] && echo "    Neovim was killed after 120 s"
  fi
  # Neovim ended with os.exit, sending no shutdown: the server sees its input close and must go.
  if [ -s "$work/server.pid" ]; then
    pid=$(cat "$work/server.pid")
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2> /dev/null; then
      check "the server (pid $pid) exits when Neovim dies" no
      kill "$pid" 2> /dev/null || true
    else
      check "the server exits when Neovim dies ($encoding run)" yes
    fi
    rm -f "$work/server.pid"
  fi
  "$stdkit" check --color never "$project" 2>&1 | sed "s|$project/||g; s|^$encoding/||" > "$work/renamed.txt" || true
  if diff -u "$work/pristine.txt" "$work/renamed.txt" > "$work/check.diff"; then
    check "stdkit check finds in the renamed copy what it finds in the flagship ($(wc -l < "$work/pristine.txt") lines)" yes
  else
    check "stdkit check finds in the renamed copy what it finds in the flagship" no
    head -20 "$work/check.diff" | sed 's/^/    /'
  fi
  check "the rename reached the files on disk (JOB-ROBOT-OPERATOR#R60 in $(grep -rl 'JOB-ROBOT-OPERATOR#R60' "$project" | wc -l) files)" \
    "$(grep -rq 'JOB-ROBOT-OPERATOR#R60' "$project" && ! grep -rqE 'JOB-ROBOT-OPERATOR#R6([^0-9A-Za-z-]|$)' "$project" && echo yes || echo no)"
done

# The Neovim 0.7 set-up docs/editors.md gives, taken from the page as it is and used as init.lua
# with `stdkit` first on PATH: opening a course starts the server, rooted at the project's folder,
# and attaches it to the buffer (Neovim prints the client's root and whether it is initialized).
awk '/^\*\*0\.7\*\*/ { found = 1 } found && /^```lua$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' \
  docs/editors.md > "$work/init.lua"
mkdir -p "$work/bin" && ln -sf "$stdkit" "$work/bin/stdkit"
attached=$(cd "$work/pristine" && PATH="$work/bin:$PATH" timeout --kill-after=5 60 nvim --headless -i NONE -u "$work/init.lua" \
  -c 'lua vim.wait(10000, function() local c = vim.lsp.buf_get_clients(0)[1]; return c ~= nil and c.initialized end, 20); local c = vim.lsp.buf_get_clients(0)[1]; io.stdout:write(c and (c.name .. " " .. c.config.root_dir .. " " .. tostring(c.initialized)) or "none"); os.exit(0)' \
  courses/professional-core/robot-programming.md < /dev/null 2> /dev/null || true)
check "docs/editors.md's Neovim 0.7 set-up ($(wc -l < "$work/init.lua") lines) attaches stdkit lsp to a course, rooted at the project (got: ${attached:-nothing})" \
  "$([ "$attached" = "stdkit $work/pristine true" ] && echo yes || echo no)"

if [ "$failures" -gt 0 ]; then
  echo "neovim test: $failures check(s) failed"
  exit 1
fi
echo "neovim test: all checks passed"
