/**
 * The `.editorconfig` files that apply to a file, read as Prettier reads
 * them without Prettier: from the file's folder up to the project's root
 * (the folder holding `.git` or `.hg`) or to a file that says
 * `root = true`, nearer files and later sections winning; then
 * `indent_style`, `indent_size`, `tab_width`, `max_line_length` and
 * `end_of_line` turned into Prettier's options.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { matchesSectionGlob } from './globs.js';

interface Editorconfig {
  readonly root: boolean;
  readonly sections: readonly { readonly glob: string; readonly properties: Readonly<Record<string, string>> }[];
}

/** The Prettier options the `.editorconfig` files give `file` (absolute). */
export async function readEditorconfig(file: string): Promise<Record<string, unknown>> {
  const found: { folder: string; config: Editorconfig }[] = [];
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const text = await readFile(path.join(folder, '.editorconfig'), 'utf8').catch(() => undefined);
    const config = text === undefined ? undefined : parseEditorconfig(text);
    if (config !== undefined) found.unshift({ folder, config });
    if (config?.root === true || isProjectRoot(folder) || path.dirname(folder) === folder) break;
  }
  const properties: Record<string, unknown> = Object.create(null);
  for (const { folder, config } of found) {
    const relative = path.relative(folder, file).split(path.sep).join('/');
    for (const section of config.sections) if (matchesSectionGlob(section.glob, relative)) Object.assign(properties, section.properties);
  }
  return toPrettier(normalize(properties));
}

function isProjectRoot(folder: string): boolean {
  return existsSync(path.join(folder, '.git')) || existsSync(path.join(folder, '.hg'));
}

export function parseEditorconfig(text: string): Editorconfig {
  let root = false;
  const sections: { glob: string; properties: Record<string, string> }[] = [];
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section !== null) {
      sections.push({ glob: section[1]!, properties: Object.create(null) as Record<string, string> });
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*?)\s*(?:\s[#;].*)?$/.exec(line);
    if (pair === null) continue;
    const key = pair[1]!.toLowerCase();
    const current = sections[sections.length - 1];
    if (current !== undefined) current.properties[key] = pair[2]!;
    else if (key === 'root') root = pair[2]!.toLowerCase() === 'true';
  }
  return { root, sections };
}

/** Values as the editorconfig library gives them: known ones lowercased, numbers as numbers; `indent_size` and `tab_width` standing in for each other. */
function normalize(properties: Record<string, unknown>): Record<string, unknown> {
  const known = ['end_of_line', 'indent_style', 'indent_size', 'max_line_length'];
  const values: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(properties)) {
    const text = known.includes(key) ? String(value).toLowerCase() : String(value);
    values[key] = /^\d+$/.test(text) ? Number(text) : text;
  }
  if (values.indent_style === 'tab' && !('indent_size' in values)) values.indent_size = 'tab';
  if ('indent_size' in values && !('tab_width' in values) && values.indent_size !== 'tab') values.tab_width = values.indent_size;
  if ('tab_width' in values && values.indent_size === 'tab') values.indent_size = values.tab_width;
  return values;
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Prettier's reading of the properties. */
function toPrettier(values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (values.indent_style === 'space') result.useTabs = false;
  else if (values.indent_style === 'tab' || values.indent_size === 'tab') result.useTabs = true;
  if (result.useTabs === false && positive(values.indent_size)) result.tabWidth = values.indent_size;
  else if (positive(values.tab_width)) result.tabWidth = values.tab_width;
  if (values.max_line_length === 'off') result.printWidth = Number.POSITIVE_INFINITY;
  else if (positive(values.max_line_length)) result.printWidth = values.max_line_length;
  if (values.end_of_line === 'lf' || values.end_of_line === 'crlf' || values.end_of_line === 'cr') result.endOfLine = values.end_of_line;
  return result;
}
