/**
 * `mpol fmt <paths...>` formats policy files in place; `--check` lists
 * the files that are not formatted; `--stdin` formats standard input to
 * standard output. The layout is `docs/formatting.md`'s, printed by the
 * project's Prettier plugin through Prettier itself, with the options of
 * the `.prettierrc` (or `.editorconfig`) that applies to each file: what
 * `prettier --plugin mpol/prettier` prints, byte for byte.
 *
 * Prettier is loaded only here, when this command runs, so `check` and
 * `build` never pay for it (decision 0008). A file with syntax errors is
 * reported as `mpol check` reports it and left untouched; a file is
 * replaced atomically, so a crash never leaves half of one.
 */
import path from 'node:path';
import type { Options } from 'prettier';
import { renderDiagnostics, type ReadResult } from '../../compiler/index.js';
import { parse, type Diagnostic } from '../../grammar/index.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { discoverPolicyFiles } from '../../compiler/disk/discover.js';
import { describeFileError, fileSystemHost } from '../../compiler/disk/host.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface FmtOptions {
  /** List the files that are not formatted, and change nothing. */
  readonly check?: boolean;
  /** Format standard input to standard output. */
  readonly stdin?: boolean;
  /** The path standard input stands for: its name in messages, and where its Prettier options are looked up. */
  readonly stdinFilepath?: string;
}

/** Formats a text as the file at `file` (absolute) is formatted, or says why the options for it cannot be read. */
type Formatter = (text: string, file: string) => Promise<{ readonly kind: 'text'; readonly text: string } | { readonly kind: 'config-error'; readonly message: string }>;

export async function fmt(paths: readonly string[], options: FmtOptions, ctx: CliContext): Promise<ExitCode> {
  if (options.stdin === true) {
    if (paths.length > 0) return fail(ctx, '--stdin formats standard input: give no paths with it');
    return formatStdin(options.stdinFilepath ?? 'stdin.mpol', ctx);
  }
  if (paths.length === 0) return fail(ctx, 'name the .mpol files or folders to format, or use --stdin');
  if (options.stdinFilepath !== undefined) return fail(ctx, '--stdin-filepath goes with --stdin');
  const discovery = discoverPolicyFiles(paths, ctx.cwd);
  if (discovery.kind === 'error') return fail(ctx, discovery.message);
  const format = await loadFormatter();
  if (typeof format === 'string') return fail(ctx, format);
  const host = fileSystemHost(ctx.cwd);
  let exitCode: ExitCode = exitCodes.ok;
  const worse = (code: ExitCode): void => {
    if (code === exitCodes.usage || exitCode === exitCodes.ok) exitCode = code;
  };
  const changed: string[] = [];
  let failed = 0;
  for (const file of discovery.files) {
    const read = host.readFile(file);
    if (read.kind !== 'text') {
      ctx.err(`mpol: error: cannot read '${file}': ${unreadable(read)}\n`);
      worse(exitCodes.usage);
      failed++;
      continue;
    }
    const formatted = await formatOne(read.text, file, format, ctx);
    if (typeof formatted !== 'string') {
      worse(formatted);
      failed++;
      continue;
    }
    if (formatted === read.text) continue;
    changed.push(file);
    if (options.check === true) {
      ctx.out(`${file}\n`);
      worse(exitCodes.problems);
      continue;
    }
    try {
      writeFileAtomic(path.resolve(ctx.cwd, file), formatted);
    } catch (error) {
      ctx.err(`mpol: error: cannot write '${file}': ${describeFileError(error)}\n`);
      worse(exitCodes.usage);
      failed++;
      changed.pop();
    }
  }
  ctx.err(summary(options.check === true, discovery.files.length, changed.length, failed));
  return exitCode;
}

