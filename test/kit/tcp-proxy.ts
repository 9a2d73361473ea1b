import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the gateway and Postgres that injects faults:
 * - refuse(): stop listening and drop every link (the database is down: connections are refused)
 * - cut(): destroy every open link, keep accepting (dropped mid-query or mid-transaction)
 * - stall(): accept but forward nothing, either way (a black hole; a healed partition resumes)
 * - delay(ms): forward every chunk late
 * - recover(): back to plain forwarding
 */
export interface TcpProxy {
  port: number;
  /** `url` (a postgres:// URL) pointed at the proxy instead. */
  urlFor(url: string): string;
  refuse(): Promise<void>;
  cut(): void;
  stall(): void;
  delay(ms: number): void;
  recover(): Promise<void>;
  /** Links currently open through the proxy. */
  readonly links: number;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const links = new Set<Link>();
  let stalled = false;
  let delayMs = 0;
  let server: Server | undefined;
  let port = 0;

  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      if (delayMs > 0) setTimeout(() => !to.destroyed && to.write(chunk), delayMs);
      else if (!to.destroyed) to.write(chunk);
    });
  };

  const accept = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    const link = { client, upstream };
    links.add(link);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      links.delete(link);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', drop);
      socket.on('close', drop);
    }
    forward(client, upstream);
    forward(upstream, client);
    if (stalled) {
      client.pause();
      upstream.pause();
    }
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(accept);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = undefined;
      if (!current) return resolve();
      current.close(() => resolve());
    });

  const cut = () => {
    for (const link of [...links]) {
      link.client.destroy();
      link.upstream.destroy();
    }
    links.clear();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get links() {
      return links.size;
    },
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async refuse() {
      await Promise.all([stopListening(), Promise.resolve(cut())]);
    },
    cut,
    stall() {
      stalled = true;
      for (const { client, upstream } of links) {
        client.pause();
        upstream.pause();
      }
    },
    delay(ms) {
      delayMs = ms;
    },
    async recover() {
      stalled = false;
      delayMs = 0;
      for (const { client, upstream } of links) {
        client.resume();
        upstream.resume();
      }
      if (!server) await listen();
    },
    async close() {
      cut();
      await stopListening();
    },
  };
}
