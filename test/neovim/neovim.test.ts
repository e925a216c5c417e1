// A real client no one here wrote: Debian's Neovim (0.7.2), headless, with
// the server configured as docs/language-server.md tells users to, driving
// the shipped bundle through a session (session.lua). Run by
// `npm run test:neovim`, which .ci/run calls after installing Neovim.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { formatPolicy } from '../../compiler/format/index.js';
import { exampleFolder, mainScript, tempFolder } from '../cli/run-cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));

it('works in Neovim: diagnostics appear and clear, completion after `fail`, hover on a strategy and on the policy’s name, definition across files, formatting (by a folder’s .editorconfig too), a broken policy', () => {
  const root = tempFolder();
  const script = path.join(root, 'mpol.js');
  copyFileSync(mainScript, script);
  const policy = path.join(root, 'policy');
  cpSync(exampleFolder, policy, { recursive: true });
  const broken = path.join(root, 'broken');
  cpSync(exampleFolder, broken, { recursive: true });
  const brokenFile = path.join(broken, 'example.mpol');
  writeFileSync(brokenFile, readFileSync(brokenFile, 'utf8').replace('within 48h', 'within'));
  const results = path.join(root, 'results.json');
  const formatted = formatPolicy(readFileSync(path.join(exampleFolder, 'codes.mpol'), 'utf8'));
  const canonical = formatted.kind === 'formatted' ? formatted.text : '';
  const messy = path.join(policy, 'messy.mpol');
  writeFileSync(messy, canonical.replace(/^[ \t]+/gm, '').replace(/ "/g, '   "'));
  // A folder of its own (its own server), whose .editorconfig asks for tabs and 60 columns.
  const styled = path.join(root, 'styled');
  mkdirSync(styled);
  writeFileSync(path.join(styled, '.editorconfig'), 'root = true\n[*.mpol]\nindent_style = tab\nmax_line_length = 60\n');
  writeFileSync(path.join(styled, 'codes.mpol'), readFileSync(messy, 'utf8'));
  const tabbed = formatPolicy(canonical, { useTabs: true, printWidth: 60 });

  const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(here, 'session.lua')}`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      MPOL_NODE: process.execPath,
      MPOL_SCRIPT: script,
      MPOL_CONFIG: path.join(here, 'mpol.lua'),
      MPOL_POLICY: path.join(policy, 'example.mpol'),
      MPOL_BROKEN: brokenFile,
      MPOL_MESSY: messy,
      MPOL_STYLED: path.join(styled, 'codes.mpol'),
      MPOL_RESULTS: results,
    },
  });
  expect(run.error).toBeUndefined();
  const seen = JSON.parse(readFileSync(results, 'utf8')) as Record<string, unknown>;
  expect(seen['error']).toBe('');
  expect(seen['attached']).toBe(true);
  expect(seen['broken']).toEqual(['unknown-name']);
  expect(seen['brokenMessage']).toBe('unknown error code `EX909`\nhelp: did you mean `EX900`?');
  expect(seen['fixed']).toBe(true);
  expect(seen['completion']).toEqual(expect.arrayContaining(['EX001', 'EX900']));
  expect((seen['completion'] as string[]).every((label) => /^EX\d+$/.test(label))).toBe(true);
  expect(seen['hover']).toContain('Timeline: attempt 1 at 0s, 2 at 5m, 3 at 10m, 4 at 15m, 5 at 45m, … 98 at 47h15m, 99 at 47h45m; gives up at 48h.');
  expect(seen['definition']).toBe(`file://${path.join(policy, 'parties.mpol')}`);
  expect(seen['jumped']).toBe(path.join(policy, 'parties.mpol'));
  expect(seen['brokenFile']).toEqual(['unexpected-token']);
  expect(seen['formatted']).toBe(canonical);
  expect(tabbed.kind === 'formatted' && tabbed.text.includes('\n\t')).toBe(true);
  expect(seen['styled']).toBe(tabbed.kind === 'formatted' ? tabbed.text : '');
  expect(seen['policyHover']).toBe('**policy** `Example` — Example migration policy\n\n- version `1\\.0`');
});
