// Builds the extension into the folder `vsce package` packs:
//   syntaxes/mpol.tmLanguage.json  generated from grammar/tokens.ts (grammar/textmate.ts)
//   dist/extension.js              the client, CommonJS, `vscode` left to VS Code
//   dist/diagram-view.js           the flow diagram webview's script
//   server/mpol.mjs                the `mpol` bundle: the language server and the command line
//   server/vendor/                 Mermaid's browser bundle and licence, beside it
// The root's `npm run build` makes dist/mpol.js and dist/vendor/ first.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(here, '..');
const at = (...parts) => path.join(here, ...parts);

const bundle = path.join(root, 'dist', 'mpol.js');
const vendor = path.join(root, 'dist', 'vendor');
if (!existsSync(bundle) || !existsSync(path.join(vendor, 'mermaid.min.js'))) {
  console.error('vscode-extension: dist/mpol.js or dist/vendor/ is missing: run `npm run build` in the repository root first');
  process.exit(2);
}

// The TextMate grammar, from the keyword categories.
const scratch = mkdtempSync(path.join(tmpdir(), 'mpol-extension-build-'));
try {
  const generator = path.join(scratch, 'textmate.mjs');
  await build({ entryPoints: [path.join(root, 'grammar', 'textmate.ts')], bundle: true, platform: 'node', format: 'esm', outfile: generator, logLevel: 'warning' });
  const { tmGrammar } = await import(pathToFileURL(generator).href);
  mkdirSync(at('syntaxes'), { recursive: true });
  writeFileSync(at('syntaxes', 'mpol.tmLanguage.json'), `${JSON.stringify(tmGrammar(), null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

rmSync(at('dist'), { recursive: true, force: true });
await build({
  entryPoints: [at('src', 'extension.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  outfile: at('dist', 'extension.js'),
  minify: true,
  logLevel: 'warning',
});
await build({
  entryPoints: [at('src', 'webview', 'diagram-view.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  outfile: at('dist', 'diagram-view.js'),
  logLevel: 'warning',
});

rmSync(at('server'), { recursive: true, force: true });
mkdirSync(at('server', 'vendor'), { recursive: true });
// `.mjs`: the bundle is an ES module, and this package is CommonJS for VS Code.
copyFileSync(bundle, at('server', 'mpol.mjs'));
for (const file of ['mermaid.min.js', 'mermaid.LICENSE', 'mermaid.json']) copyFileSync(path.join(vendor, file), at('server', 'vendor', file));
