// The whole document of the example policy, as a golden file: the plain
// words of every rule, the tables and the diagrams in place.
// `npx vitest -u test/doc` accepts changes; read the diff first.
import { expect, it } from 'vitest';
import { policyDocument, renderMarkdown } from '../../compiler/index.js';
import { compileFolder } from '../diagrams/policies.js';

it('documents the example policy', async () => {
  await expect(renderMarkdown(policyDocument(compileFolder('policies/example')))).toMatchFileSnapshot('golden/example.md');
});
