#!/usr/bin/python3
"""A screenshot of Neovim showing a diagnostic of `stdkit lsp` on the flagship, with no X server.

Neovim runs embedded (`nvim --embed`); this script attaches to it as its UI over msgpack-RPC
(pynvim, Debian's python3-pynvim), so Neovim sends its screen as a grid of cells with their
highlights (the `ext_linegrid` UI protocol), exactly what a terminal or a GUI would draw. The
grid becomes an HTML page of fixed-size cells (a Chinese character takes two, as in a
terminal), and headless Chromium screenshots the page.

Usage: Tests/Editors/neovim-screenshot.py STDKIT OUT.png   (run from the repository's top folder)
Run by /usr/bin/python3, where Debian installs pynvim (a python3 earlier on PATH may lack it).
"""

import html
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pynvim

COLUMNS, ROWS = 110, 26
CELL_WIDTH, CELL_HEIGHT = 10, 20

# Run inside Neovim: start the server, open the course, type a reference to a requirement the
# job profile does not have. The diagnostic arrives later (sign, underline, virtual text); the
# script waits for it outside this request, then opens the float of `vim.diagnostic.open_float`
# (a wait inside a request from the UI does not see the server's messages arrive).
SCENE = r"""
local stdkit, root = ...
vim.o.termguicolors = true
vim.o.background = "dark"
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.wrap = false
vim.o.laststatus = 2
vim.o.ruler = true
vim.o.showmode = false
vim.cmd("highlight Normal guibg=#1e1e2e guifg=#cdd6f4")
vim.cmd("highlight NormalFloat guibg=#313244 guifg=#cdd6f4")
vim.cmd("highlight FloatBorder guibg=#313244 guifg=#89b4fa")
vim.cmd("cd " .. vim.fn.fnameescape(root))
vim.diagnostic.config({ virtual_text = true, underline = true, signs = true, float = { border = "rounded", source = "always" } })
_G.stdkit_diagnostic = false
local id = vim.lsp.start_client({
  name = "stdkit", cmd = { stdkit, "lsp" }, root_dir = root,
  handlers = { ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
    for _, d in ipairs(result.diagnostics) do
      if d.code == "unresolved-reference" then _G.stdkit_diagnostic = true end
    end
    return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end },
})
vim.cmd("edit courses/professional-core/robot-programming.md")
local buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buffer, id)
local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
for number, line in ipairs(lines) do
  local at = line:find("JOB-ROBOT-OPERATOR#R3,", 1, true)
  if line:find("^%- %*%*LO1%*%*") and at then
    vim.api.nvim_buf_set_text(buffer, number - 1, at - 1 + #"JOB-ROBOT-OPERATOR#", number - 1, at - 1 + #"JOB-ROBOT-OPERATOR#R3", { "R9" })
    vim.api.nvim_win_set_cursor(0, { number, at - 1 })
    vim.cmd("normal! zt")
    vim.cmd("normal! 6\x19")
    vim.api.nvim_win_set_cursor(0, { number, at - 1 })
    break
  end
end
vim.bo[buffer].modified = false
"""


