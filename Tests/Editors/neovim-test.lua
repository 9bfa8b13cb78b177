-- Neovim's own LSP client against `stdkit lsp`, on a copy of the flagship (Tests/Editors/neovim-test.sh
-- makes the copy and starts `nvim --headless --clean -u NONE` with `dofile` of this file).
--
-- Written to the client API of Neovim 0.7 (Debian 12), which has no `vim.lsp.start` and sends no
-- `positionEncodings` of its own: `vim.lsp.start_client` + `vim.lsp.buf_attach_client`, and the
-- encoding offered through `capabilities.general.positionEncodings` when STDKIT_ENCODING asks for
-- one. The same calls work on 0.8 and later.
--
-- Every step prints one line, "ok: …" or "FAILED: …"; any failure, an error in this script or
-- a request that times out ends Neovim with exit status 1. Expected values come from the
-- flagship's files as they are on disk (the line of an item, its id, a job profile's title), so
-- a wrong line, a wrong column or a missing id shows, and a change of the flagship does not.
--
-- Environment: STDKIT (the binary), STDKIT_PROJECT (the copy), STDKIT_ENCODING (utf-16, the
-- default, sends no positionEncodings, as Neovim 0.7 does; utf-8 offers it and expects the server
-- to choose it), STDKIT_PIDFILE (where the server's process id is written for the shell script,
-- which then checks that the server exits when Neovim dies).

local stdkit = assert(os.getenv("STDKIT"), "STDKIT is not set")
local root = assert(os.getenv("STDKIT_PROJECT"), "STDKIT_PROJECT is not set")
local encoding = os.getenv("STDKIT_ENCODING") or "utf-16"
local pidfile = os.getenv("STDKIT_PIDFILE")
local timeout = 10000

local failures = 0

local function say(line)
  io.stdout:write("  [" .. encoding .. "] " .. line .. "\n")
  io.stdout:flush()
end

local function check(description, condition, detail)
  if condition then
    say("ok: " .. description)
  else
    failures = failures + 1
    say("FAILED: " .. description .. (detail and (" — " .. detail) or ""))
  end
  return condition
end

-- Ends Neovim: exit status 1 after any failure. `os.exit` rather than `:qa`, so that the server
-- sees its standard input close without a `shutdown` (the shell script checks that it exits).
local function finish()
  io.stdout:flush()
  os.exit(failures == 0 and 0 or 1)
end

local function fail(description, detail)
  check(description, false, detail)
  finish()
end

-- The lines of a file of the project, from disk.
local function read_lines(path)
  local file = assert(io.open(path, "r"))
  local lines = {}
  for line in file:lines() do
    lines[#lines + 1] = line
  end
  file:close()
  return lines
end

-- The 1-based number of the first line matching a Lua pattern, and the line.
local function find_line(lines, pattern)
  for number, line in ipairs(lines) do
    if line:find(pattern) then
      return number, line
    end
  end
  return nil
end

-- A column in the position encoding in use, from a 0-based byte index into a line.
local function lsp_column(line, byte)
  if encoding == "utf-8" then
    return byte
  end
  local utf32, utf16 = vim.str_utfindex(line, byte)
  return encoding == "utf-16" and utf16 or utf32
end

local function describe(value)
  return vim.inspect(value, { newline = " ", indent = "" })
end

-- Every publishDiagnostics the server sends, by URI, counted so a step can wait for a new one.
local published = {}
local publications = 0
local function on_publish(err, result, ctx, config)
  publications = publications + 1
  published[result.uri] = { diagnostics = result.diagnostics, serial = publications }
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

-- Starting the server.
local capabilities = vim.lsp.protocol.make_client_capabilities()
if encoding ~= "utf-16" then
  capabilities.general = { positionEncodings = { encoding } }
end
local negotiated = nil
local client_id = vim.lsp.start_client({
  name = "stdkit",
  cmd = { stdkit, "lsp" },
  root_dir = root,
  capabilities = capabilities,
  offset_encoding = encoding,
  flags = { debounce_text_changes = 20 },
  handlers = { ["textDocument/publishDiagnostics"] = on_publish },
  on_init = function(client, result)
    negotiated = (result.capabilities or {}).positionEncoding or "utf-16"
  end,
})
if not client_id then
  fail("Neovim starts `" .. stdkit .. " lsp`")
end
if not vim.wait(timeout, function() return negotiated ~= nil end, 20) then
  fail("the server answers initialize within " .. timeout / 1000 .. " s")
end
local client = vim.lsp.get_client_by_id(client_id)
check("initialize: the server chose " .. encoding .. " (positionEncoding " .. tostring(negotiated) .. ")",
  negotiated == encoding)
if pidfile and client.rpc.pid then
  local file = assert(io.open(pidfile, "w"))
  file:write(tostring(client.rpc.pid))
  file:close()
end

-- Opens a file of the project in a buffer attached to the server.
local function open(relative)
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. relative))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)
  return buffer
