/**
 * Driving the VS Code workbench in the browser as a person would: the
 * keyboard, the command palette, Quick Open. Every wait is for something
 * to appear, with generous limits for a loaded machine; never a sleep.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

export const results = path.resolve(import.meta.dirname, '../../test-results/editors');
const long = { timeout: 90_000 };

export class Workbench {
  constructor(readonly page: Page) {}

  async open(file: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor(long);
    await this.page.keyboard.type(file);
    // The row Enter opens: the list shows recently opened files until the search has answered.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: path.basename(file) }).waitFor(long);
    await this.page.keyboard.press('Enter');
    await this.activeTab(path.basename(file));
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor(long);
  }

  /** Waits until the active editor tab is `name`. */
  async activeTab(name: string): Promise<void> {
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active .label-name', { hasText: new RegExp(`^${name.replaceAll('.', '\\.')}$`) }).waitFor(long);
  }

  /** Puts the cursor at a 1-based line and column with "Go to Line/Column". */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor(long);
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor(long);
  }

  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor(long);
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor(long);
    await this.page.keyboard.press('Enter');
  }

  /** The frame (a webview's content) that has an element matching `selector`. */
  async frameWith(selector: string, timeout = 90_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no frame holds ${selector}`);
      await this.page.waitForEvent('framenavigated', { timeout: 1000 }).catch(() => undefined);
    }
  }

  /** The hover VS Code shows: it keeps an earlier one in the page, hidden, beside the visible one. */
  hover(text: string | RegExp): Locator {
    return this.page.locator('.monaco-hover:not(.hidden)', { hasText: text });
  }

  /**
   * The colours the editor draws `text` with, one for each token that covers it, or undefined
   * while no line in view holds `text` from the start of a token to the end of one. The editor
   * draws spaces as no-break spaces and cuts long tokens into pieces, so the line's text is
   * the pieces' text put together, with plain spaces.
   */
  async coloursOf(text: string): Promise<string[] | undefined> {
    return this.page.evaluate((wanted) => {
      interface Element {
        readonly textContent: string | null;
        querySelectorAll(selector: string): Iterable<Element>;
      }
      const window = globalThis as unknown as { document: Element; getComputedStyle(element: Element): { color: string } };
      for (const line of window.document.querySelectorAll('.editor-instance .view-line')) {
        const tokens = [...line.querySelectorAll(':scope > span > span')];
        const starts: number[] = [];
        let lineText = '';
        for (const token of tokens) {
          starts.push(lineText.length);
          lineText += (token.textContent ?? '').replaceAll('\u00a0', ' ');
        }
        for (let at = lineText.indexOf(wanted); at >= 0; at = lineText.indexOf(wanted, at + 1)) {
          const first = starts.indexOf(at);
          const end = at + wanted.length;
          const last = end === lineText.length ? tokens.length : starts.indexOf(end);
          if (first < 0 || last < 0) continue;
          return tokens.slice(first, last).map((token) => window.getComputedStyle(token).color);
        }
      }
      return undefined;
    }, text);
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /** Saves the page, or only what `part` covers, as test-results/editors/<name>.png. */
  async screenshot(name: string, part?: Locator): Promise<string> {
    mkdirSync(results, { recursive: true });
    const file = path.join(results, `${name}.png`);
    await (part ?? this.page).screenshot({ path: file });
    return file;
  }
}

/** The 1-based line and column of `needle` in `text` (its first occurrence), moved `shift` characters right. */
export function positionOf(text: string, needle: string, shift = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`\`${needle}\` is not in the text`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