class Screen:
    """The grid Neovim draws (grid 1 is the whole screen with `ext_linegrid` and no multigrid)."""

    def __init__(self):
        self.cells = [[(" ", 0)] * COLUMNS for _ in range(ROWS)]
        self.highlights = {0: {}}
        self.foreground, self.background = 0xCDD6F4, 0x1E1E2E
        self.flushed = False

    def apply(self, name, args):
        if name == "default_colors_set":
            foreground, background = args[0], args[1]
            if foreground >= 0:
                self.foreground = foreground
            if background >= 0:
                self.background = background
        elif name == "hl_attr_define":
            self.highlights[args[0]] = args[1]
        elif name == "grid_clear":
            self.cells = [[(" ", 0)] * COLUMNS for _ in range(ROWS)]
        elif name == "grid_line":
            _, row, column, cells = args[:4]
            highlight = 0
            for cell in cells:
                text = cell[0]
                if len(cell) > 1:
                    highlight = cell[1]
                repeat = cell[2] if len(cell) > 2 else 1
                for _ in range(repeat):
                    if column < COLUMNS:
                        self.cells[row][column] = (text, highlight)
                    column += 1
        elif name == "grid_scroll":
            _, top, bottom, left, right, rows, _ = args
            old = [list(row) for row in self.cells]
            for row in range(top, bottom):
                source = row + rows
                if top <= source < bottom:
                    self.cells[row][left:right] = old[source][left:right]
        elif name == "flush":
            self.flushed = True

    def html(self):
        def colour(value):
            return "#%06x" % value

        rows = []
        for row in self.cells:
            spans = []
            column = 0
            while column < COLUMNS:
                text, highlight = row[column]
                width = 2 if column + 1 < COLUMNS and row[column + 1][0] == "" else 1
                attributes = self.highlights.get(highlight, {})
                foreground = attributes.get("foreground", self.foreground)
                background = attributes.get("background", self.background)
                if attributes.get("reverse"):
                    foreground, background = background, foreground
                style = "width:%dpx;color:%s;background:%s" % (width * CELL_WIDTH, colour(foreground), colour(background))
                if attributes.get("bold"):
                    style += ";font-weight:bold"
                if attributes.get("italic"):
                    style += ";font-style:italic"
                if attributes.get("undercurl") or attributes.get("underline"):
                    special = attributes.get("special", foreground)
                    line = "wavy" if attributes.get("undercurl") else "solid"
                    style += ";text-decoration:underline %s %s" % (line, colour(special))
                spans.append('<span style="%s">%s</span>' % (style, html.escape(text or " ")))
                column += width
            rows.append('<div class="row">%s</div>' % "".join(spans))
        return """<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: %s; }
.row { height: %dpx; line-height: %dpx; white-space: pre; display: flex; }
.row span { display: inline-block; overflow: hidden; text-align: center;
  font: 16px "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; }
</style>%s""" % (colour(self.background), CELL_HEIGHT, CELL_HEIGHT, "\n".join(rows))


def main():
    stdkit, output = os.path.realpath(sys.argv[1]), os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="stdkit-nvim-shot.")
    try:
        root = os.path.join(work, "standards")
        shutil.copytree("standards", root)
        nvim = pynvim.attach("child", argv=["nvim", "--embed", "--clean", "-u", "NONE", "-n"])
        screen = Screen()
        nvim.ui_attach(COLUMNS, ROWS, ext_linegrid=True, rgb=True)
        nvim.exec_lua(SCENE, stdkit, root)
        deadline = time.monotonic() + 20
        while not nvim.exec_lua("return _G.stdkit_diagnostic") and time.monotonic() < deadline:
            time.sleep(0.1)
        if not nvim.exec_lua("return _G.stdkit_diagnostic"):
            print("neovim screenshot: no unresolved-reference diagnostic arrived", file=sys.stderr)
            return 1
        nvim.exec_lua('vim.diagnostic.open_float(nil, { scope = "cursor" })')
        # Every screen update since the start is queued in order; `redraw!` draws the whole
        # screen once more, and the notification sent after it marks the end of the queue: the
        # grid is then what Neovim shows. The alarm ends a wait that never sees it.
        nvim.command("redraw!", async_=True)
        nvim.command("call rpcnotify(%d, 'stdkit_screen_done')" % nvim.channel_id, async_=True)
        signal.alarm(60)
        while True:
            kind, name, args = nvim.next_message()
            if name == "stdkit_screen_done":
                break
            if kind == "notification" and name == "redraw":
                for event in args:
                    for call in event[1:]:
                        screen.apply(event[0], call)
        signal.alarm(0)
        nvim.command("qall!", async_=True)
        nvim.close()
        page = os.path.join(work, "screen.html")
        with open(page, "w", encoding="utf-8") as file:
            file.write(screen.html())
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=%d,%d" % (COLUMNS * CELL_WIDTH, ROWS * CELL_HEIGHT),
                        "--screenshot=%s" % output, "file://" + page],
                       check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print("neovim screenshot: %s" % output)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
