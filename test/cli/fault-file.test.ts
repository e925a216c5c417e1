/**
 * `mpol simulate --faults` reads its file with the care a `.mpol` file gets:
 * only a regular file, its size checked first, a byte order mark allowed;
 * whatever the file holds ends in a usage error with a message (exit 2),
 * never a hang, a stack trace or an internal error.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, hasStackTrace, runCli } from './run-cli.js';

/** Simulates the example with the fault model `faults` (a path relative to the copy), ten installations. */
function simulateWith(folder: string, faults: string) {
  return runCli(['simulate', '.', '--faults', faults, '--cohort', 'IOC=10'], folder);
}

function expectRefused(run: ReturnType<typeof runCli>, message: string): void {
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(message);
  expect(hasStackTrace(run.stderr)).toBe(false);
}

describe('the fault model file', () => {
  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const folder = exampleCopy();
    execFileSync('mkfifo', [path.join(folder, 'pipe.json')]);
    expectRefused(simulateWith(folder, 'pipe.json'), "cannot read the fault model 'pipe.json': it is not a regular file");
  });

  it('refuses a device that never ends, and a folder', () => {
    const folder = exampleCopy();
    expectRefused(simulateWith(folder, '/dev/zero'), "cannot read the fault model '/dev/zero': it is not a regular file");
    mkdirSync(path.join(folder, 'models'));
    expectRefused(simulateWith(folder, 'models'), "cannot read the fault model 'models': it is a folder");
  });

  it('refuses a file over the size limit before reading it', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'huge.json'), '');
    truncateSync(path.join(folder, 'huge.json'), 17 * 1024 * 1024);
    expectRefused(simulateWith(folder, 'huge.json'), "cannot read the fault model 'huge.json': it is 17.0 MB, over the 16.0 MB limit");
  });

  it('accepts a byte order mark, as a .mpol file does', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'bom.json'), `\uFEFF${readFileSync(path.join(folder, 'faults.json'), 'utf8')}`);
    const run = simulateWith(folder, 'bom.json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('says a JSON string is not a fault model, rather than printing it as an error', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'text.json'), '"cannot read the fault model"');
    expectRefused(simulateWith(folder, 'text.json'), 'text.json is not a valid fault model:\n  (root): expected an object, got "cannot read the fault model"');
  });

  it('reports JSON that does not parse, and nesting too deep, as usage errors', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'broken.json'), '{ "steps": ');
    expectRefused(simulateWith(folder, 'broken.json'), "the fault model 'broken.json' is not valid JSON: ");
    writeFileSync(path.join(folder, 'deep.json'), `{ "artefacts": { "TransferFiles": { "after": ${'['.repeat(20_000)}${']'.repeat(20_000)} } } }`);
    expectRefused(simulateWith(folder, 'deep.json'), 'nested more than 32 levels deep');
  });

  it('lists the first hundred errors and counts the rest', () => {
    const folder = exampleCopy();
    const steps = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`Unknown${index}`, {}]));
    writeFileSync(path.join(folder, 'many.json'), JSON.stringify({ steps }));
    const run = simulateWith(folder, 'many.json');
    expectRefused(run, '  and 4,900 more errors\n');
    expect(run.stderr.split('\n').filter((line) => line.startsWith('  steps.Unknown'))).toHaveLength(100);
  });
});
