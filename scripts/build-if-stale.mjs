// `npm start` runs this first (the `prestart` script): it builds dist/ when
// the command is missing or older than any source it is built from, so a
// fresh clone needs only `npm ci && npm start`. The package has no install
// script (decision 0023), so `npm ci` does not build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceFolders = ['common', 'grammar', 'compiler', 'runtime', 'lsp', 'cli', 'scripts'];
const sourceFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** Whether `root`'s built command is missing or older than a source of it. */
export function isStale(root) {
  const built = statSync(path.join(root, 'dist', 'mpol.js'), { throwIfNoEntry: false });
  if (built === undefined) return true;
  const sources = Math.max(...[...sourceFolders, ...sourceFiles].map((name) => newest(path.join(root, name))));
  return sources > built.mtimeMs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (isStale(root)) {
    console.log('Building mpol first (npm run build), as dist/ is missing or older than its sources.');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    process.exitCode = build.status ?? 1;
  }
}
