// The bundled policies compiled from their folders, for the diagram and
// document tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { checkWorkspace, memoryHost, type CompiledPolicy } from '../../compiler/index.js';

export const repo = path.resolve(import.meta.dirname, '../..');

/** The one policy of a folder of the repository, which must check without errors. */
export function compileFolder(folder: string): CompiledPolicy {
  const names = readdirSync(path.join(repo, folder)).filter((name) => name.endsWith('.mpol'));
  return compileFiles(new Map(names.map((name) => [`${folder}/${name}`, readFileSync(path.join(repo, folder, name), 'utf8')])));
}

/** The one policy of some files, which must check without errors. */
export function compileFiles(files: ReadonlyMap<string, string>): CompiledPolicy {
  const result = checkWorkspace([...files.keys()], memoryHost(files));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.policies).toHaveLength(1);
  return result.policies[0]!;
}

/** A one-file policy: `body` after a header that declares a party, a report and a code. */
export function compileSnippet(body: string): CompiledPolicy {
  const text = `policy P version "1" "Test"
section "1" "One"
party A "Party A"
report R "Report R" to A
error E "Failed" ref "1" { report R resubmit }
${body}`;
  return compileFiles(new Map([['p.mpol', text]]));
}