end

local function uri_of(buffer)
  return vim.uri_from_bufnr(buffer)
end

-- Waits for a publication for the buffer newer than `after` that satisfies `accept`.
local function wait_for_diagnostics(buffer, after, accept)
  local uri = uri_of(buffer)
  local ok = vim.wait(timeout, function()
    local entry = published[uri]
    return entry ~= nil and entry.serial > after and accept(entry.diagnostics)
  end, 10)
  return ok, published[uri] and published[uri].diagnostics or nil
end

local function with_code(diagnostics, code)
  local found = {}
  for _, diagnostic in ipairs(diagnostics or {}) do
    if diagnostic.code == code then
      found[#found + 1] = diagnostic
    end
  end
  return found
end

-- The findings as "code@line:character", sorted, to compare one publication with another.
local function signature(diagnostics)
  local parts = {}
  for _, diagnostic in ipairs(diagnostics or {}) do
    parts[#parts + 1] = string.format("%s@%d:%d", tostring(diagnostic.code), diagnostic.range.start.line,
      diagnostic.range.start.character)
  end
  table.sort(parts)
  return table.concat(parts, " ")
end

local function request(buffer, method, params)
  local responses, reason = vim.lsp.buf_request_sync(buffer, method, params, timeout)
  if not responses then
    fail(method .. " is answered within " .. timeout / 1000 .. " s", tostring(reason))
  end
  local response = responses[client_id] or {}
  return response.result, response.error
end

-- The course and the job profile the steps work on, and their lines on disk.
local course_path = "courses/professional-core/robot-programming.md"
local job_path = "jobs/robot-system-operator.md"
local job_id = "JOB-ROBOT-OPERATOR"
local course_lines = read_lines(root .. "/" .. course_path)
local job_lines = read_lines(root .. "/" .. job_path)
local outcome_number, outcome_line = find_line(course_lines, "^%- %*%*LO1%*%* .*→ " .. job_id:gsub("%-", "%%-") .. "#R3,")
if not outcome_number then
  fail("the flagship's " .. course_path .. " has the outcome LO1 → " .. job_id .. "#R3")
end
local requirement_number = find_line(job_lines, "^%- %*%*R3%*%* ")
if not requirement_number then
  fail("the flagship's " .. job_path .. " has the requirement R3")
end

-- 1. Open the course: its findings arrive (the flagship is clean of errors).
local course = open(course_path)
local opened, baseline = wait_for_diagnostics(course, 0, function() return true end)
check("diagnostics published for " .. course_path .. " after didOpen (" .. #(baseline or {}) .. " findings)", opened)
check("no error in the flagship's course", opened and #vim.tbl_filter(function(d) return d.severity == 1 end, baseline) == 0,
  describe(baseline))
local baseline_signature = signature(baseline)

-- 2. A planted error, typed into the buffer (didChange): a reference to a requirement the job
-- profile does not have, after Chinese text on the same line.
local row = outcome_number - 1
local start_byte = outcome_line:find(job_id .. "#R3,", 1, true) - 1
local item_byte = start_byte + #job_id + 1 -- the "R3" after "#"
local mark = publications
vim.api.nvim_buf_set_text(course, row, item_byte, row, item_byte + 2, { "R99" })
local planted_line = vim.api.nvim_buf_get_lines(course, row, row + 1, true)[1]
local got, diagnostics = wait_for_diagnostics(course, mark, function(list)
  return #with_code(list, "unresolved-reference") > 0
end)
local unresolved = with_code(diagnostics, "unresolved-reference")
if check("a reference to " .. job_id .. "#R99 typed in gives one unresolved-reference finding", got and #unresolved == 1,
  describe(diagnostics)) then
  local range = unresolved[1].range
  local expected = lsp_column(planted_line, start_byte)
  check(string.format("it stands on line %d, %s column %d, where the reference starts (got line %d, column %d)",
    row, encoding, expected, range.start.line, range.start.character),
    range.start.line == row and range.start.character == expected)
  check("its severity is error (got " .. tostring(unresolved[1].severity) .. ")", unresolved[1].severity == 1)
  local shown = vim.tbl_filter(function(d) return d.code == "unresolved-reference" end,
    vim.diagnostic.get(course, { namespace = vim.lsp.diagnostic.get_namespace(client_id) }))
  check(string.format("Neovim shows it at byte %d of line %d, the J of the reference (got %s)", start_byte, row,
    shown[1] and (shown[1].col .. " of line " .. shown[1].lnum) or "nothing"),
    shown[1] ~= nil and shown[1].lnum == row and shown[1].col == start_byte)
end

-- Removing it clears it.
mark = publications
vim.api.nvim_buf_set_lines(course, row, row + 1, true, { outcome_line })
got, diagnostics = wait_for_diagnostics(course, mark, function(list) return signature(list) == baseline_signature end)
check("restoring the line clears the finding (back to the " .. #(baseline or {}) .. " findings of the opened file)", got,
  describe(diagnostics))

-- 3. Positions after an emoji on a Chinese line: an emoji is two UTF-16 code units, one scalar,
-- four UTF-8 bytes, so a server counting in the wrong unit puts the finding off by one or more.
local emoji_line = outcome_line:gsub(" → ", " 😀→ ", 1):gsub(job_id:gsub("%-", "%%-") .. "#R3,", job_id .. "#R98,", 1)
local emoji_byte = emoji_line:find(job_id .. "#R98", 1, true) - 1
mark = publications
vim.api.nvim_buf_set_lines(course, row, row + 1, true, { emoji_line })
got, diagnostics = wait_for_diagnostics(course, mark, function(list)
  return #with_code(list, "unresolved-reference") > 0
end)
unresolved = with_code(diagnostics, "unresolved-reference")
if check("a reference after 😀 gives one unresolved-reference finding", got and #unresolved == 1, describe(diagnostics)) then
  local expected = lsp_column(emoji_line, emoji_byte)
  local scalars = vim.str_utfindex(emoji_line, emoji_byte)
  check(string.format("it stands at %s column %d (%d scalars: the emoji counts %s) — got %d", encoding, expected,
    scalars, encoding == "utf-16" and "two" or "four", unresolved[1].range.start.character),
    unresolved[1].range.start.line == row and unresolved[1].range.start.character == expected)
  local shown = vim.tbl_filter(function(d) return d.code == "unresolved-reference" end,
    vim.diagnostic.get(course, { namespace = vim.lsp.diagnostic.get_namespace(client_id) }))
  check(string.format("Neovim shows it at byte %d, right after the emoji and the arrow (got %s)", emoji_byte,
    shown[1] and tostring(shown[1].col) or "nothing"), shown[1] ~= nil and shown[1].col == emoji_byte)
end
mark = publications
vim.api.nvim_buf_set_lines(course, row, row + 1, true, { outcome_line })
got = wait_for_diagnostics(course, mark, function(list) return signature(list) == baseline_signature end)
check("restoring the line clears it", got)

-- 4. Completion after "→ JOB-": the flagship's job profile ids, each with its title.
local expected_jobs = {}
for _, file in ipairs(vim.fn.globpath(root .. "/jobs", "*.md", false, true)) do
  local id, title
  for _, line in ipairs(read_lines(file)) do
    id = id or line:match("^id: (%S+)$")
    title = title or line:match("^title: (.+)$")
  end
  expected_jobs[id] = title
end
local prefix = outcome_line:sub(1, outcome_line:find("→ ", 1, true) + #"→ " - 1) .. "JOB-"
vim.api.nvim_buf_set_lines(course, row, row + 1, true, { prefix })
local result, err = request(course, "textDocument/completion", {
  textDocument = { uri = uri_of(course) },
  position = { line = row, character = lsp_column(prefix, #prefix) },
  context = { triggerKind = 1 },
})
local items = result and (result.items or result) or {}
local offered = {}
for _, item in ipairs(items) do
  local text = (item.textEdit and item.textEdit.newText) or item.insertText or item.label
  if text:find("JOB-", 1, true) then
    local words = table.concat({ item.label or "", item.detail or "",
      (item.labelDetails or {}).description or "", (item.labelDetails or {}).detail or "",
      type(item.documentation) == "table" and (item.documentation.value or "") or (item.documentation or "") }, " ")
    offered[text:match("(JOB%-[%w%-]+)") or text] = words
  end
end
local missing = {}
for id, title in pairs(expected_jobs) do
  if not offered[id] then
    missing[#missing + 1] = id .. " (not offered)"
  elseif not offered[id]:find(title, 1, true) then
    missing[#missing + 1] = id .. " (without its title " .. title .. ")"
  end
end
local extra = {}
for id in pairs(offered) do
  if not expected_jobs[id] then
    extra[#extra + 1] = id
  end
end
check(string.format("completion after '→ JOB-' offers the %d job profiles with their titles",
  vim.tbl_count(expected_jobs)), err == nil and #missing == 0 and #extra == 0 and vim.tbl_count(expected_jobs) > 0,
  "missing: " .. table.concat(missing, ", ") .. "; not job profiles: " .. table.concat(extra, ", ") ..
  (err and ("; error: " .. describe(err)) or ""))
vim.api.nvim_buf_set_lines(course, row, row + 1, true, { outcome_line })

-- 5. Definition of the reference JOB-ROBOT-OPERATOR#R3, asked with the cursor on its "R3"
-- (after Chinese text): Neovim jumps to the requirement's line in the job profile.
vim.api.nvim_win_set_cursor(0, { outcome_number, item_byte })
vim.lsp.buf.definition()
local jumped = vim.wait(timeout, function()
  return vim.api.nvim_buf_get_name(0):sub(-#job_path) == job_path
end, 10)
local cursor = vim.api.nvim_win_get_cursor(0)
check(string.format("definition of %s#R3 jumps to %s line %d (got %s line %d)", job_id, job_path, requirement_number,
  vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ":."), cursor[1]),
  jumped and cursor[1] == requirement_number)
vim.cmd("buffer " .. course)

-- 6. Rename of a requirement, asked at its definition in the job profile: every file that names
-- it changes, through Neovim's own apply_workspace_edit, and the check stays as clean as the
-- flagship. R6 is named by courses and a training that carry no approval (an approved document
-- that changes loses its approvals, rightly, and the check would say so).
local rename_old, rename_new, rename_taken = "R6", "R60", "R5"
-- The documents and the links lock (.stdkit/links.lock, which pins references by their ids).
local function project_files()
  local files = vim.fn.globpath(root, "**/*.md", false, true)
  if vim.fn.filereadable(root .. "/.stdkit/links.lock") == 1 then
    files[#files + 1] = root .. "/.stdkit/links.lock"
  end
  return files
end
local function count(text, pattern)
  local n = 0
  for _ in text:gmatch(pattern) do
    n = n + 1
  end
  return n
end
local function text_of(file)
  local buffer = vim.fn.bufnr(file)
  if buffer ~= -1 and vim.api.nvim_buf_is_loaded(buffer) then
    return table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\n")
  end
  return table.concat(read_lines(file), "\n")
end
local escaped_job = job_id:gsub("%-", "%%-")
local qualified_old = escaped_job .. "#" .. rename_old .. "%f[^%w%-]"
local qualified_new = escaped_job .. "#" .. rename_new .. "%f[^%w%-]"
local before, changed = {}, {}
local expected_changes = 0
for _, file in ipairs(project_files()) do
  before[file] = count(text_of(file), qualified_old)
  expected_changes = expected_changes + before[file]
  if before[file] > 0 then
    changed[#changed + 1] = file:sub(#root + 2)
  end
end
local job_file = root .. "/" .. job_path
local definition_number, definition_line = find_line(job_lines, "^%- %*%*" .. rename_old .. "%*%* ")
if not definition_number then
  fail("the flagship's " .. job_path .. " has the requirement " .. rename_old)
end
vim.cmd("edit " .. vim.fn.fnameescape(job_file))
local job = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(job, client_id)
local at_definition = {
  textDocument = { uri = uri_of(job) },
  position = { line = definition_number - 1, character = lsp_column(definition_line, #"- **") },
}

local refused, refusal = request(job, "textDocument/rename", vim.tbl_extend("force", at_definition, { newName = rename_taken }))
check(string.format("renaming %s to %s, which is taken, is refused with a message (%s)", rename_old, rename_taken,
  refusal and refusal.message or "no error"), refused == nil and refusal ~= nil and (refusal.message or "") ~= "")
refused, refusal = request(job, "textDocument/rename", vim.tbl_extend("force", at_definition, { newName = "R 6" }))
check(string.format("renaming %s to 'R 6', which is malformed, is refused with a message (%s)", rename_old,
  refusal and refusal.message or "no error"), refused == nil and refusal ~= nil and (refusal.message or "") ~= "")

local edit, rename_error = request(job, "textDocument/rename", vim.tbl_extend("force", at_definition, { newName = rename_new }))
if not check(string.format("rename %s to %s returns a WorkspaceEdit", rename_old, rename_new),
  edit ~= nil and rename_error == nil, describe(rename_error)) then
  finish()
end
vim.lsp.util.apply_workspace_edit(edit, encoding)
local old_left, new_found = 0, 0
for _, file in ipairs(project_files()) do
  local text = text_of(file)
  old_left = old_left + count(text, qualified_old)
  new_found = new_found + count(text, qualified_new)
end
check(string.format("%d references to %s#%s in %d files (%s) now name %s (got %d left, %d renamed)", expected_changes,
  job_id, rename_old, #changed, table.concat(changed, ", "), rename_new, old_left, new_found),
  expected_changes > 0 and old_left == 0 and new_found == expected_changes)
local renamed_line = vim.api.nvim_buf_get_lines(job, definition_number - 1, definition_number, true)[1]
check(string.format("the requirement itself is %s on line %d of %s: %s", rename_new, definition_number, job_path,
  vim.fn.strcharpart(renamed_line, 0, 20)), renamed_line == definition_line:gsub("%*%*" .. rename_old .. "%*%*", "**" .. rename_new .. "**", 1))

-- The edited buffers are attached (didOpen with their new text), as an editor with the server
-- on every file of the project would have them, then saved (didSave): the links lock takes
-- effect when saved. The flagship has no finding; after the rename the server reports none
-- anywhere, and the shell script runs `stdkit check` on the files saved.
for _, buffer in ipairs(vim.api.nvim_list_bufs()) do
  if vim.api.nvim_buf_is_loaded(buffer) and vim.api.nvim_buf_get_name(buffer):sub(1, #root) == root then
    vim.lsp.buf_attach_client(buffer, client_id)
  end
end
vim.cmd("silent wall")
-- The saved links lock makes the server read the project again, which under load takes more
-- than any fixed pause: wait until no file has a finding (or the timeout), then for a second
-- without a new publication, so that a late one is seen too.
local function remaining_findings()
  local remaining = {}
  for uri, entry in pairs(published) do
    for _, diagnostic in ipairs(entry.diagnostics) do
      remaining[#remaining + 1] = string.format("%s:%d %s", vim.uri_to_fname(uri):sub(#root + 2),
        diagnostic.range.start.line + 1, tostring(diagnostic.code))
    end
  end
  return remaining
end
vim.wait(timeout, function() return #remaining_findings() == 0 end, 50)
local last, quiet_since = publications, vim.loop.now()
vim.wait(timeout, function()
  if publications ~= last then
    last, quiet_since = publications, vim.loop.now()
  end
  return vim.loop.now() - quiet_since > 1000
end, 50)
local remaining = remaining_findings()
check("after the rename the server reports no finding in any file (" .. vim.tbl_count(published) .. " files published)",
  #remaining == 0 and vim.tbl_count(published) > 0, table.concat(remaining, ", "))

finish()
