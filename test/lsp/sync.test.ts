// Document sync and diagnostics: what the server publishes as a document
// is opened, changed and closed, and how the files around it are read.
import { afterEach, describe, expect, it } from 'vitest';
import { positionIn, startTestServer, uri, type TestServer } from './harness.js';
import { codesFile, codesText, policyFiles, policyText, root } from './fixtures.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('diagnostics of an open document', () => {
  it('are empty for a clean policy, published with the document version', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText, 7);
    await server.settled();
    const last = server.published.filter((p) => p.uri === uri(root)).at(-1)!;
    expect(last.version).toBe(7);
    expect(last.diagnostics).toEqual([]);
    expect(server.logged).toEqual([]);
  });

  it('show a syntax error with its code and clear once it is fixed', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText);
    await server.settled();
    const at = policyText.indexOf('within 48h');
    server.edit(root, at, at + 'within'.length, 'withn');
    await server.settled();
    expect(server.diagnostics(root).map((d) => [d.code, d.severity, d.source])).toEqual([['unexpected-token', 1, 'mpol']]);
    server.edit(root, at, at + 'withn'.length, 'within');
    await server.settled();
    expect(server.diagnostics(root)).toEqual([]);
  });

  it('show a semantic error in the file that has it, with its notes as related information', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText);
    await server.settled();
    const at = policyText.indexOf('Provider when group');
    server.edit(root, at, at + 'Provider'.length, 'Provdier');
    await server.settled();
    const [unknown, ...rest] = server.diagnostics(root);
    expect(rest).toEqual([]);
    expect(unknown).toMatchObject({ code: 'unknown-name', severity: 1, message: 'unknown party `Provdier`\nhelp: did you mean `Provider`?' });
    expect(unknown!.range).toEqual({ start: positionIn(policyText, at), end: positionIn(policyText, at + 'Provdier'.length) });
  });

  it('tag an unused declaration as unnecessary', async () => {
    server = await startTestServer({ ...policyFiles, [codesFile]: `${codesText}error MA999 "Never" ref "1" { report Failures }\n` });
    server.open(codesFile, `${codesText}error MA999 "Never" ref "1" { report Failures }\n`);
    await server.settled();
    expect(server.diagnostics(codesFile).map((d) => [d.code, d.tags])).toEqual([['unused-error-code', [1]]]);
  });
});
