/**
 * The nearest Prettier configuration of a file, found and read as
 * Prettier finds it, for when Prettier itself is not installed: the first
 * folder up from the file's that holds one, in Prettier's order of names;
 * JSON and plain YAML (`key: value` lines) read here, JavaScript ones
 * imported; its `overrides` applied to the file. A form only Prettier can
 * read (TOML, JSON5, a shared configuration by name, nested YAML) is a
 * message, never a configuration silently left out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseName, matchesOverrideGlob } from './globs.js';

export type PrettierConfig = { readonly kind: 'options'; readonly options: Record<string, unknown> } | { readonly kind: 'none' } | { readonly kind: 'error'; readonly message: string };

const names = [
  'package.json',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  ...['.prettierrc', 'prettier.config'].flatMap((base) => ['js', 'ts', 'mjs', 'mts', 'cjs', 'cts'].map((extension) => `${base}.${extension}`)),
  '.prettierrc.toml',
];

export async function readPrettierConfig(file: string): Promise<PrettierConfig> {
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    for (const name of names) {
      const config = path.join(folder, name);
      const text = await readFile(config, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const read = await readConfig(config, name, text);
      if (read === 'none') continue;
      if (typeof read === 'string') return { kind: 'error', message: `${config}: ${read}` };
      return { kind: 'options', options: withOverrides(read, path.relative(folder, file).split(path.sep).join('/')) };
    }
    if (path.dirname(folder) === folder) return { kind: 'none' };
  }
}

/** The configuration, `none` for a `package.json` without one, or why it cannot be read. */
async function readConfig(file: string, name: string, text: string): Promise<Record<string, unknown> | 'none' | string> {
  const unreadable = 'this form of Prettier configuration is read only by Prettier, which is not installed beside mpol';
  if (name === 'package.json') {
    const manifest = parseJson(text);
    if (typeof manifest === 'string') return manifest;
    const config = manifest.prettier;
    if (config === undefined) return 'none';
    return isRecord(config) ? config : unreadable;
  }
  if (name === '.prettierrc.json' || (name === '.prettierrc' && /^\s*[{[]/.test(text))) return parseJson(text);
  if (name === '.prettierrc' || name.endsWith('.yaml') || name.endsWith('.yml')) return parseFlatYaml(text) ?? unreadable;
  if (/\.[cm]?[jt]s$/.test(name)) {
    try {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      const config = module.default ?? module;
      return isRecord(config) ? config : 'it exports no configuration object';
    } catch (error) {
      return `it cannot be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
  }
  return unreadable;
}

function parseJson(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : 'it holds no configuration object';
  } catch (error) {
    return `it is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** `key: value` lines of scalars; `undefined` for anything more (lists, nesting), which only Prettier reads. */
function parseFlatYaml(text: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#') || line === '---') continue;
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (pair === null) return undefined;
    result[pair[1]!] = scalar(pair[2]!);
  }
  return result;
}

function scalar(text: string): unknown {
  if (/^(true|false)$/.test(text)) return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^(["'])(.*)\1$/.exec(text);
  return quoted === null ? text : quoted[2];
}

/** The configuration with the options of every override whose `files` match and whose `excludeFiles` do not. */
function withOverrides(config: Record<string, unknown>, relative: string): Record<string, unknown> {
  const { overrides, ...options } = config;
  if (!Array.isArray(overrides)) return options;
  const globs = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : []);
  let result = options;
  for (const override of overrides) {
    if (!isRecord(override) || !isRecord(override.options)) continue;
    if (overrideMatches(globs(override.files), globs(override.excludeFiles), relative)) result = { ...result, ...override.options };
  }
  return result;
}

/**
 * Prettier's matching of an override: its globs without `/` against the
 * file's name, those with `/` against its path; the excluded globs against
 * the same subject as the glob they exclude from, whatever their form.
 */
function overrideMatches(files: readonly string[], excluded: readonly string[], relative: string): boolean {
  const matchOn = (subject: string, globs: readonly string[]): boolean => globs.some((glob) => matchesOverrideGlob(glob, subject)) && !excluded.some((glob) => matchesOverrideGlob(glob, subject));
  return matchOn(baseName(relative), files.filter((glob) => !glob.includes('/'))) || matchOn(relative, files.filter((glob) => glob.includes('/')));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
