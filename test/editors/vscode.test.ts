// The extension in a real VS Code: code-server 4.100.3 with the packaged
// .vsix installed as a user installs it, driven by Debian's Chromium
// through playwright-core, keyboard first. `npm run test:editors` installs
// code-server and Chromium when absent, packages the extension and runs
// this; .ci/run runs it after `npm test`. A failing step saves a
// screenshot in test-results/editors/; the README's screenshots are taken
// here too (MPOL_SCREENSHOTS=update copies them into the extension).
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../browser/browser.js';
import { languageServerPid, outputChannelText, startCodeServer, type CodeServer } from './code-server.js';
import { positionOf, results, Workbench } from './workbench.js';
import { formatPolicy } from '../../compiler/format/format.js';

const repo = path.resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(path.join(repo, 'vscode-extension', 'package.json'), 'utf8')) as { version: string }).version;
const vsix = path.join(repo, 'vscode-extension', `mpol-${version}.vsix`);
const example = readFileSync(path.join(repo, 'policies', 'example', 'example.mpol'), 'utf8');
const parties = readFileSync(path.join(repo, 'policies', 'example', 'parties.mpol'), 'utf8');
const brokenText = example.replace('within 48h', 'within');
// The example (formatted, as every bundled policy is) with its indentation stripped and its spacing spoilt.
const messyText = example.replace(/^[ \t]+/gm, '').replaceAll(' by ', '   by ').replaceAll(' {', '{');

let folder: string;
let server: CodeServer;
let browser: Browser;
let page: Page;
let bench: Workbench;
const pageErrors: string[] = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'mpol-vscode-workspace-'));
  cpSync(path.join(repo, 'policies', 'example'), path.join(folder, 'policy'), { recursive: true });
  mkdirSync(path.join(folder, 'broken'));
  for (const file of ['parties.mpol', 'codes.mpol']) copyFileSync(path.join(repo, 'policies', 'example', file), path.join(folder, 'broken', file));
  writeFileSync(path.join(folder, 'broken', 'broken.mpol'), brokenText);
  mkdirSync(path.join(folder, 'messy'));
  for (const file of ['parties.mpol', 'codes.mpol']) copyFileSync(path.join(repo, 'policies', 'example', file), path.join(folder, 'messy', file));
  writeFileSync(path.join(folder, 'messy', 'messy.mpol'), messyText);
  cpSync(path.join(repo, 'policies', 'example'), path.join(folder, 'later'), { recursive: true });
  renameSync(path.join(folder, 'later', 'example.mpol'), path.join(folder, 'later', 'later.mpol'));
  // The grammar decides the colours here, not semantic tokens: a language's setting, since the
  // extension turns them on for mpol (a language default beats a user's general setting).
  // The messages with the server are traced into their output channel.
  server = await startCodeServer(vsix, folder, { '[mpol]': { 'editor.semanticHighlighting.enabled': false }, 'mpol.trace.server': 'messages' });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  bench = new Workbench(page);
  await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
  await page.locator('.explorer-folders-view').waitFor({ timeout: 120_000 });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') {
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await bench?.screenshot(`failed-${name}`).catch(() => undefined);
    writeFileSync(path.join(results, 'code-server.log'), server?.log() ?? '');
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

/**
 * Saves a screenshot of the editors, or of the group of editors beside them (where a view
 * opens), copied into the extension's README folder when asked to.
 */
async function readmeShot(name: string, part: 'editors' | 'beside' = 'editors'): Promise<void> {
  const groups = page.locator('.part.editor .editor-group-container');
  const file = await bench.screenshot(name, part === 'editors' ? page.locator('.part.editor') : groups.last());
  if (process.env['MPOL_SCREENSHOTS'] === 'update') copyFileSync(file, path.join(repo, 'vscode-extension', 'media', 'screenshots', `${name}.png`));
}

/** Waits until `text`, from the start of a token to the end of one, is drawn in `colour` alone. */
async function expectColour(text: string, colour: string): Promise<void> {
  const colours = async (): Promise<string[] | undefined> => {
    const found = await bench.coloursOf(text);
    return found && [...new Set(found)];
  };
  await expect.poll(colours, { timeout: 90_000, message: `the colours of \`${text}\`` }).toEqual([colour]);
}

