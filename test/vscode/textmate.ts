/**
 * The extension's TextMate grammar run by the same engine VS Code uses
 * (vscode-textmate over Oniguruma), for tests: the scopes of each token of
 * a text, line by line, carrying the state across lines as the editor does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
export const grammarFile = path.resolve(import.meta.dirname, '../../vscode-extension/syntaxes/mpol.tmLanguage.json');

export interface Token {
  readonly line: number;
  readonly text: string;
  /** The innermost scope last. */
  readonly scopes: readonly string[];
}

export async function loadGrammar(json: unknown): Promise<(text: string) => Token[]> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scope) => (scope === 'source.mpol' ? textmate.parseRawGrammar(JSON.stringify(json), 'mpol.tmLanguage.json') : null),
  });
  const grammar = await registry.loadGrammar('source.mpol');
  if (grammar === null) throw new Error('the grammar did not load');
  return (text) => {
    const tokens: Token[] = [];
    let state = textmate.INITIAL;
    text.split('\n').forEach((line, index) => {
      const result = grammar.tokenizeLine(line, state);
      for (const token of result.tokens) {
        const piece = line.slice(token.startIndex, token.endIndex);
        if (piece.trim() !== '') tokens.push({ line: index + 1, text: piece, scopes: token.scopes });
      }
      state = result.ruleStack;
    });
    return tokens;
  };
}

export function committedGrammar(): unknown {
  return JSON.parse(readFileSync(grammarFile, 'utf8'));
}
