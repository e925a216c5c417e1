// docs/diagnostics.md against the catalog and the golden cases: one
// section per code, in catalog order, with the catalog's severity, and
// examples that are excerpts of the golden cases, so the page cannot drift
// from what the compiler does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { diagnosticCodes, messages, type DiagnosticCode } from '../../grammar/index.js';
import { expectedSuffix, readGoldenCases } from './golden-cases.js';

const root = path.resolve(import.meta.dirname, '../..');
const goldenFolder = path.join(import.meta.dirname, 'diagnostics');
const page = readFileSync(path.join(root, 'docs/diagnostics.md'), 'utf8');
const catalog: readonly string[] = diagnosticCodes;

interface CodeSection {
  readonly code: string;
  /** The first paragraph after the heading. */
  readonly lead: string;
  /** `mpol` blocks before the line that starts with "Fix". */
  readonly examples: string[];
  /** `mpol` blocks after it. */
  readonly fixes: string[];
}

interface Page {
  readonly sections: CodeSection[];
  readonly textBlocks: string[];
  /** Blocks that are neither an example, a fix nor rendered output, so nothing here checks them. */
  readonly unchecked: string[];
}

/** Splits the page into one section per code heading (a heading that is a code in backticks). */
function readPage(markdown: string): Page {
  const sections: CodeSection[] = [];
  const textBlocks: string[] = [];
  const unchecked: string[] = [];
  let current: (CodeSection & { fixing: boolean }) | undefined;
  let fence: { language: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (fence !== undefined) {
      if (line.startsWith('```')) {
        const block = fence.lines.join('\n');
        if (fence.language === 'text') textBlocks.push(block);
        else if (fence.language === 'mpol' && current !== undefined) (current.fixing ? current.fixes : current.examples).push(block);
        else unchecked.push(block);
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const opening = /^```(\w*)/.exec(line);
    const heading = /^#{2,4} `([^`]+)`\s*$/.exec(line);
    if (opening) fence = { language: opening[1]!, lines: [] };
    else if (heading) {
      current = { code: heading[1]!, lead: '', examples: [], fixes: [], fixing: false };
      sections.push(current);
    } else if (/^#{1,4} /.test(line)) current = undefined;
    else if (current !== undefined && current.lead === '' && line.trim() !== '') current = Object.assign(current, { lead: line });
    else if (current !== undefined && line.startsWith('Fix')) current.fixing = true;
  }
  return { sections, textBlocks, unchecked };
}

/** Whether `block`'s lines appear consecutively in `text`, ignoring indentation. */
function containsLines(text: string, block: string): boolean {
  const wanted = block.split('\n').map((line) => line.trim());
  const lines = text.split('\n').map((line) => line.trim());
  return lines.some((_, start) => wanted.every((line, offset) => lines[start + offset] === line));
}

const { sections, textBlocks, unchecked } = readPage(page);
const cases = readGoldenCases(goldenFolder);

describe('docs/diagnostics.md', () => {
  test('checks every code block of the page: each is an example, a fix or rendered output', () => {
    expect(unchecked).toEqual([]);
  });

  test('has a section for every code of the catalog, in catalog order', () => {
    expect(sections.map((s) => s.code)).toEqual(catalog);
  });

  test('has no section for a code that is not in the catalog', () => {
    expect(sections.map((s) => s.code).filter((code) => !catalog.includes(code))).toEqual([]);
  });

  test('gives each code its severity from the catalog', () => {
    const wrong = sections
      .filter((s) => catalog.includes(s.code))
      .filter((s) => !s.lead.startsWith(`**${messages[s.code as DiagnosticCode].severity}**`))
      .map((s) => `${s.code}: ${s.lead}`);
    expect(wrong).toEqual([]);
  });

  test('gives each code an example and a fix', () => {
    const incomplete = sections.filter((s) => s.examples.length === 0 || s.fixes.length === 0).map((s) => s.code);
    expect(incomplete).toEqual([]);
  });

  test('takes every example from the failing golden case and every fix from the passing one', () => {
    const textsOf = (name: string): string[] => [...(cases.find((c) => c.name === name)?.texts.values() ?? [])];
    const strays = sections.flatMap((s) => [
      ...s.examples.filter((block) => !textsOf(s.code).some((text) => containsLines(text, block))).map((block) => `${s.code}:\n${block}`),
      ...s.fixes.filter((block) => !textsOf(`${s.code}.ok`).some((text) => containsLines(text, block))).map((block) => `${s.code}.ok:\n${block}`),
    ]);
    expect(strays).toEqual([]);
  });

  test('shows rendered output exactly as a golden case renders it', () => {
    const rendered = catalog.map((code) => {
      try {
        return readFileSync(path.join(goldenFolder, `${code}${expectedSuffix}`), 'utf8');
      } catch {
        return '';
      }
    });
    const strays = textBlocks.filter((block) => !rendered.some((output) => output.includes(block)));
    expect(strays).toEqual([]);
  });
});
