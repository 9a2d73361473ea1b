import { Client, type ClientConfig } from 'pg';

const ROUNDS = 3;

/**
 * Whether the server is reached through a pooler that hands out server connections per transaction or
 * per statement (PgBouncer `pool_mode=transaction`), where session settings do not stay with a client.
 * Two clients ask for their backend's pid in turn, outside any transaction. Straight to Postgres each
 * client has a backend of its own for its lifetime: each sees one pid, never the other's. Through such a
 * pooler, a statement gets whichever server connection is free, and PgBouncer hands out the one released
 * last first: the second client gets the first one's backend. (`SHOW pool_mode` is no help: PgBouncer
 * answers it only on its admin console.) Rejects when the server cannot be reached.
 */
export async function detectTransactionPooler(config: ClientConfig): Promise<boolean> {
  const clients = [new Client(config), new Client(config)];
  try {
    for (const client of clients) {
      client.on('error', () => undefined); // a dropped link fails the query below instead
      await client.connect();
    }
    const seen = clients.map(() => new Set<number>());
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, client] of clients.entries()) {
        const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        seen[i].add(rows[0].pid);
      }
    }
    const [first, second] = seen;
    return first.size > 1 || second.size > 1 || [...first].some((pid) => second.has(pid));
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}
