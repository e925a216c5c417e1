/**
 * `ServerHandle.settled`, which `mpol lsp --stdio` waits for before it
 * passes the end of its input on (cli/lsp-session.ts): it resolves once the
 * work the messages asked for is done, and at once when there is none, also
 * before the handshake is over. (It waited for the workspace to be read,
 * which starts only at `initialized`: a client that closed its input before
 * sending it held the process for the session's whole patience.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

const policy = 'policy P version "1" "A policy"\n';

describe('the server has settled', () => {
  it('at once, when the client sent nothing', async () => {
    server = await startTestServer({ '/w/p.mpol': policy }, { handshake: 'none' });
    await server.server.settled();
    expect(server.published).toEqual([]);
  });

  it('at once, when the client sent initialize and not initialized', async () => {
    server = await startTestServer({ '/w/p.mpol': policy }, { handshake: 'initialize' });
    await server.server.settled();
    expect(server.published).toEqual([]);
  });

  it('once the workspace is read and what was opened is checked and published', async () => {
    server = await startTestServer({ '/w/p.mpol': policy });
    server.open('/w/p.mpol', policy);
    await server.settled();
    await server.server.settled();
    expect(server.published.map((params) => params.uri)).toContain('file:///w/p.mpol');
  });
});
