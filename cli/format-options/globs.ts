/**
 * The globs of `.editorconfig` sections and of Prettier's `overrides`, as
 * regular expressions over `/`-separated paths: `*` and `?` within a
 * folder, `**` across folders, `[abc]` and `[!abc]`, `{a,b}` and numeric
 * `{1..3}`, `\` escaping the character after it.
 */

/** Whether `path` (relative to the configuration's folder, `/`-separated) matches an `.editorconfig` section's glob; a glob without `/` matches the file's name in any folder. */
export function matchesGlob(glob: string, path: string): boolean {
  return wholeMatch(glob.startsWith('/') ? glob.slice(1) : glob, glob.includes('/') ? path : baseName(path));
}

/** Whether `subject` is all of what `glob` matches. */
export function wholeMatch(glob: string, subject: string): boolean {
  try {
    return new RegExp(`^${translate(glob)}$`).test(subject);
  } catch {
    // A glob no expression can stand for matches nothing, as in the tools that read these files.
    return false;
  }
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '\\' && i + 1 < glob.length) out += escape(glob[++i]!);
    else if (char === '*' && glob[i + 1] === '*') {
      i++;
      // `**/` may also stand for no folder at all.
      if (glob[i + 1] === '/') {
        i++;
        out += '(?:.*/)?';
      } else out += '.*';
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, close);
        out += body.startsWith('!') ? `[^/${escapeClass(body.slice(1))}]` : `[${escapeClass(body)}]`;
        i = close;
      }
    } else if (char === '{') {
      const close = closingBrace(glob, i);
      const alternatives = close < 0 ? undefined : braceAlternatives(glob.slice(i + 1, close));
      if (alternatives === undefined) out += '\\{';
      else {
        out += `(?:${alternatives.map(translate).join('|')})`;
        i = close;
      }
    } else out += escape(char);
  }
  return out;
}

function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,b{c,d}` split at its top-level commas; `1..3` as its numbers; `undefined` for a lone word, which stands for itself. */
function braceAlternatives(body: string): string[] | undefined {
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  if (range !== null) {
    const [low, high] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
    if (high - low > 10_000) return undefined;
    return Array.from({ length: high - low + 1 }, (_, k) => String(low + k));
  }
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.length > 1 ? parts : undefined;
}

function escape(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, (c) => `\\${c}`);
}
