/**
 * Every fenced code block of README.md and docs/ is checked or run, so an
 * example cannot drift from what mpol does. The rules, by language:
 *
 * - `mpol`: checked by the compiler; a snippet without `policy` as a
 *   fragment of a policy, reporting every error except what a fragment
 *   cannot avoid (names declared elsewhere, things absent).
 * - `ts`: type-checked as a module, with the repository's strict flags.
 * - `sh`: every `mpol` or `npx mpol` line runs and exits 0, the lines of a
 *   block one after another in one folder.
 * - `text` starting with `$ mpol ...`: a transcript; the command runs and
 *   its output must be the rest of the block, exactly.
 * - anything else says how it is checked, on the line before its fence:
 *   `<!-- check: DIRECTIVE -->`, one of
 *   `file PATH` (the block is that file), `output of mpol ARGS` and
 *   `excerpt of mpol ARGS` (JSON output, all of it or some of each object),
 *   `fault model for FOLDER` (a valid fault model of that policy),
 *   `invalid fault model for FOLDER` (the next block lists its errors),
 *   `synopsis` (usage lines whose flags are exactly those of `--help`),
 *   `timeline rows` (rows exactly as `formatEvent` writes them),
 *   `formats to the next block` (an `mpol` snippet that the formatter
 *   turns into the next block, which is formatted already).
 *
 * docs/diagnostics.md is checked by test/golden/diagnostics-doc.test.ts
 * against the golden cases, its examples being mistakes on purpose.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPolicy } from '../../compiler/format/index.js';
import { formatFaultModelError, validateFaultModel, type TimelineEvent, type TimelineKind } from '../../runtime/index.js';
import { duration, formatEvent } from '../../runtime/testing/index.js';
import { documentationPages, readBlocks, repo, where, type Block } from './blocks.js';
import { jsonMismatches } from './json.js';
import { repositoryPolicy, snippetErrors } from './policies.js';
import { Sandbox } from './sandbox.js';
import { moduleName, typeCheck } from './typescript.js';

const delegated = new Set(['docs/diagnostics.md']);
const pages = documentationPages().filter((page) => !delegated.has(page));
const blocks = pages.flatMap(readBlocks);

let sandbox: Sandbox;
let typeErrors: Map<string, string[]>;
beforeAll(() => {
  sandbox = new Sandbox();
  typeErrors = typeCheck(blocks.filter((block) => block.language === 'ts'));
});
afterAll(() => sandbox.remove());

function directiveArgument(block: Block, name: string): string | undefined {
  const directive = block.directive ?? '';
  return directive.startsWith(`${name} `) ? directive.slice(name.length + 1) : undefined;
}

/** The block after `block` on its page. */
function nextBlock(block: Block): Block | undefined {
  const onPage = blocks.filter((other) => other.page === block.page);
  return onPage[onPage.indexOf(block) + 1];
}

/** Flags a `--help` text lists, less `--help` itself. */
function helpFlags(command: string): string[] {
  const run = sandbox.run(`mpol ${command} --help`);
  expect(run.status, `mpol ${command} --help`).toBe(0);
  const options = run.stdout.split(/\nOptions:\n/)[1]?.split(/\n\n/)[0] ?? '';
  return [...options.matchAll(/--[a-z-]+/g)].map((m) => m[0]).filter((flag) => flag !== '--help');
}

function checkSynopsis(block: Block): void {
  for (const line of block.text.split('\n')) {
    const command = /^mpol ([a-z]+)\b/.exec(line)?.[1];
    if (command === undefined) continue;
    const shown = [...new Set([...line.matchAll(/--[a-z-]+/g)].map((m) => m[0]))].filter((flag) => flag !== '--help');
    expect(shown.sort(), `the flags of \`mpol ${command}\``).toEqual([...new Set(helpFlags(command))].sort());
  }
}