describe('the mpol extension in VS Code', () => {
  it('opens a policy in the mpol language mode', async () => {
    await bench.open('policy/example.mpol');
    await page.locator('#status\\.editor\\.mode', { hasText: /^mpol$/ }).waitFor({ timeout: 90_000 });
  });

  it('colours tokens by the TextMate grammar', async () => {
    // Default Dark Modern's colours for the scopes the grammar gives.
    await expectColour('policy', 'rgb(86, 156, 214)'); // storage.type
    await expectColour('Example', 'rgb(78, 201, 176)'); // entity.name.type
    await expectColour('"Example migration policy"', 'rgb(206, 145, 120)'); // string
    await expectColour('// A small policy that uses every construct of the language once.', 'rgb(106, 153, 85)'); // comment
    await expectColour('bool', 'rgb(78, 201, 176)'); // support.type
    await expectColour('section', 'rgb(86, 156, 214)'); // storage.type
    await expectColour('failed', 'rgb(197, 134, 192)'); // keyword.control
    await expectColour('5', 'rgb(181, 206, 168)'); // constant.numeric
    await readmeShot('highlighting');
  });

  it('shows a broken file\'s error as a squiggle and in Problems, both gone after a fix typed on the keyboard', async () => {
    await bench.open('broken/broken.mpol');
    const { line, column } = positionOf(brokenText, 'within\n', 'within'.length);
    // The editor draws only the lines in view: bring the error's into it.
    await bench.goTo(line, column);
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 90_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'unexpected-token' });
    await problem.first().waitFor({ timeout: 90_000 });
    await bench.goTo(line, column);
    await page.keyboard.type(' 48h');
    await page.keyboard.press('Escape');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'detached', timeout: 90_000 });
    await page.locator('.markers-panel', { hasText: 'No problems have been detected in the workspace.' }).waitFor({ timeout: 90_000 });
    // The panel goes, leaving the editors the whole height again (VS Code 1.100 calls it hiding).
    await bench.command('View: Hide Panel');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 90_000 });
  });

  it('shows a retry strategy\'s attempt timeline on hover', async () => {
    await bench.open('policy/example.mpol');
    const hover = await hoverOnRetry('Commissioning', 'attempt 1 at 0s');
    expect(await hover.innerText()).toContain('gives up at 48h');
    await readmeShot('hover');
    await page.keyboard.press('Escape');
  });

  it('offers the error codes after `fail`', async () => {
    const { line, column } = positionOf(example, 'on failure fail EX900', 'on failure fail '.length);
    await bench.goTo(line, column);
    await page.keyboard.press('Control+Space');
    // The server's items; VS Code lists the extension's snippets too, where no word has been typed.
    const rows = page.locator('.suggest-widget .monaco-list-row').filter({ hasNot: page.locator('.codicon-symbol-snippet') });
    await rows.filter({ hasText: 'EX001' }).first().waitFor({ timeout: 90_000 });
    const labels = (await rows.locator('.label-name').allInnerTexts()).map((label) => label.trim());
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.filter((label) => !/^EX\d+$/.test(label))).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('goes to a definition in another file', async () => {
    const { line, column } = positionOf(example, 'by Provider {', 'by Pro'.length);
    await bench.goTo(line, column);
    await page.keyboard.press('F12');
    await bench.activeTab('parties.mpol');
    const target = positionOf(parties, 'party Provider', 'party '.length);
    await page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`^Ln ${target.line}, Col \\d+`) }).waitFor({ timeout: 90_000 });
  });

  it('formats a badly formatted file into the canonical text with Format Document', async () => {
    expect(messyText).not.toBe(example);
    await bench.open('messy/messy.mpol');
    await bench.command('Format Document');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 90_000 });
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 90_000 });
    const canonical = formatPolicy(example, { tabWidth: 2 });
    if (canonical.kind !== 'formatted') throw new Error('the example does not parse');
    expect(readFileSync(path.join(folder, 'messy', 'messy.mpol'), 'utf8')).toBe(canonical.text);
  });

  it('draws the flow diagram in a webview and draws it again as the text changes', async () => {
    await bench.open('policy/example.mpol');
    await bench.command('mpol: Show flow diagram');
    const frame = await bench.frameWith('body[data-state="drawn"]');
    expect(await frame.locator('#flows svg').count()).toBeGreaterThanOrEqual(2);
    expect(await frame.locator('h2').allInnerTexts()).toContain('MOC_Secure/DA');
    expect((await frame.locator('#flows svg').allTextContents()).join(' ')).toContain('SwitchAccount');
    await readmeShot('flow-diagram', 'beside');
    // Typing in the policy draws it again.
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    const { line, column } = positionOf(example, 'step GenerateFile ', 'step GenerateFile'.length);
    await bench.goTo(line, column);
    await page.keyboard.type('s');
    await frame.locator('#flows svg', { hasText: 'GenerateFiles' }).first().waitFor({ timeout: 90_000 });
    await page.keyboard.press('Control+Z');
    await frame.locator('#flows svg', { hasText: 'GenerateFiles' }).first().waitFor({ state: 'detached', timeout: 90_000 });
  });

  it('simulates the policy with progress in a notification and shows the report', async () => {
    await bench.open('policy/example.mpol');
    const progress = bench.notification('Simulating Example').waitFor({ timeout: 90_000 });
    await bench.command('mpol: Simulate policy');
    await progress;
    const frame = await bench.frameWith('#outcomes-by-cohort-and-group', 180_000);
    expect(await frame.locator('h1').first().innerText()).toContain('Example');
    await frame.locator('html[data-diagrams="drawn"]').waitFor({ timeout: 90_000 });
    await readmeShot('simulation-report', 'beside');
  });

  it('holds a file\'s problems back until it is saved when mpol.diagnostics.run is onSave', async () => {
    // The workspace's settings, with line numbers off: they go when VS Code has read the file.
    const settings = path.join(folder, '.vscode', 'settings.json');
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'mpol.diagnostics.run': 'onSave', 'editor.lineNumbers': 'off' }));
    await bench.open('later/later.mpol');
    await page.locator('.editor-instance .line-numbers').first().waitFor({ state: 'detached', timeout: 90_000 });
    const squiggles = page.locator('.editor-instance .squiggly-error');
    const { line, column } = positionOf(example, 'within 48h', 'within 48h'.length);
    await bench.goTo(line, column);
    for (const _ of ' 48h') await page.keyboard.press('Backspace');
    await serverAnswered();
    expect(await squiggles.count()).toBe(0);
    await page.keyboard.press('Control+S');
    await squiggles.first().waitFor({ timeout: 90_000 });
    // The fix typed, the error stays until the file is saved.
    await bench.goTo(line, column - ' 48h'.length);
    await page.keyboard.type(' 48h');
    await serverAnswered();
    expect(await squiggles.count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+S');
    await squiggles.first().waitFor({ state: 'detached', timeout: 90_000 });
    rmSync(path.dirname(settings), { recursive: true });
    await page.locator('.editor-instance .line-numbers').first().waitFor({ timeout: 90_000 });
  });

  it('restarts a language server that crashed, says so, and answers again', async () => {
    const pid = await runningLanguageServer();
    process.kill(pid, 'SIGKILL');
    await bench.notification('stopped unexpectedly and has been restarted').waitFor({ timeout: 90_000 });
    await expect.poll(() => outputChannelText(server, 'mpol'), { timeout: 30_000 }).toContain('The mpol language server stopped unexpectedly and has been restarted.');
    await bench.open('policy/example.mpol');
    await hoverOnRetry('Commissioning', 'attempt 1 at 0s');
    expect(languageServerPid(server)).not.toBe(pid);
  });

  it('restarts the language server on "mpol: Restart language server", logs it, answers again and traces the messages', async () => {
    const pid = await runningLanguageServer();
    await bench.command('mpol: Restart language server');
    await expect.poll(() => otherLanguageServer(pid), { timeout: 90_000 }).toBe(true);
    await bench.open('policy/example.mpol');
    await hoverOnRetry('Commissioning', 'attempt 1 at 0s');
    await expect.poll(() => outputChannelText(server, 'mpol'), { timeout: 30_000 }).toContain('Restarting the language server.');
    // mpol.trace.server is messages: the trace holds the hovers asked.
    await expect.poll(() => outputChannelText(server, 'mpol Language Server Trace'), { timeout: 30_000 }).toContain("Sending request 'textDocument/hover");
  });

  it('threw nothing in the workbench', () => {
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Hovers over the declaration of the retry strategy `strategy` in the example policy; the hover,
 * once it shows `shown`. Asked again every 10 seconds until it does, for 90 seconds at most: a
 * hover asked while the language client is still starting (just after a restart) has no
 * provider to answer it, and VS Code does not ask again, as a person would.
 */
async function hoverOnRetry(strategy: string, shown: string | RegExp): Promise<Locator> {
  const { line, column } = positionOf(example, `retry ${strategy} ref`, `retry ${strategy.slice(0, 3)}`.length);
  const hover = bench.hover(shown);
  const deadline = Date.now() + 90_000;
  for (;;) {
    await bench.goTo(line, column);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ timeout: Math.min(10_000, Math.max(1, deadline - Date.now())) });
      return hover;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Returns once the language server has answered two hovers asked after the last change: it
 * publishes a change's diagnostics on its next turn, before it reads the second question.
 */
async function serverAnswered(): Promise<void> {
  for (const _ of [1, 2]) {
    await hoverOnRetry('Rotation', 'retry strategy Rotation');
    await page.keyboard.press('Escape');
    await bench.hover('retry strategy Rotation').waitFor({ state: 'detached', timeout: 90_000 });
  }
}

/** The language server's process id, once there is exactly one (none while it starts, two while one ends). */
async function runningLanguageServer(): Promise<number> {
  let pid = 0;
  await expect.poll(() => (pid = oneLanguageServer() ?? 0), { timeout: 90_000, message: 'one language server process' }).toBeGreaterThan(0);
  return pid;
}

/** Whether exactly one language server runs, and not the process `pid`. */
function otherLanguageServer(pid: number): boolean {
  const now = oneLanguageServer();
  return now !== undefined && now !== pid;
}

function oneLanguageServer(): number | undefined {
  try {
    return languageServerPid(server);
  } catch {
    return undefined;
  }
}
