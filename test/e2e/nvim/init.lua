-- Headless Neovim (0.7+) as a second, independent LSP client of the CyberDossier server.
--   LSP_SERVER=bin/cyberdossier-language-server.js OUT=diags.json nvim --headless -n -i NONE -u init.lua file.md
-- Waits for the first publishDiagnostics of the buffer, optionally edits a line (EDIT_LINE,
-- EDIT_TEXT) and waits for the next, then writes the diagnostics (vim.diagnostic.get) as JSON.
local server = assert(os.getenv('LSP_SERVER'), 'LSP_SERVER not set')
local out = assert(os.getenv('OUT'), 'OUT not set')
local timeout_ms = tonumber(os.getenv('TIMEOUT_MS') or '20000')
local node = os.getenv('NODE_BIN') or 'node'

local publish_count = 0
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  default_publish(err, result, ctx, config)
  if result and result.uri == vim.uri_from_bufnr(vim.api.nvim_get_current_buf()) then publish_count = publish_count + 1 end
end

local function finish(code, payload)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(payload))
  f:close()
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local function snapshot(bufnr)
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(diags, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = lsp.code or d.code })
  end
  table.sort(diags, function(a, b) if a.lnum ~= b.lnum then return a.lnum < b.lnum end return a.col < b.col end)
  return diags
end

vim.schedule(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local client_id = vim.lsp.start_client({
    name = 'cyberdossier',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(fname, ':p:h'),
  })
  if not client_id then return finish(2, { error = 'start_client failed' }) end
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(timeout_ms, function() return publish_count > 0 end, 20) then
    return finish(3, { error = 'timeout waiting for publishDiagnostics', file = fname })
  end
  local result = { file = fname, initial = snapshot(bufnr) }
  local edit_line = tonumber(os.getenv('EDIT_LINE') or '')
  if edit_line then
    local before = publish_count
    vim.api.nvim_buf_set_lines(bufnr, edit_line, edit_line + 1, false, { os.getenv('EDIT_TEXT') or '' })
    if not vim.wait(timeout_ms, function() return publish_count > before end, 20) then
      return finish(4, { error = 'timeout waiting for diagnostics after edit', file = fname })
    end
    result.after_edit = snapshot(bufnr)
  end
  vim.lsp.stop_client(client_id)
  finish(0, result)
end)
