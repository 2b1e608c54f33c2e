-- Headless Neovim (Debian 12's 0.7 and newer) as the client of `storylint lsp`: open a
-- story, wait for the diagnostics vim.diagnostic.get() reports, apply the first quick fix
-- the server offers, and check the buffer's text and that the finding is gone. Prints
-- one "ok ..." / "FAIL ..." line per check, then quits with 0 or 1.
-- usage: STORYLINT=BIN STORY=FILE nvim --headless -u NONE -c "luafile tests/lsp/neovim.lua"
local bin, story = os.getenv("STORYLINT"), os.getenv("STORY")
local failed = 0
local function check(name, want, got)
  if vim.deep_equal(want, got) then
    io.stdout:write("ok " .. name .. "\n")
  else
    failed = failed + 1
    io.stdout:write("FAIL " .. name .. ": expected " .. vim.inspect(want) .. " got " .. vim.inspect(got) .. "\n")
  end
end

vim.cmd("edit " .. vim.fn.fnameescape(story))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "storylint",
  cmd = { bin, "lsp", "--debounce", "50" },
  root_dir = vim.fn.fnamemodify(story, ":h"),
})
vim.lsp.buf_attach_client(buf, id)

local function codes()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out, d.code or (d.user_data and d.user_data.lsp.code)) end
  table.sort(out)
  return out
end
local function has(code)
  for _, c in ipairs(codes()) do if c == code then return true end end
  return false
end

vim.wait(10000, function() return has("unknown-principle") end, 50)
local found
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp.code)
  if code == "unknown-principle" then found = d end
end
check("live diagnostics: the misspelled principle", true, found ~= nil)
check("its position (0-based line, column)", { 3, 13 }, found and { found.lnum, found.col } or nil)
check("its message", "'Custmer Obsession' is not one of the 16 Leadership Principles (did you mean 'Customer Obsession'?)",
  found and found.message)

-- The quick fix, as the server's WorkspaceEdit, applied by Neovim itself.
local client = vim.lsp.get_client_by_id(id)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 3, character = 14 }, ["end"] = { line = 3, character = 14 } },
  context = { diagnostics = {} },
}
local resp = client.request_sync("textDocument/codeAction", params, 10000, buf)
local actions = resp and resp.result or {}
check("the first action is the fix", "Use 'Customer Obsession'", actions[1] and actions[1].title)
if actions[1] then vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding or "utf-16") end
check("the buffer after the fix", "principles: [Customer Obsession]", vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1])
vim.wait(10000, function() return not has("unknown-principle") end, 50)
check("the finding is gone after the edit (unsaved)", false, has("unknown-principle"))

-- Hover on a finding that is still there.
vim.wait(5000, function() return has("missing-metric") end, 50)
local h = client.request_sync("textDocument/hover",
  { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 9, character = 3 } }, 10000, buf)
local value = h and h.result and h.result.contents and h.result.contents.value or ""
check("hover explains the finding", true, value:find("**missing-metric** (error)", 1, true) == 1)

-- The bank from unsaved buffers: "no conflict story" sits on the bank's first story
-- (a-first.md, not open); typing a conflict story into a new, unsaved buffer clears it.
local first = vim.uri_to_bufnr(vim.uri_from_fname(vim.fn.fnamemodify(story, ":h") .. "/a-first.md"))
local function no_conflict_story()
  for _, d in ipairs(vim.diagnostic.get(first)) do
    local code = d.code or (d.user_data and d.user_data.lsp.code)
    if code == "bucket-coverage" and d.message:find("no conflict story", 1, true) then return true end
  end
  return false
end
vim.wait(10000, no_conflict_story, 50)
check("a bank finding on a file that is not open", true, no_conflict_story())
vim.cmd("enew")
local scratch = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_name(scratch, vim.fn.fnamemodify(story, ":h") .. "/conflict.md")
vim.bo[scratch].filetype = "markdown"
vim.api.nvim_buf_set_lines(scratch, 0, -1, false, {
  "---", "title: Disagreed with my manager", "bucket: conflict", "---",
  "## Situation", "My manager and I disagreed about the launch date.",
})
vim.lsp.buf_attach_client(scratch, id)
vim.wait(10000, function() return not no_conflict_story() end, 50)
check("an unsaved conflict story clears it", false, no_conflict_story())

vim.lsp.stop_client(id)
io.stdout:write(failed == 0 and "done\n" or "failed\n")
vim.cmd(failed == 0 and "qall!" or "cquit!")
