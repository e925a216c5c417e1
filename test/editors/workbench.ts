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

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(results, { recursive: true });
    const file = path.join(results, `${name}.png`);
    await this.page.screenshot({ path: file });
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
