/**
 * The version of mpol, read from its package.json at run time so that it
 * is written in one place only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function readVersion(): string {
  // The bundle sits in dist/ and the source in cli/, so walk up
  // until the package's own package.json rather than assume a depth.
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const version = versionIn(path.join(folder, 'package.json'));
    if (version !== undefined) return version;
    folder = path.dirname(folder);
  }
  return 'unknown';
}

function versionIn(file: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof manifest !== 'object' || manifest === null) return undefined;
    const { name, version } = manifest as { name?: unknown; version?: unknown };
    return name === 'mpol' && typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
