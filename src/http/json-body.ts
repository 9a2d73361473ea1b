import express, { type RequestHandler } from 'express';
import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/** A body-reading failure as body-parser reports one, so the app's error handler answers both alike. */
const failure = (status: number, type: string, message: string) => Object.assign(new Error(message), { status, type });

/** Whether the Content-Type names UTF-8 JSON (no charset means UTF-8); other charsets take body-parser's way. */
function isUtf8Json(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [media, ...params] = contentType.toLowerCase().split(';');
  if (media.trim() !== 'application/json') return false;
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  return charset === undefined || /^charset="?utf-8"?$/.test(charset);
}

/** Reads the rest of a refused body, so the answer reaches a client that is still sending. */
function discard(req: IncomingMessage, onData: (chunk: Buffer) => void, then: () => void): void {
  req.off('data', onData);
  req.resume();
  req.once('end', then);
}

/**
 * The JSON body of a POST, as `express.json({ limit })` reads it (an object or array at the top, `{}` for
 * an empty body, 413 above the limit, 400 for bad JSON), for the common case of an unencoded UTF-8 body.
 * body-parser spends about 5 % of a small page's CPU on negotiation, decoders and stream plumbing that
 * this case does not need; compressed bodies and other charsets still go through it.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  const fallback = express.json({ limit: limitBytes });
  return (req, res, next) => {
    if (req.method !== 'POST' || req.headers['content-encoding'] || !isUtf8Json(req.headers['content-type'])) {
      return fallback(req, res, next);
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
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) return tooLarge();
      chunks.push(chunk);
    };
    const tooLarge = () =>
      discard(req, onData, () => settle(failure(413, 'entity.too.large', 'request entity too large')));
    if (Number(req.headers['content-length'] ?? 0) > limitBytes) return tooLarge();
    req.on('data', onData);
    req.once('error', () => settle(failure(400, 'request.aborted', 'request aborted')));
    req.once('end', () => {
      if (received > limitBytes) return;
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
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
