/**
 * How one comment prints (docs/decisions, "block comments"). A line
 * comment prints as written, less trailing white space. A block comment on
 * one line prints as written. A block comment over several lines keeps its
 * first line as written and re-indents the others to where the comment now
 * stands:
 *
 * - if every later line starts with `*`, each goes one space in, so the
 *   stars line up under the first one's (` * text`, ` *\/`);
 * - otherwise the later lines keep their indentation relative to the least
 *   indented of them, which goes three columns in (under the text after
 *   `/* `) when text follows `/*` on the first line, two columns in when
 *   `/*` stands alone; a last line that is only `*\/` goes under the `/*`.
 *
 * White space at the end of a line is dropped. The rule reads only the
 * comment's own lines, never the column it used to start at, so a comment
 * prints the same however the code around it was indented.
 */
import { builders } from 'prettier/doc';
import type { Comment } from '../../grammar/index.js';

type Doc = builders.Doc;

const { hardline } = builders;

export function printComment(comment: Comment, tabWidth: number): Doc {
  if (comment.kind === 'LineComment') return comment.text.trimEnd();
  const lines = comment.text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return comment.text;
  const [first, ...rest] = lines as [string, ...string[]];
  const trimmed = rest.map((text) => text.trim());
  const star = trimmed.every((text) => text === '' || text.startsWith('*'));
  const parts: Doc[] = [first.trimEnd()];
  if (star) {
    for (const text of trimmed) parts.push(hardline, text === '' ? '' : ` ${text}`);
    return parts;
  }
  const base = first.trim() === '/*' ? 2 : 3;
  const body = rest.filter((text, index) => trimmed[index] !== '' && !(index === rest.length - 1 && trimmed[index] === '*/'));
  const least = Math.min(...body.map((text) => indentation(text, tabWidth)));
  rest.forEach((text, index) => {
    const content = trimmed[index]!;
    if (content === '') parts.push(hardline, '');
    else if (index === rest.length - 1 && content === '*/') parts.push(hardline, '*/');
    else parts.push(hardline, ' '.repeat(base + indentation(text, tabWidth) - least) + content);
  });
  return parts;
}

/** The width of a line's leading white space, a tab reaching the next multiple of `tabWidth`. */
function indentation(text: string, tabWidth: number): number {
  let width = 0;
  for (const c of text) {
    if (c === ' ') width++;
    else if (c === '\t') width += tabWidth - (width % tabWidth);
    else break;
  }
  return width;
}
