/**
 * Spans (offsets) to 1-based lines and columns for the machine-readable
 * formats. Columns count UTF-16 code units, as editors and SARIF's default
 * `columnKind` do; ends are exclusive (the position just after the span).
 */
import { LineMap, type Span } from '../grammar/index.js';

export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A function that locates spans in the files of `texts`, or `undefined` for files with no text. */
export function rangeLocator(texts: ReadonlyMap<string, string>): (file: string, span: Span) => Range | undefined {
  const lineMaps = new Map<string, LineMap>();
  return (file, span) => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    let map = lineMaps.get(file);
    if (map === undefined) {
      map = new LineMap(text);
      lineMaps.set(file, map);
    }
    const start = map.position(span.start);
    const end = map.position(Math.max(span.start, span.end));
    return { line: start.line + 1, column: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1 };
  };
}
