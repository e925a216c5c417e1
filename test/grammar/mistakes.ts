/**
 * Helpers of the recovery tests: a clean policy with one mistake made in
 * it, and every diagnostic the whole front end reports for a text.
 */
import { expect } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';

/** `text` with one mistake: `from`, which must occur exactly once, replaced by `to`. */
export function withMistake(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `\`${from}\` must occur once`).toBe(1);
  return text.replace(from, to);
}

/** Every diagnostic of `text` checked as the file `file`, as `code \`underlined text\``, with the help when `help` is set. */
export function diagnose(file: string, text: string, help = false): string[] {
  const { diagnostics } = checkWorkspace([file], memoryHost({ [file]: text }));
  return diagnostics.map((d) => `${d.code} \`${text.slice(d.span.start, d.span.end)}\`${help ? `: ${d.help ?? 'no help'}` : ''}`);
}
