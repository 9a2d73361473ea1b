import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabase, type Database, type DatabaseKind } from '../../connectors/postgres/database';

/** PGlite always; real Postgres too when DATABASE_URL is set. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** The URL of a Postgres test database (undefined for PGlite). */
  url?: string;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database of the given kind: in-memory PGlite, or a new Postgres database (dropped on
 * close) beside the one DATABASE_URL names.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { statementTimeoutMs?: number; poolMax?: number } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') return createDatabase({});
  const name = `rg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), ...options });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
