-- A session in headless Neovim with the server attached through mpol.lua,
-- as a user would have it: each step waits for what the editor shows (with
-- a time limit) and records what it saw; the results go to a JSON file for
-- the test (neovim.test.ts) to judge. Paths come from the environment.
local results = {}
local function record(name, value) results[name] = value end
local limit = 15000

vim.g.mpol_lsp_cmd = { vim.env.MPOL_NODE, vim.env.MPOL_SCRIPT, 'lsp', '--stdio' }
dofile(vim.env.MPOL_CONFIG)

local function find(buf, text)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local column = line:find(text, 1, true)
    if column then return number, column - 1 end
  end
  return nil
end

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(found, d.code or '?') end
  table.sort(found)
  return found
end

local function request(buf, method, line, column)
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line - 1, character = column } }
  local answers = vim.lsp.buf_request_sync(buf, method, params, limit)
  for _, answer in pairs(answers or {}) do
    if answer.result then return answer.result end
  end
  return nil
end

local ok, failure = pcall(function()
  vim.cmd('edit ' .. vim.env.MPOL_POLICY)
  local buf = vim.api.nvim_get_current_buf()
  record('attached', vim.wait(limit, function()
    local clients = vim.lsp.buf_get_clients(buf)
    for _, client in pairs(clients) do if client.initialized then return true end end
    return false
  end, 20))

  -- Diagnostics appear for a mistake typed into the buffer, and clear after the fix.
  local line, column = find(buf, 'fail EX900')
  local original = vim.api.nvim_buf_get_lines(buf, line - 1, line, false)[1]
  vim.api.nvim_buf_set_lines(buf, line - 1, line, false, { (original:gsub('EX900', 'EX909')) })
  vim.wait(limit, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  record('broken', codes(buf))
  local first = vim.diagnostic.get(buf)[1]
  record('brokenMessage', first and first.message or '')
  vim.api.nvim_buf_set_lines(buf, line - 1, line, false, { original })
  record('fixed', vim.wait(limit, function() return #vim.diagnostic.get(buf) == 0 end, 20))

  -- Completion after `fail` offers the policy's error codes, as omnifunc would ask.
  line, column = find(buf, 'fail EX900')
  local completion = request(buf, 'textDocument/completion', line, column + 5)
  local labels = {}
  for _, item in ipairs(completion and (completion.items or completion) or {}) do table.insert(labels, item.label) end
  table.sort(labels)
  record('completion', labels)

  -- Hover on a retry strategy shows its timeline.
  line, column = find(buf, 'retry Commissioning ref')
  local hover = request(buf, 'textDocument/hover', line, column + 8)
  record('hover', hover and hover.contents and hover.contents.value or '')

  -- Hover on the policy's own name shows its kind and title, as on any declaration.
  line, column = find(buf, 'policy Example')
  local policyHover = request(buf, 'textDocument/hover', line, column + 8)
  record('policyHover', policyHover and policyHover.contents and policyHover.contents.value or '')

  -- Definition across files, as a request and as the jump a user makes.
  line, column = find(buf, 'by Provider')
  local definition = request(buf, 'textDocument/definition', line, column + 4)
  record('definition', definition and definition[1] and definition[1].uri or '')
  vim.api.nvim_win_set_cursor(0, { line, column + 4 })
  vim.lsp.buf.definition()
  vim.wait(limit, function() return vim.api.nvim_buf_get_name(0):match('parties%.mpol$') ~= nil end, 20)
  record('jumped', vim.api.nvim_buf_get_name(0))

  -- Formatting turns a file with its indentation stripped back into the canonical one.
  vim.cmd('edit ' .. vim.env.MPOL_MESSY)
  local messy = vim.api.nvim_get_current_buf()
  vim.wait(limit, function()
    for _, client in pairs(vim.lsp.buf_get_clients(messy)) do if client.initialized then return true end end
    return false
  end, 20)
  -- The layout's indentation is two spaces, as the editor is set to.
  vim.bo[messy].expandtab = true
  vim.bo[messy].shiftwidth = 2
  vim.bo[messy].tabstop = 2
  vim.lsp.buf.formatting_sync(nil, limit)
  record('formatted', table.concat(vim.api.nvim_buf_get_lines(messy, 0, -1, false), '\n') .. '\n')

  -- In a folder whose .editorconfig asks for tabs, formatting follows it, not the editor's settings.
  vim.cmd('edit ' .. vim.env.MPOL_STYLED)
  local styled = vim.api.nvim_get_current_buf()
  vim.wait(limit, function()
    for _, client in pairs(vim.lsp.buf_get_clients(styled)) do if client.initialized then return true end end
    return false
  end, 20)
  vim.bo[styled].expandtab = true
  vim.bo[styled].shiftwidth = 2
  vim.lsp.buf.formatting_sync(nil, limit)
  record('styled', table.concat(vim.api.nvim_buf_get_lines(styled, 0, -1, false), '\n') .. '\n')

  -- A policy with a syntax error shows it on opening.
  vim.cmd('edit ' .. vim.env.MPOL_BROKEN)
  local broken = vim.api.nvim_get_current_buf()
  vim.wait(limit, function() return #vim.diagnostic.get(broken) > 0 end, 20)
  record('brokenFile', codes(broken))
end)
record('error', ok and '' or tostring(failure))

local file = io.open(vim.env.MPOL_RESULTS, 'w')
file:write(vim.fn.json_encode(results))
file:close()
vim.cmd('qa!')
