// The checker is kept busy with the newest text and nothing older: a change
// during a check cancels it, and the next check carries every change since.
import { describe, expect, it } from 'vitest';
import { joinPosix } from '../../compiler/index.js';
import { createCheckService, type Checker, type CheckRequest, type CheckResponse } from '../../lsp/index.js';
import { CheckScheduler } from '../../lsp/check-scheduler.js';
import { Files } from '../../lsp/files.js';
import { MemoryDisk } from './harness.js';
import { codesText, partiesText, policyText } from './fixtures.js';

function setUp() {
  const requests: CheckRequest[] = [];
  const cancels: number[] = [];
  let respond: (response: CheckResponse) => void = () => {};
  const checker: Checker = { request: (r) => void requests.push(r), cancelUpTo: (g) => void cancels.push(g), dispose: () => {} };
  const files = new Files(new MemoryDisk({ '/w/policy.mpol': policyText, '/w/parties.mpol': partiesText, '/w/codes.mpol': codesText }), () => scheduler.request());
  const scheduler = new CheckScheduler(files, (r) => ((respond = r), checker), () => {}, () => {});
  const answer = (response: CheckResponse) => respond(response);
  return { files, scheduler, requests, cancels, answer };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the check scheduler', () => {
  it('cancels a running check when the text changes, and sends the changes with the next', async () => {
    const { files, requests, cancels, answer } = setUp();
    files.open('file:///w/policy.mpol', '/w/policy.mpol', 1, policyText);
    await flush();
    expect(requests).toHaveLength(1);
    files.change('/w/policy.mpol', [{ text: `${policyText}// 1\n` }], 2);
    files.change('/w/policy.mpol', [{ text: `${policyText}// 2\n` }], 3);
    expect(cancels).toEqual([1, 1]);
    expect(requests).toHaveLength(1);
    answer({ kind: 'cancelled', generation: 1 });
    await flush();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.changes).toEqual([['/w/policy.mpol', { kind: 'text', text: `${policyText}// 2\n` }]]);
  });

  it('ignores an answer to a request it is not waiting for', async () => {
    const { files, scheduler, requests, answer } = setUp();
    files.open('file:///w/policy.mpol', '/w/policy.mpol', 1, policyText);
    await flush();
    answer({ kind: 'checked', generation: 7, diagnostics: [['/w/policy.mpol', []]], facts: [], roots: [] });
    expect(scheduler.completedChecks).toBe(0);
    answer({ kind: 'checked', generation: requests[0]!.generation, diagnostics: [], facts: [], roots: [] });
    expect(scheduler.completedChecks).toBe(1);
  });
});

describe('the check service', () => {
  it('keeps the changes of a cancelled check for the next one', () => {
    let cancelledUpTo = 0;
    const service = createCheckService(joinPosix, (generation) => generation <= cancelledUpTo);
    cancelledUpTo = 1;
    expect(service.handle({ generation: 1, changes: [['/w/policy.mpol', { kind: 'text', text: policyText.replace('by Provider when group', 'by Nobody when group') }]], paths: ['/w/policy.mpol'] })).toEqual({ kind: 'cancelled', generation: 1 });
    const response = service.handle({ generation: 2, changes: [['/w/parties.mpol', { kind: 'text', text: partiesText }], ['/w/codes.mpol', { kind: 'text', text: codesText }]], paths: undefined });
    expect(response.kind === 'checked' && response.diagnostics.map(([file, list]) => [file, list.map((d) => d.message)])).toEqual([['/w/policy.mpol', ['unknown party `Nobody`']]]);
  });

  it('sends each policy’s facts whole the first time and then only what changed', () => {
    const service = createCheckService(joinPosix, () => false);
    const files: [string, { kind: 'text'; text: string }][] = [
      ['/w/policy.mpol', { kind: 'text', text: policyText }],
      ['/w/parties.mpol', { kind: 'text', text: partiesText }],
      ['/w/codes.mpol', { kind: 'text', text: codesText }],
    ];
    const first = service.handle({ generation: 1, changes: files, paths: ['/w/policy.mpol'] });
    expect(first.kind === 'checked' && first.facts.map((f) => [f.whole, f.steps.length])).toEqual([[true, 2]]);
    const second = service.handle({ generation: 2, changes: [['/w/policy.mpol', { kind: 'text', text: policyText.replace('when group DA', 'when group DA {\n    commit\n  }') }]], paths: undefined });
    expect(second.kind === 'checked' && second.facts.map((f) => [f.whole, f.steps.map((s) => s.name)])).toEqual([[false, ['Switch']]]);
  });
});

