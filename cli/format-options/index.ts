/**
 * The formatting options of a project, for the language server: the ones
 * `mpol fmt` formats a file with, so that an editor and the command line
 * print it alike. The server is handed `projectFormatOptions()` and never
 * reads a configuration itself.
 *
 * With Prettier installed beside the bundle (the package's own
 * dependency), its `resolveConfig` answers, loaded on the first
 * formatting request and never at start. The bundle alone (an editor
 * extension ships only it) reads the `.editorconfig` files and the
 * nearest Prettier configuration here, in the forms it can read without
 * Prettier (`prettierrc.ts`), and says so when it meets one it cannot.
 */
import type { ProjectFormatOptions } from '../../lsp/index.js';
import { readEditorconfig } from './editorconfig.js';
import { optionsFrom } from './options.js';
import { readPrettierConfig } from './prettierrc.js';

/** Prettier's public name, a constant so that the bundler leaves it to Node (as `mpol fmt` does). */
const prettierPackage = 'prettier';

type Prettier = Pick<typeof import('prettier'), 'resolveConfig' | 'clearConfigCache'>;

/** A resolver of a file's options; `loadPrettier` is for tests that need to be without it. */
export function projectFormatOptions(loadPrettier: () => Promise<Prettier> = async () => (await import(prettierPackage)) as Prettier): (file: string) => Promise<ProjectFormatOptions> {
  let prettier: Promise<Prettier | undefined> | undefined;
  return async (file) => {
    prettier ??= loadPrettier().catch(() => undefined);
    const loaded = await prettier;
    try {
      return loaded === undefined ? await withoutPrettier(file) : await withPrettier(loaded, file);
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
  };
}

async function withPrettier(prettier: Prettier, file: string): Promise<ProjectFormatOptions> {
  // A configuration edited since the last request counts: Prettier's caches are dropped first.
  await prettier.clearConfigCache();
  const config = await prettier.resolveConfig(file, { editorconfig: true });
  return config === null ? { kind: 'none' } : optionsFrom(config);
}

async function withoutPrettier(file: string): Promise<ProjectFormatOptions> {
  const prettierrc = await readPrettierConfig(file);
  if (prettierrc.kind === 'error') return prettierrc;
  const editorconfig = await readEditorconfig(file);
  // As Prettier has it: no configuration when neither gives one, else the Prettier configuration over the `.editorconfig`.
  if (prettierrc.kind === 'none' && Object.keys(editorconfig).length === 0) return { kind: 'none' };
  return optionsFrom({ ...editorconfig, ...(prettierrc.kind === 'options' ? prettierrc.options : {}) });
}
