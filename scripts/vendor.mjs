// Copies the browser bundle of Mermaid (a development dependency) into
// dist/vendor/, with its licence, so that `mpol doc --format html` and
// `mpol simulate --format html` can inline it into self-contained pages
// from an installed package, without Mermaid as a runtime dependency
// (docs/decisions/0013-diagrams-drawn-by-the-browser.md).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'node_modules', 'mermaid');
const target = path.join(root, 'dist', 'vendor');
const { version, license } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));

mkdirSync(target, { recursive: true });
copyFileSync(path.join(source, 'dist', 'mermaid.min.js'), path.join(target, 'mermaid.min.js'));
copyFileSync(path.join(source, 'LICENSE'), path.join(target, 'mermaid.LICENSE'));
writeFileSync(path.join(target, 'mermaid.json'), `${JSON.stringify({ name: 'mermaid', version, license }, null, 2)}\n`);