function checkTimelineRows(block: Block): void {
  for (const row of block.text.split('\n')) {
    const match = /^(\S+)\s+(\S+)\s+(\S+?)(?: #(\d+))?(?:: (.*))?$/.exec(row);
    expect(match, `a timeline row: ${row}`).not.toBe(null);
    const [, time, kind, subject, attempt, detail] = match!;
    const event: TimelineEvent = {
      at: duration(time!),
      kind: kind as TimelineKind,
      step: subject!,
      ...(attempt === undefined ? {} : { attempt: Number(attempt) }),
      ...(detail === undefined ? {} : { detail }),
    };
    expect(formatEvent(event)).toBe(row);
  }
}

function checkFaultModel(block: Block, folder: string, expectErrors: boolean): void {
  const validation = validateFaultModel(JSON.parse(block.text) as unknown, repositoryPolicy(folder));
  const errors = validation.errors.map(formatFaultModelError);
  if (!expectErrors) {
    expect(errors, `the fault model of ${where(block)} for ${folder}`).toEqual([]);
    return;
  }
  const listed = nextBlock(block);
  expect(listed, 'the block after an invalid fault model lists its errors').toBeDefined();
  expect(errors.join('\n')).toBe(listed!.text);
}

function checkFormatting(block: Block): void {
  const after = nextBlock(block);
  expect(after?.language, 'the block after `formats to the next block`').toBe('mpol');
  expect(snippetErrors(block.text)).toBe('');
  const formatted = (text: string): string => {
    const result = formatPolicy(text);
    return result.kind === 'formatted' ? result.text : result.diagnostics.map((d) => d.message).join('\n');
  };
  expect(formatted(block.text)).toBe(`${after!.text}\n`);
  expect(formatted(after!.text)).toBe(`${after!.text}\n`);
}

function checkBlock(block: Block): void {
  const file = directiveArgument(block, 'file');
  const output = directiveArgument(block, 'output of');
  const excerpt = directiveArgument(block, 'excerpt of');
  const faults = directiveArgument(block, 'fault model for');
  const invalidFaults = directiveArgument(block, 'invalid fault model for');
  if (file !== undefined) {
    expect(`${block.text}\n`).toBe(readFileSync(path.join(repo, file), 'utf8'));
  } else if (output !== undefined || excerpt !== undefined) {
    const run = sandbox.run((output ?? excerpt)!);
    const mismatches = jsonMismatches(JSON.parse(block.text) as unknown, JSON.parse(run.stdout) as unknown, excerpt !== undefined);
    expect(mismatches).toEqual([]);
  } else if (faults !== undefined || invalidFaults !== undefined) {
    checkFaultModel(block, (faults ?? invalidFaults)!, invalidFaults !== undefined);
  } else if (block.directive === 'synopsis') {
    checkSynopsis(block);
  } else if (block.directive === 'timeline rows') {
    checkTimelineRows(block);
  } else if (block.directive === 'formats to the next block') {
    checkFormatting(block);
  } else if (block.directive !== undefined) {
    throw new Error(`unknown directive \`${block.directive}\``);
  } else if (block.language === 'mpol') {
    expect(snippetErrors(block.text)).toBe('');
  } else if (block.language === 'ts') {
    expect(typeErrors.get(moduleName(block)) ?? [], `type errors in ${where(block)}`).toEqual([]);
  } else if (block.language === 'sh') {
    // The lines of one block run one after another in one folder, as typed in one shell.
    const folder = sandbox.fresh();
    for (const line of block.text.split('\n').filter((l) => /^(npx )?mpol /.test(l))) {
      const run = sandbox.run(line, folder);
      expect(run.status, `${line}\n${run.output}`).toBe(0);
    }
  } else if (block.language === 'text' && block.text.startsWith('$ mpol ')) {
    const [command, ...expected] = block.text.split('\n');
    expect(sandbox.run(command!.slice(2)).output).toBe(`${expected.join('\n')}\n`);
  } else if (!isErrorList(block)) {
    throw new Error('this block is not checked: give it a language that is, or a `<!-- check: ... -->` line before its fence');
  }
}

/** The block after an `invalid fault model`, which that block's check compares. */
function isErrorList(block: Block): boolean {
  const onPage = blocks.filter((other) => other.page === block.page);
  const previous = onPage[onPage.indexOf(block) - 1];
  return previous !== undefined && directiveArgument(previous, 'invalid fault model for') !== undefined;
}

describe('code blocks of the documentation', () => {
  it('finds the blocks it checks', () => {
    expect(pages).toContain('docs/cli.md');
    expect(blocks.filter((block) => block.language === 'mpol').length).toBeGreaterThan(10);
  });

  for (const block of blocks) {
    it(`${where(block)} (${block.language || 'no language'})`, () => checkBlock(block));
  }
});
