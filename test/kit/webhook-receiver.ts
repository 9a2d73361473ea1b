import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedHook[];
  /** The status (and headers) to answer the next request to `path` with; 200 when none is queued. */
  answer(path: string, ...statuses: (number | { status: number; headers: Record<string, string> })[]): void;
  /** The next `times` requests to `path` get no answer (a receiver that hangs). */
  hang(path: string, times?: number): void;
  close(): Promise<void>;
}

/** An https receiver on `host` that records every request and answers as told. */
export async function startWebhookReceiver(tls: { key: string; cert: string }, host = '127.0.0.1') {
  const received: ReceivedHook[] = [];
  const queued = new Map<string, (number | { status: number; headers: Record<string, string> })[]>();
  const hanging = new Map<string, number>();
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const hangs = hanging.get(path) ?? 0;
      if (hangs > 0) {
        hanging.set(path, hangs - 1);
        return;
      }
      const next = queued.get(path)?.shift() ?? 200;
      const { status, headers } = typeof next === 'number' ? { status: next, headers: {} } : next;
      res.writeHead(status, headers).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    url: `https://${host}:${port}`,
    received,
    answer: (path, ...statuses) => queued.set(path, [...(queued.get(path) ?? []), ...statuses]),
    hang: (path, times = Number.POSITIVE_INFINITY) => hanging.set(path, times),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

/** Waits until `check` holds, polling (a test's own timeout bounds it). */
export async function eventually(check: () => boolean | Promise<boolean>, pollMs = 50): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, pollMs));
}
