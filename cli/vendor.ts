/**
 * The browser libraries that generated HTML pages inline: Mermaid's
 * bundle, copied into `dist/vendor/` at build time (`scripts/vendor.mjs`,
 * docs/decisions/0013-diagrams-drawn-by-the-browser.md).
 */
import { readFileSync } from 'node:fs';

export interface Library {
  readonly source: string;
  /** `mermaid 11.17.2, MIT licence`, said in the page beside the inlined code. */
  readonly notice: string;
}

// `dist/mpol.js` finds `dist/vendor/`; the sources (run by tests) find the built copy.
const places = ['./vendor/', '../dist/vendor/'];

/** Mermaid's bundle, or `undefined` if this installation lacks it. */
export function readMermaid(): Library | undefined {
  for (const place of places) {
    try {
      const source = readFileSync(new URL(`${place}mermaid.min.js`, import.meta.url), 'utf8');
      const { name, version, license } = JSON.parse(readFileSync(new URL(`${place}mermaid.json`, import.meta.url), 'utf8')) as Record<string, string>;
      return { source, notice: `${name} ${version}, ${license} licence` };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Mermaid's bundle; its absence is a broken installation, reported as a bug (exit 70). */
export function requireMermaid(): Library {
  const mermaid = readMermaid();
  if (mermaid === undefined) throw new Error('the diagram library (dist/vendor/mermaid.min.js) is missing from this installation of mpol');
  return mermaid;
}
