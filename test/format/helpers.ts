/**
 * What the formatter's tests share: the texts it is tried on (goldens,
 * bundled policies, generated policies), and the views of a text that
 * formatting must not change (its tree without spans, its comments).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatPolicy, type FormatOptions } from '../../compiler/format/index.js';
import { lex, parse, type Comment } from '../../grammar/index.js';
import { generatePolicy } from '../bench/generate-policy.js';
import { readBundledPolicies } from '../grammar/fuzz-helpers.js';

export const goldenFolder = path.join(import.meta.dirname, 'golden');
export const formattedSuffix = '.formatted.mpol';

export interface Sample {
  readonly name: string;
  readonly text: string;
  readonly options: Partial<FormatOptions>;
}

/** A golden input's options, from a first line such as `// format: printWidth 40, useTabs`. */
export function goldenOptions(text: string): Partial<FormatOptions> {
  const directive = /^\/\/ format: (.*)$/m.exec(text.split('\n', 1)[0] ?? '');
  if (directive === null) return {};
  const options: Record<string, unknown> = {};
  for (const setting of directive[1]!.split(',')) {
    const [key, value] = setting.trim().split(/\s+/) as [string, string | undefined];
    options[key] = value === undefined ? true : /^\d+$/.test(value) ? Number(value) : value;
  }
  return options as Partial<FormatOptions>;
}

/** The golden inputs: every `.mpol` in `golden/` that is not an expected output. */
export function goldenInputs(): Sample[] {
  return readdirSync(goldenFolder)
    .filter((name) => name.endsWith('.mpol') && !name.endsWith(formattedSuffix))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(goldenFolder, name), 'utf8');
      return { name: `golden/${name}`, text, options: goldenOptions(text) };
    });
}

/** Every text the properties run over: golden inputs and outputs, bundled policies, generated policies. */
export function allSamples(): Sample[] {
  const goldens = goldenInputs();
  const outputs = goldens.map((g) => ({ ...g, name: g.name.replace(/\.mpol$/, formattedSuffix), text: readFileSync(path.join(goldenFolder, path.basename(g.name).replace(/\.mpol$/, formattedSuffix)), 'utf8') }));
  const bundled = readBundledPolicies().map((file) => ({ name: file.path, text: file.text, options: {} }));
  const generated = [1, 2, 3].flatMap((seed) => [...generatePolicy(12_000, seed).files].map(([file, text]) => ({ name: `generated ${seed} ${file}`, text, options: {} })));
  return [...goldens, ...outputs, ...bundled, ...generated];
}

/** `text` formatted, failing the test on syntax errors. */
export function format(text: string, options: Partial<FormatOptions> = {}): string {
  const result = formatPolicy(text, options);
  if (result.kind !== 'formatted') throw new Error(`syntax errors: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.text;
}

/** The tree of `text` as JSON, without offsets: what formatting must keep. A block's braces count by being there. */
export function shape(text: string): string {
  return JSON.stringify(parse(text, 'shape.mpol').tree, (key, value: unknown) => (key === 'start' || key === 'end' ? undefined : key === 'braces' ? value !== undefined : value));
}

/** The comments of `text`, each line without the white space at its ends. */
export function commentTexts(text: string): string[] {
  return parse(text, 'comments.mpol').comments.map((c: Comment) => c.text.split(/\r\n|\r|\n/).map((line) => line.trim()).join('\n'));
}

/**
 * `text` with every line's indentation removed and runs of spaces
 * collapsed, outside strings and comments: the white space between tokens
 * keeps only its line breaks, or becomes one space.
 */
export function mangle(text: string): string {
  const { tokens, comments } = lex(text, 'mangle.mpol');
  const pieces = [...tokens.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length })), ...comments].sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const piece of pieces) {
    const gap = text.slice(at, piece.start);
    result += gap.includes('\n') ? gap.replace(/[^\n]/g, '') : gap === '' ? '' : ' ';
    result += text.slice(piece.start, piece.end);
    at = piece.end;
  }
  const tail = text.slice(at);
  return result + (tail.includes('\n') ? tail.replace(/[^\n]/g, '') : '');
}