/** The last line: what was formatted (or would be), what already was, what could not be. */
function summary(checking: boolean, total: number, changed: number, failed: number): string {
  const unchanged = total - changed - failed;
  if (checking && changed === 0 && failed === 0) return total === 1 ? '1 file is formatted\n' : `all ${total} files are formatted\n`;
  const parts = checking ? [`${plural(changed, 'file')} not formatted`, `${unchanged} formatted`] : [`formatted ${plural(changed, 'file')}`, `${unchanged} already formatted`];
  if (failed > 0) parts.push(`${failed} not ${checking ? 'checked' : 'formatted'} because of the errors above`);
  const hint = checking && changed > 0 ? ': run `mpol fmt` on them' : '';
  return `${parts.join(', ')}${hint}\n`;
}

function unreadable(read: Exclude<ReadResult, { kind: 'text' }>): string {
  switch (read.kind) {
    case 'missing':
      return 'no such file';
    case 'unreadable':
      return read.reason;
    case 'binary':
      return 'it is not text (it contains NUL bytes or is not UTF-8)';
    case 'too-large':
      return `it is over the ${Math.round(read.limit / 1_048_576)} MiB limit`;
  }
}

async function formatStdin(file: string, ctx: CliContext): Promise<ExitCode> {
  const input = await ctx.readStdin();
  if (input.kind === 'error') return fail(ctx, `cannot read standard input: ${input.reason}`);
  const format = await loadFormatter();
  if (typeof format === 'string') return fail(ctx, format);
  const formatted = await formatOne(input.text, file, format, ctx);
  if (typeof formatted !== 'string') return formatted;
  ctx.out(formatted);
  return exitCodes.ok;
}

/** `text` formatted, or the exit code after saying why it was not: its syntax errors, or options that cannot be read. */
async function formatOne(text: string, file: string, format: Formatter, ctx: CliContext): Promise<string | ExitCode> {
  const { diagnostics } = parse(text, file);
  if (diagnostics.length > 0) {
    report(diagnostics, file, text, ctx);
    return exitCodes.problems;
  }
  const result = await format(text, path.resolve(ctx.cwd, file));
  if (result.kind === 'text') return result.text;
  ctx.err(`mpol: error: cannot format '${file}': ${result.message}\n`);
  return exitCodes.usage;
}

function report(diagnostics: readonly Diagnostic[], file: string, text: string, ctx: CliContext): void {
  const rendered = renderDiagnostics(diagnostics, new Map([[file, text]]), { color: ctx.color });
  ctx.err(`${rendered}\nmpol: '${file}' was not formatted, because of the syntax ${diagnostics.length === 1 ? 'error' : 'errors'} above\n`);
}

/**
 * Prettier and the package's own plugin, by their public names: loaded
 * from the installed package when `mpol fmt` runs, and never part of the
 * bundle. The names are constants rather than literals so the bundler
 * leaves them to Node, and bundles only the small document builders that
 * the language server's formatting uses.
 */
const prettierPackage = 'prettier';
const pluginPackage = 'mpol/prettier';

/** The formatter, or why it cannot be loaded (an installation missing its files). */
async function loadFormatter(): Promise<Formatter | string> {
  let prettier: typeof import('prettier');
  let plugin: typeof import('../../compiler/format/plugin.js');
  try {
    [prettier, plugin] = await Promise.all([import(prettierPackage) as Promise<typeof import('prettier')>, import(pluginPackage) as Promise<typeof import('../../compiler/format/plugin.js')>]);
  } catch (error) {
    return `cannot load Prettier, which \`mpol fmt\` formats with: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; reinstall mpol`;
  }
  return async (text, file) => {
    let config: Options;
    try {
      config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
    } catch (error) {
      return { kind: 'config-error', message: `its Prettier configuration cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
    try {
      return { kind: 'text', text: await prettier.format(text, { ...config, filepath: file, parser: 'mpol', plugins: [plugin.default] }) };
    } catch (error) {
      // Prettier refuses options it does not accept (`printWidth: "wide"`) with a message of its own; anything else is a bug.
      if (error instanceof Error && /^Invalid \S+ value/.test(error.message)) return { kind: 'config-error', message: error.message.split('\n')[0]! };
      throw error;
    }
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
