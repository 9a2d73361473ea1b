import type { RequestHandler } from 'express';
import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A body-reading failure as body-parser reports one, so the app's error handler answers both alike. */
const failure = (status: number, type: string, message: string) => Object.assign(new Error(message), { status, type });

/** Content codings and their decompressors (a Map: a coding named `constructor` must find nothing). */
const DECOMPRESSORS = new Map<string, () => Transform>([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['deflate', createInflate],
  ['br', createBrotliDecompress],
]);

/** Whether a request has a body at all (type-is's rule: a length or a transfer coding is declared). */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;

/** The charset of a JSON Content-Type (`utf-8` when none is named), or null when the type is not JSON. */
function jsonCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const [media, ...params] = contentType.toLowerCase().split(';');
  if (media.trim() !== 'application/json') return null;
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  return charset === undefined ? 'utf-8' : charset.slice('charset='.length).replace(/"/g, '');
}

const utf8 = (bytes: Buffer) => bytes.toString('utf8');

/** Bytes to text: UTF-8 directly, other Unicode encodings (RFC 8259 allows only those) by TextDecoder. */
function decoderFor(charset: string): ((bytes: Buffer) => string) | null {
  if (charset === 'utf-8' || charset === 'utf8') return utf8;
  if (!charset.startsWith('utf-')) return null;
  try {
    const decoder = new TextDecoder(charset);
    return (bytes) => decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The JSON body of a request, as `express.json({ limit })` reads it (an object or array at the top, `{}`
 * for an empty body, 400 for bad JSON, 415 for an unknown charset or content coding), but refusing an
 * oversized body without reading it: a declared length over the limit is answered 413 at once, and a
 * streamed body as soon as it passes the limit; the answer then closes the connection (src/http/app.ts).
 * A compressed body counts its decompressed bytes, so a small gzip bomb stops at the limit too.
 * body-parser read the whole refused body first, and spent about 5 % of a small page's CPU on
 * negotiation and stream plumbing that the common case (unencoded UTF-8) does not need.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    const charset = jsonCharset(req.headers['content-type']);
    if (charset === null || !hasBody(req)) return next();
    const decode = decoderFor(charset);
    if (!decode) return next(failure(415, 'charset.unsupported', `unsupported charset "${charset}"`));
    const coding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const decompress = DECOMPRESSORS.get(coding);
    if (!decompress && coding !== 'identity') {
      return next(failure(415, 'encoding.unsupported', `unsupported content encoding "${coding}"`));
    }
    if (Number(req.headers['content-length'] ?? 0) > limitBytes) {
      return next(failure(413, 'entity.too.large', 'request entity too large'));
    }

    let settled = false;
    // The body's events come from the socket's async context: continue in the request's (traces, stores).
    // (`AsyncResource.bind` would cost more: on Node 20 it builds two deprecation wrappers per call.)
    const scope = new AsyncResource('JsonBody');
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      scope.runInAsyncScope(next, null, error);
    };
    const decompressor = decompress?.();
    const source: Readable = decompressor ? req.pipe(decompressor) : req;
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limitBytes) return void chunks.push(chunk);
      // Read no further: the answer goes out now, and the connection closes after it.
      source.off('data', onData);
      if (decompressor) {
        req.unpipe(decompressor);
        decompressor.destroy();
      }
      req.pause();
      settle(failure(413, 'entity.too.large', 'request entity too large'));
    };
    source.on('data', onData);
    req.once('error', () => settle(failure(400, 'request.aborted', 'request aborted')));
    decompressor?.once('error', () => settle(failure(400, 'encoding.failed', 'bad content encoding')));
    source.once('end', () => {
      if (settled) return;
      const text = decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      if (text.length === 0) {
        req.body = {};
        return settle();
      }
      try {
        const first = /\S/.exec(text)?.[0];
        if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
        req.body = JSON.parse(text) as unknown;
      } catch {
        return settle(failure(400, 'entity.parse.failed', 'malformed JSON'));
      }
      settle();
    });
  };
}
