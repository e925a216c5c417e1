// The extension's custom requests (lsp/protocol.ts): the policies that hold
// a document and their flow diagrams, from the current unsaved text.
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDiagramsResult, PoliciesResult } from '../../lsp/protocol.js';
import { flowDiagramsMethod, policiesMethod } from '../../lsp/protocol.js';
import { startTestServer, uri, type TestServer } from './harness.js';
import { codesFile, policyFiles, policyText, root } from './fixtures.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

async function started(): Promise<TestServer> {
  server = await startTestServer(policyFiles);
  server.open(root, policyText);
  await server.settled();
  return server;
}

describe('mpol/policies', () => {
  it('names the policy a fragment belongs to, by its root', async () => {
    const { client } = await started();
    const result = (await client.sendRequest(policiesMethod, { textDocument: { uri: uri(codesFile) } })) as PoliciesResult;
    expect(result).toEqual({ policies: [{ uri: uri(root), name: 'Test', title: 'Test policy' }] });
  });

  it('answers no policy for a document it does not know', async () => {
    const { client } = await started();
    expect(await client.sendRequest(policiesMethod, { textDocument: { uri: 'untitled:Untitled-1' } })).toEqual({ policies: [] });
  });
});

describe('mpol/flowDiagrams', () => {
  it('draws a flow per population, sharing one where populations run the same flow', async () => {
    const { client } = await started();
    const result = (await client.sendRequest(flowDiagramsMethod, { textDocument: { uri: uri(root) } })) as FlowDiagramsResult;
    expect(result.policies).toHaveLength(1);
    const [policy] = result.policies;
    expect(policy!.errors).toBe(0);
    expect(policy!.flows.map((flow) => flow.populations)).toEqual([['IOC', 'MOC'], ['MOC/DA']]);
    expect(policy!.flows[1]!.mermaid).toMatch(/^flowchart TD\n/);
    expect(policy!.flows[1]!.mermaid).toContain('Switch');
    expect(policy!.flows[0]!.mermaid).not.toContain('Switch');
  });

  it('follows the unsaved text of an open document', async () => {
    const { client, ...test } = await started();
    test.replace(root, policyText.replace('when group DA', ''));
    await server!.settled();
    const result = (await client.sendRequest(flowDiagramsMethod, { textDocument: { uri: uri(root) } })) as FlowDiagramsResult;
    expect(result.policies[0]!.flows.map((flow) => flow.populations)).toEqual([['IOC', 'MOC', 'MOC/DA']]);
    expect(result.policies[0]!.flows[0]!.mermaid).toContain('Switch');
  });

  it('counts the errors of a policy whose flow may be incomplete', async () => {
    const { client, ...test } = await started();
    test.replace(root, policyText.replace('on exhausted fail MA122', 'on exhausted fail MA123'));
    await server!.settled();
    const result = (await client.sendRequest(flowDiagramsMethod, { textDocument: { uri: uri(root) } })) as FlowDiagramsResult;
    expect(result.policies[0]!.errors).toBe(1);
  });
});
