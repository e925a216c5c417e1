/**
 * `mpol doc <policy> [--format markdown|html] [--out <file or folder>]`:
 * the policy's readable document (compiler/doc/). Markdown by default, or
 * HTML when asked for or when `--out` names a `.html` file; to standard
 * output, or written whole to the file (into a folder, named after the
 * policy's root file).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { policyDocument, renderHtml, renderMarkdown } from '../../compiler/index.js';
import { exitCodes, type CliContext, type ExitCode } from '../context.js';
import { shownPath } from '../../compiler/disk/host.js';
import { loadOnePolicy } from '../one-policy.js';
import { requireMermaid } from '../vendor.js';
import { writeOutput } from '../write-output.js';

export const docFormats = ['markdown', 'html'] as const;
export type DocFormat = (typeof docFormats)[number];

export interface DocOptions {
  readonly format?: DocFormat;
  readonly out?: string;
}

export function doc(policyPath: string, options: DocOptions, ctx: CliContext): ExitCode {
  const format = options.format ?? (options.out !== undefined && /\.html?$/i.test(options.out) ? 'html' : 'markdown');
  const policy = loadOnePolicy(policyPath, ctx);
  if (typeof policy === 'number') return policy;
  const document = policyDocument(policy);
  let text: string;
  if (format === 'html') {
    const mermaid = requireMermaid();
    text = renderHtml(document, { mermaid });
  } else text = renderMarkdown(document);

  if (options.out === undefined) {
    ctx.out(text);
    return exitCodes.ok;
  }
  const file = outputFile(ctx.cwd, options.out, policy.root, format);
  const failed = writeOutput(ctx, file, text);
  if (failed !== undefined) return failed;
  ctx.out(`wrote ${shownPath(ctx.cwd, file)}\n`);
  return exitCodes.ok;
}

/** `--out` as a file; a folder (existing, or written with a trailing slash) gets `<root name>.md` or `.html`. */
export function outputFile(cwd: string, out: string, root: string, format: DocFormat): string {
  const resolved = path.resolve(cwd, out);
  if (/[\\/]$/.test(out) || isFolder(resolved)) {
    return path.join(resolved, `${path.basename(root, '.mpol')}.${format === 'html' ? 'html' : 'md'}`);
  }
  return resolved;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
