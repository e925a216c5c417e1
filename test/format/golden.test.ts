// The formatter's golden pairs: every input in golden/ beside the output
// it must format to (NAME.formatted.mpol), for every construct and every
// place a comment can stand. A first line `// format: printWidth 40`
// sets options. `npx vitest run -u test/format` accepts new output;
// review the diff like code.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { format, formattedSuffix, goldenFolder, goldenInputs } from './helpers.js';

describe('golden pairs', () => {
  for (const golden of goldenInputs()) {
    test(golden.name, async () => {
      await expect(format(golden.text, golden.options)).toMatchFileSnapshot(path.join(goldenFolder, path.basename(golden.name).replace(/\.mpol$/, formattedSuffix)));
    });
  }
});
