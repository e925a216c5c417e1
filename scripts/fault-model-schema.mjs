// Writes schemas/fault-model.schema.json from the built runtime
// (runtime/fault-model/schema.ts): `npm run generate` runs it after the
// build; test/runtime/fault-model-schema.test.ts fails while the file differs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { faultModelSchema } from '../dist/runtime/fault-model/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'schemas', 'fault-model.schema.json'), `${JSON.stringify(faultModelSchema(), null, 2)}\n`);
