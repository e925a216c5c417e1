// `npm run build` runs this first, so dist/ is built from nothing: the
// compiler does not delete what it compiled from a source that was since
// removed or moved, and the package would ship that file, with a source map
// pointing at a source that is gone.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
