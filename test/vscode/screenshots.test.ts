// The screenshots the READMEs show: taken by the end-to-end test in VS Code
// (test/editors/, MPOL_SCREENSHOTS=update), committed, small, shipped in the
// .vsix for the extension's page, and each one shown somewhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const folder = path.join(repo, 'vscode-extension', 'media', 'screenshots');
const endToEnd = readFileSync(path.join(repo, 'test', 'editors', 'vscode.test.ts'), 'utf8');
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The local images a Markdown page shows, resolved from the page's folder. */
function imagesOf(page: string): string[] {
  const text = readFileSync(path.join(repo, page), 'utf8');
  return [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => path.resolve(repo, path.dirname(page), match[1]!));
}

describe('the README screenshots', () => {
  const files = readdirSync(folder).sort();

  it('are exactly the ones the end-to-end test takes for the README', () => {
    const taken = [...endToEnd.matchAll(/readmeShot\('([a-z-]+)'/g)].map((match) => `${match[1]}.png`).sort();
    expect(taken).toEqual(['flow-diagram.png', 'highlighting.png', 'hover.png', 'simulation-report.png']);
    expect(files).toEqual(taken);
  });

  it('are small PNG images', () => {
    for (const file of files) {
      const bytes = readFileSync(path.join(folder, file));
      expect(bytes.subarray(0, 8).equals(pngSignature), file).toBe(true);
      expect(statSync(path.join(folder, file)).size, file).toBeLessThan(120_000);
    }
  });

  it('are each shown by the extension\'s README, and highlighting, the diagram and the report by the project\'s', () => {
    const extensionPage = imagesOf('vscode-extension/README.md');
    expect([...extensionPage].sort()).toEqual(files.map((file) => path.join(folder, file)));
    const projectPage = imagesOf('README.md');
    for (const file of ['highlighting.png', 'flow-diagram.png', 'simulation-report.png']) expect(projectPage).toContain(path.join(folder, file));
  });

  it('ship in the .vsix, where the extension\'s page shows them', () => {
    expect(readFileSync(path.join(repo, 'vscode-extension', '.vscodeignore'), 'utf8').split('\n')).toContain('!media/screenshots/*.png');
  });
});
