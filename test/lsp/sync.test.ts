// Document sync and diagnostics: what the server publishes as a document
// is opened, changed and closed, and how the files around it are read.
import { afterEach, describe, expect, it } from 'vitest';
import { positionIn, startTestServer, uri, type TestServer } from './harness.js';
import { codesFile, codesText, partiesFile, partiesText, policyFiles, policyText, root } from './fixtures.js';

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

  it('carry their notes as related information, in the other file', async () => {
    const text = policyText.replace('section "1" "Scope"', 'section "1" "Scope"\nparty Provider "Again"');
    server = await startTestServer({ ...policyFiles, [root]: text });
    server.open(partiesFile, partiesText);
    await server.settled();
    // The root's files come first, so the declaration in parties.mpol is the second one.
    const [duplicate] = server.diagnostics(partiesFile);
    const first = text.indexOf('Provider "Again"');
    expect(duplicate).toMatchObject({
      code: 'duplicate-declaration',
      relatedInformation: [{ location: { uri: uri(root), range: { start: positionIn(text, first), end: positionIn(text, first + 8) } }, message: '`Provider` is first declared here' }],
    });
  });

  it('carry their notes in the message for a client without related information', async () => {
    const text = policyText.replace('section "1" "Scope"', 'section "1" "Scope"\nparty Provider "Again"');
    server = await startTestServer({ ...policyFiles, [root]: text }, { capabilities: {} });
    server.open(partiesFile, partiesText);
    await server.settled();
    expect(server.diagnostics(partiesFile).map((d) => [d.message, d.relatedInformation])).toEqual([['`Provider` is declared more than once\nnote: `Provider` is first declared here', undefined]]);
  });

  it('tag an unused declaration as unnecessary', async () => {
    server = await startTestServer({ ...policyFiles, [codesFile]: `${codesText}error MA999 "Never" ref "1" { report Failures }\n` });
    server.open(codesFile, `${codesText}error MA999 "Never" ref "1" { report Failures }\n`);
    await server.settled();
    expect(server.diagnostics(codesFile).map((d) => [d.code, d.tags])).toEqual([['unused-error-code', [1]]]);
  });

  it('never shows a diagnostic where it was before an edit moved its text: the last check’s move with the edits', async () => {
    server = await startTestServer(policyFiles);
    const broken = policyText.replace('fail MA122', 'fail MA12X');
    server.open(root, broken);
    await server.settled();
    const at = broken.indexOf('MA12X');
    expect(server.diagnostics(root).map((d) => [d.code, d.range.start])).toEqual([['unknown-name', positionIn(broken, at)]]);
    server.published.length = 0;
    // Two lines typed at the top: every publication for the new version, the one before the check included, has it two lines down.
    server.edit(root, 0, 0, '// a\n// b\n');
    const moved = `// a\n// b\n${broken}`;
    await server.settled();
    const forVersion = server.published.filter((p) => p.uri === uri(root) && p.version === 2);
    expect(forVersion.length).toBeGreaterThanOrEqual(2);
    for (const published of forVersion) expect(published.diagnostics.map((d) => [d.code, d.range.start])).toEqual([['unknown-name', positionIn(moved, at + 10)]]);
  });

  it('drops a diagnostic an edit touched until the next check says again', async () => {
    server = await startTestServer(policyFiles);
    const broken = policyText.replace('fail MA122', 'fail MA12X');
    server.open(root, broken);
    await server.settled();
    server.published.length = 0;
    const at = broken.indexOf('MA12X');
    server.edit(root, at + 4, at + 5, '2');
    await server.settled();
    const forVersion = server.published.filter((p) => p.uri === uri(root) && p.version === 2);
    expect(forVersion.map((p) => p.diagnostics.length)).toEqual(forVersion.map(() => 0));
  });
});

