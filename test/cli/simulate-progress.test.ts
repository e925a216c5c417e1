// `mpol simulate --progress`: a bar on a terminal by default, JSON lines on
// standard error for programs (the editor extension shows them in its
// progress UI), or nothing; the output itself never changes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const small = ['simulate', 'policies/example', '--cohort', 'IOC=2000', '--seed', '3'];

describe('mpol simulate --progress', () => {
  it('writes {"done","total"} lines on standard error with json, ending at the total', () => {
    const run = runCli([...small, '--progress', 'json'], repo);
    expect(run.status).toBe(0);
    const lines = run.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as { done: number; total: number });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.total === 2000 && line.done >= 0 && line.done <= 2000)).toBe(true);
    expect(lines.at(-1)).toEqual({ done: 2000, total: 2000 });
    expect(lines.map((line) => line.done)).toEqual([...lines.map((line) => line.done)].sort((a, b) => a - b));
    expect(run.stdout).toBe(runCli(small, repo).stdout);
  });

  it('writes nothing on standard error with none, and refuses another mode', () => {
    expect(runCli([...small, '--progress', 'none'], repo).stderr).toBe('');
    const wrong = runCli([...small, '--progress', 'bars'], repo);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("argument 'bars' is invalid");
  });

  it('reports a campaign\'s progress the same way', () => {
    const run = runCli(['simulate', 'policies/mehrs/v2.1', '--campaign', '--cohort', 'FOC=20000', '--threads', '1', '--progress', 'json'], repo);
    expect(run.status).toBe(0);
    const last = JSON.parse(run.stderr.trimEnd().split('\n').at(-1)!) as { done: number; total: number };
    expect(last.done).toBe(last.total);
  });
});
