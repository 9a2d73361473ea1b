import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

export interface HttpTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

/**
 * The HTTP server with its limits against slow clients: headers must arrive within headersTimeout (a
 * client trickling header lines is cut off with 408), the whole request within requestTimeout.
 */
export function createHttpServer(app: Express, timeouts: HttpTimeouts): Server {
  const requestTimeout = timeouts.requestTimeoutMs;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(timeouts.headersTimeoutMs, requestTimeout),
      // Node checks the timeouts on this interval (30 s by default, which would let a slow client linger).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(timeouts.headersTimeoutMs / 4))),
    },
    app,
  );
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  return server;
}
