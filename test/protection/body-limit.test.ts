import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { GUESTBOOK, codeOf, send, tenantsWith } from './harness';

/**
 * Oversized bodies are refused without being read: a raw client uploads 55 MB in 64 KiB writes, each sent
 * once the kernel took the last, and stops when the answer comes. What it managed to send must stay near
 * the limit, not the 55 MB that were read before the 413 came: the limit, plus what the kernels buffer
 * before the server closes (the client's send buffer, which Linux grows up to tcp_wmem's maximum, and the
 * server's receive window).
 */
const LIMIT = 64 * 1024;
const ATTEMPT = 55_000_000;
const PIECE = 64 * 1024;
const MiB = 1024 * 1024;

/** The largest send buffer the kernel gives a TCP socket (4 MiB where it cannot be read). */
function maxSendBuffer(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/tcp_wmem', 'utf8').trim().split(/\s+/)[2]) || 4 * MiB;
  } catch {
    return 4 * MiB;
  }
}
const NEAR_THE_LIMIT = LIMIT + maxSendBuffer() + 2 * MiB;

let t: TestGateway;
let port: number;

beforeAll(async () => {
  t = await startTestGateway({
    kind: 'pglite',
    plugins: ['core', GUESTBOOK],
    tenantsDir: tenantsWith(['guestbook']),
    env: { BODY_LIMIT_BYTES: String(LIMIT) },
  });
  port = Number(new URL(t.url).port);
});
afterAll(() => t.close());

interface Upload {
  /** Body bytes the kernel accepted before the answer came or the connection closed. */
  sent: number;
  /** Everything the server sent back. */
  answer: string;
  /** The server ended the connection (FIN or reset); the client never closed it itself. */
  closedByServer: boolean;
}

/** POSTs `body` (sliced in PIECE-byte writes, chunked when no length is declared) over a raw socket. */
function upload(body: Buffer, headers: Record<string, string>, chunked: boolean): Promise<Upload> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const result: Upload = { sent: 0, answer: '', closedByServer: false };
    const lines = Object.entries({ ...t.storefront('alpha'), 'content-type': 'application/json', ...headers });
    if (chunked) lines.push(['transfer-encoding', 'chunked']);
    else lines.push(['content-length', String(body.length)]);
    const head = `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const frame = (piece: Buffer) =>
      chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
    // A client that reads the answer while it sends, and stops sending once it has one.
    socket.on('data', (data: Buffer) => (result.answer += data.toString('utf8')));
    socket.on('end', () => (result.closedByServer = true));
    socket.on('error', () => (result.closedByServer = true));
    socket.on('close', () => resolve(result));
    const pump = (error?: Error | null) => {
      if (error || result.answer || socket.destroyed) return;
      if (result.sent >= body.length) return void socket.write(chunked ? '0\r\n\r\n' : '');
      const piece = body.subarray(result.sent, result.sent + PIECE);
      socket.write(frame(piece), (e) => {
        if (!e) result.sent += piece.length;
        pump(e);
      });
    };
    socket.write(head, pump);
  });
}

function expect413(result: Upload) {
  const [head, json] = result.answer.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 413 /);
  expect(head).toMatch(/^connection: close$/im);
  expect(JSON.parse(json)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  expect(result.closedByServer).toBe(true);
}

const filler = (size: number) =>
  Buffer.concat([
    Buffer.from('{"query":"{ __typename }","variables":{"x":"'),
    Buffer.alloc(size, 'x'),
    Buffer.from('"}}'),
  ]);

describe('bodies over BODY_LIMIT_BYTES', () => {
  const big = filler(ATTEMPT);

  it('answers a declared length over the limit with 413 at once, reading none of it, then closes', async () => {
    expect(NEAR_THE_LIMIT).toBeLessThan(ATTEMPT / 4);
    const result = await upload(big, {}, false);
    expect413(result);
    expect(result.sent).toBeLessThan(NEAR_THE_LIMIT);
  });

  it('answers a chunked body with 413 as soon as it passes the limit, then closes', async () => {
    const result = await upload(big, {}, true);
    expect413(result);
    expect(result.sent).toBeGreaterThan(LIMIT);
    expect(result.sent).toBeLessThan(NEAR_THE_LIMIT);
  });

  it('counts the decompressed bytes of a compressed body, and stops reading it at the limit', async () => {
    // Stored (level 0) gzip: as large compressed as not, streamed without a length.
    const result = await upload(gzipSync(big, { level: 0 }), { 'content-encoding': 'gzip' }, true);
    expect413(result);
    expect(result.sent).toBeLessThan(NEAR_THE_LIMIT);
    // A gzip bomb: 40 KB that inflate to 50 MB, under the limit as sent.
    const bomb = gzipSync(filler(50_000_000));
    expect(bomb.length).toBeLessThan(LIMIT);
    expect413(await upload(bomb, { 'content-encoding': 'gzip' }, false));
  });

  it('still reads bodies under the limit, compressed or not, and serves the next request', async () => {
    const small = filler(LIMIT - 100);
    for (const [body, headers] of [
      [small, {}],
      [gzipSync(small), { 'content-encoding': 'gzip' }],
    ] as const) {
      const res = await send(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.storefront('alpha'), ...headers },
        body: body,
      });
      expect(res.status).toBe(200);
      expect(res.json?.data).toEqual({ __typename: 'Query' });
    }
    const viaFetch = await send(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.storefront('alpha') },
      body: filler(LIMIT * 4),
    });
    expect(viaFetch.status).toBe(413);
    expect(codeOf(viaFetch)).toBe('BAD_REQUEST');
  });

  it('reads UTF-16 bodies, and refuses unknown content codings and charsets with 400', async () => {
    const post = (body: Buffer, headers: Record<string, string>) =>
      send(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.storefront('alpha'), ...headers },
        body,
      });
    const text = '{"query":"{ __typename }"}';
    const utf16 = await post(Buffer.from(text, 'utf16le'), { 'content-type': 'application/json; charset=utf-16le' });
    expect(utf16.json?.data).toEqual({ __typename: 'Query' });
    for (const headers of <Record<string, string>[]>[
      { 'content-encoding': 'constructor' },
      { 'content-encoding': 'compress' },
      { 'content-type': 'application/json; charset=latin1' },
    ]) {
      const res = await post(Buffer.from(text), headers);
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('BAD_REQUEST');
    }
  });
});
