/**
 * Output is all or nothing: `mpol build` writes every module or none,
 * through temporary files renamed into place, so neither a failure nor a
 * kill leaves a module half written or fresh and stale modules mixed; it
 * refuses a system file system and a named pipe with a message; and a
 * simulation given Ctrl-C on a terminal gives the terminal back its cursor
 * and its line wrapping.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { WriteFailure, writeFilesAtomic } from '../../cli/write-atomic.js';
import { exampleCopy, hasStackTrace, mainScript, runCli, tempFolder } from './run-cli.js';
import { childEnv } from '../child-env.js';

const repo = path.resolve(import.meta.dirname, '../..');

/** A copy of the example with a second policy, `second.mpol`, beside it. */
function twoPolicies(): string {
  const folder = exampleCopy();
  const second = readFileSync(path.join(folder, 'example.mpol'), 'utf8').replace('policy Example', 'policy Second');
  writeFileSync(path.join(folder, 'second.mpol'), second);
  return folder;
}

describe('mpol build writes every module or none', () => {
  it('leaves every old module as it was when one of them cannot be written', () => {
    const folder = twoPolicies();
    mkdirSync(path.join(folder, 'out', 'second.ts'), { recursive: true });
    writeFileSync(path.join(folder, 'out', 'example.ts'), 'stale');
    const run = runCli(['build', 'example.mpol', 'second.mpol', '--out', 'out'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("mpol: error: cannot write 'out/second.ts': it is a folder; nothing was written\n");
    expect(readFileSync(path.join(folder, 'out', 'example.ts'), 'utf8')).toBe('stale');
    expect(readdirSync(path.join(folder, 'out')).sort()).toEqual(['example.ts', 'second.ts']);
  });

  it('replaces every module when all can be written, leaving no temporary file', () => {
    const folder = twoPolicies();
    mkdirSync(path.join(folder, 'out'));
    writeFileSync(path.join(folder, 'out', 'example.ts'), 'stale');
    const run = runCli(['build', 'example.mpol', 'second.mpol', '--out', 'out'], folder);
    expect(run.status).toBe(0);
    expect(readdirSync(path.join(folder, 'out')).sort()).toEqual(['example.ts', 'second.ts']);
    expect(readFileSync(path.join(folder, 'out', 'example.ts'), 'utf8')).toContain('mpol/runtime');
  });

  it('refuses /proc at once, where making folders would never end', () => {
    const folder = exampleCopy();
    const run = runCli(['build', '.', '--out', '/proc/mpol-out'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^mpol: error: cannot create folder '\S*proc\/mpol-out': '\S*proc' is on proc, a system file system, not a place for files\n$/);
    expect(run.milliseconds).toBeLessThan(10_000);
  });

  it('refuses a module path that is a named pipe instead of blocking on it', () => {
    const folder = exampleCopy();
    mkdirSync(path.join(folder, 'out'));
    execFileSync('mkfifo', [path.join(folder, 'out', 'example.ts')]);
    const run = runCli(['build', '.', '--out', 'out'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("mpol: error: cannot write 'out/example.ts': it is a named pipe, not a regular file; nothing was written\n");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('writeFilesAtomic', () => {
  it('touches no target and leaves no temporary file when a later file fails', () => {
    const folder = tempFolder();
    const first = path.join(folder, 'first.ts');
    writeFileSync(first, 'old');
    const failing = path.join(folder, 'missing-folder', 'second.ts');
    let thrown: unknown;
    try {
      writeFilesAtomic([{ file: first, text: 'new' }, { file: failing, text: 'new' }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WriteFailure);
    expect((thrown as WriteFailure).file).toBe(failing);
    expect(readFileSync(first, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['first.ts']);
  });

  it('leaves a 20 MB file whole, old or new, however a process writing it is killed', async () => {
    const folder = tempFolder();
    // The writer as plain JavaScript, for a child process to run and be killed in.
    const writer = path.join(folder, 'writer.mjs');
    buildSync({ entryPoints: [path.join(repo, 'cli/write-atomic.ts')], outfile: path.join(folder, 'write-atomic.mjs'), format: 'esm', platform: 'node', logLevel: 'silent' });
    writeFileSync(
      writer,
      `import { writeFilesAtomic } from './write-atomic.mjs';
const size = 20 * 1024 * 1024;
const texts = ['a'.repeat(size), 'b'.repeat(size)];
for (let i = 0; ; i++) writeFilesAtomic([{ file: process.argv[2], text: texts[i % 2] }]);\n`,
    );
    const target = path.join(folder, 'module.ts');
    writeFileSync(target, 'a'.repeat(20 * 1024 * 1024));
    for (const delay of [150, 230, 310, 390, 470]) {
      const child = spawn(process.execPath, [writer, target], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      const text = readFileSync(target, 'utf8');
      expect(text.length).toBe(20 * 1024 * 1024);
      expect(text === 'a'.repeat(text.length) || text === 'b'.repeat(text.length)).toBe(true);
    }
  }, 60_000);
});

describe('the terminal after mpol simulate', () => {
  it('gets its cursor and line wrapping back after Ctrl-C', async () => {
    const folder = tempFolder();
    const log = path.join(folder, 'terminal.log');
    const env = childEnv();
    // util-linux's `script` runs the command on a pseudo-terminal; ^C written to it is Ctrl-C, a SIGINT to the command.
    const command = `${process.execPath} ${mainScript} simulate policies/mehrs/v2.1 --cohort IOC=50000000 > /dev/null`;
    const child = spawn('script', ['-qfec', command, log], { cwd: repo, env, stdio: ['pipe', 'ignore', 'ignore'] });
    const status = await new Promise<number | null>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(log) && readFileSync(log, 'utf8').includes('simulating [')) {
          clearInterval(poll);
          child.stdin.write('\u0003');
        }
      }, 100);
      child.on('close', (code) => {
        clearInterval(poll);
        resolve(code);
      });
    });
    const terminal = readFileSync(log, 'utf8');
    // Ended as Ctrl-C ends a command: by SIGINT, which a shell reports as 130.
    expect(status).toBe(130);
    expect(terminal).toContain('\u001b[?25l');
    expect(terminal.lastIndexOf('\u001b[?25h')).toBeGreaterThan(terminal.lastIndexOf('\u001b[?25l'));
    expect(terminal).toContain('\u001b[?7l');
    expect(terminal.lastIndexOf('\u001b[?7h')).toBeGreaterThan(terminal.lastIndexOf('\u001b[?7l'));
  }, 60_000);

  it('is left alone when the output is not a terminal', () => {
    const run = spawnSync(process.execPath, [mainScript, 'simulate', 'policies/example', '--cohort', 'IOC=100'], { cwd: repo, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('\u001b[');
  });
});
