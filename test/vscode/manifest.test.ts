// The extension's manifest and the files it names: what VS Code reads when it
// installs the .vsix, checked without VS Code (test/editors/ checks it in one).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';

const extension = path.resolve(import.meta.dirname, '../../vscode-extension');
const read = (file: string): string => readFileSync(path.join(extension, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  name: string;
  publisher: string;
  version: string;
  license: string;
  icon: string;
  main: string;
  repository: { url: string };
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { default: unknown; enum?: string[] }> };
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
};

describe('the extension manifest', () => {
  it('names the publisher, the repository and a licence that ships', () => {
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.repository.url).toMatch(/^https:\/\//);
    expect(manifest.license).toBe('MIT');
    expect(read('LICENSE')).toContain('MIT License');
  });

  it('has a PNG icon of at least 128 pixels square', () => {
    const png = readFileSync(path.join(extension, manifest.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(128);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });

  it('declares the mpol language for .mpol files with its configuration, grammar and snippets', () => {
    expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: 'mpol', extensions: ['.mpol'] })]);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: 'mpol', scopeName: 'source.mpol' });
    for (const file of [manifest.contributes.languages[0]!.configuration, grammar!.path, ...manifest.contributes.snippets.map((s) => s.path)]) {
      expect(existsSync(path.join(extension, file)), file).toBe(true);
    }
  });

  it('registers in code exactly the commands it contributes, titled under the mpol category', () => {
    const titles = manifest.contributes.commands.map((command) => `${command.category}: ${command.title}`);
    expect(titles.sort()).toEqual(['mpol: Restart language server', 'mpol: Show flow diagram', 'mpol: Simulate policy']);
    const source = readdirSync(path.join(extension, 'src')).filter((file) => file.endsWith('.ts')).map((file) => read(`src/${file}`)).join('\n');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1]).sort();
    expect(registered).toEqual(manifest.contributes.commands.map((command) => command.command).sort());
  });

  it('offers the trace and diagnostics settings', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(properties['mpol.trace.server']).toMatchObject({ default: 'off', enum: ['off', 'messages', 'verbose'] });
    expect(properties['mpol.diagnostics.run']).toMatchObject({ default: 'onType', enum: ['onType', 'onSave'] });
  });

  it('indents mpol files as the formatter does, two spaces, where a file does not say otherwise', () => {
    expect(manifest.contributes.configurationDefaults['[mpol]']).toMatchObject({ 'editor.tabSize': 2, 'editor.insertSpaces': true });
  });

  it('types the VS Code API no newer than the oldest VS Code it claims to run in', () => {
    const engine = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    expect(engine, manifest.engines.vscode).not.toBeNull();
    expect(manifest.engines.vscode).toBe('^1.91.0');
    const types = /^(\d+)\.(\d+)\.\d+$/.exec(manifest.devDependencies['@types/vscode']!);
    expect(types, 'an exact @types/vscode version').not.toBeNull();
    const [, major, minor] = types!.map(Number);
    expect(major! * 1000 + minor!).toBeLessThanOrEqual(Number(engine![1]) * 1000 + Number(engine![2]));
  });

  it('packages mpol-<version>.vsix with vsce 3 without dependencies, the client bundled as CommonJS with vscode external', () => {
    expect(manifest.devDependencies['@vscode/vsce']).toMatch(/^3\./);
    expect(manifest.scripts['package']).toContain('vsce package --no-dependencies --out mpol-$npm_package_version.vsix');
    const build = read('scripts/build.mjs');
    expect(build).toMatch(/format: 'cjs'[\s\S]*external: \['vscode'\]/);
    expect(manifest.main).toBe('./dist/extension.js');
  });
});

describe('the language configuration', () => {
  const configuration = JSON.parse(read('language-configuration.json')) as {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: [string, string][];
    wordPattern: string;
    folding: { markers: { start: string; end: string } };
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  };
  // VS Code compiles the word pattern with the global flag and finds the word around the cursor.
  const words = (text: string): string[] => [...text.matchAll(new RegExp(configuration.wordPattern, 'g'))].map((match) => match[0]);

  it('keeps error codes, durations and names whole, and splits at dots and punctuation', () => {
    expect(words('on failure fail MA122')).toEqual(['on', 'failure', 'fail', 'MA122']);
    expect(words('within 1h30m after SwitchAccount')).toEqual(['within', '1h30m', 'after', 'SwitchAccount']);
    expect(words('installation.meters >= 1')).toEqual(['installation', 'meters', '1']);
    expect(words('may fail EX301, EX_302')).toEqual(['may', 'fail', 'EX301', 'EX_302']);
    expect(words('factor 1.5 cap 10m')).toEqual(['factor', '1.5', 'cap', '10m']);
  });

  it('has the language\'s comments and brackets', () => {
    expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(configuration.brackets).toEqual([['{', '}'], ['(', ')']]);
  });

  it('indents after an opening brace and outdents a closing one, not for braces in comments', () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    expect(increase.test('  step A ref "2.1" by P {')).toBe(true);
    expect(increase.test('  step A ref "2.1" by P { produces M }')).toBe(false);
    expect(increase.test('  // a comment {')).toBe(false);
    expect(decrease.test('  }')).toBe(true);
    expect(new RegExp(configuration.folding.markers.start).test('// region Steps')).toBe(true);
    expect(new RegExp(configuration.folding.markers.end).test('  // endregion')).toBe(true);
  });
});

describe('the snippets', () => {
  const snippets = JSON.parse(read('snippets/mpol.code-snippets')) as Record<string, { prefix: string; body: string[] }>;
  /** A snippet as VS Code inserts it when every placeholder keeps its default (a choice its first option). */
  const expand = (body: string[]): string =>
    body
      .join('\n')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '');
  const syntaxErrors = (text: string): string[] => parse(text, 'snippet.mpol').diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

  it('covers a new policy, an error code, a retry strategy, a step with undo and an incident', () => {
    expect(Object.values(snippets).map((snippet) => snippet.prefix).sort()).toEqual(['error', 'incident', 'policy', 'retry', 'step']);
  });

  it('each expands to text that parses, in the place it is meant for', () => {
    const head = 'policy P version "1" "T"\n';
    const places: Record<string, (text: string) => string> = {
      policy: (text) => text,
      error: (text) => head + text,
      retry: (text) => head + text,
      step: (text) => `${head}migration {\n${text}\n}\n`,
      incident: (text) => `${head}migration {\n  step S ref "1" by P {\n${text}\n  }\n}\n`,
    };
    for (const [name, snippet] of Object.entries(snippets)) {
      expect(syntaxErrors(places[snippet.prefix]!(expand(snippet.body))), name).toEqual([]);
    }
  });

  it('a broken snippet would be caught', () => {
    expect(syntaxErrors(`policy P version "1" "T"\nretry R ref "1" { tier short: 3 retries every }\n`)).not.toEqual([]);
  });
});
