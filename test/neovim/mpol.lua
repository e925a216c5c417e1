-- mpol's language server for .mpol files, in Neovim 0.7 or later: put this
-- in init.lua. One server per folder; set vim.g.mpol_lsp_cmd to run another
-- mpol than the one npx finds.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.mpol', command = 'setfiletype mpol' })

local mpol_clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'mpol',
  callback = function(args)
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    if mpol_clients[root] == nil then
      mpol_clients[root] = vim.lsp.start_client({
        name = 'mpol',
        cmd = vim.g.mpol_lsp_cmd or { 'npx', 'mpol', 'lsp', '--stdio' },
        root_dir = root,
      })
    end
    if mpol_clients[root] then vim.lsp.buf_attach_client(args.buf, mpol_clients[root]) end
  end,
})
