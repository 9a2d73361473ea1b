import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabase, type Database, type DatabaseKind } from '../../src/db/database';
import { describeUnless } from './skip';

/** Every kind a database suite runs on: PGlite, and real Postgres (skipped without DATABASE_URL). */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Why suites of `kind` cannot run here, or undefined when they can. */
export function databaseMissing(kind: DatabaseKind): string | undefined {
  return kind === 'postgres' && !process.env.DATABASE_URL ? 'DATABASE_URL is not set' : undefined;
}

/**
 * Declares a suite once per database kind, titled `<title> [<kind>]`. Postgres without DATABASE_URL is
 * declared skipped, with the reason in its title, so jest reports it as skipped rather than leaving it out.
 */
export function describeEachKind(title: string, suite: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) describeUnless(databaseMissing(kind))(`${title} [${kind}]`, () => suite(kind));
}

export interface TestDatabase extends Database {
  /** The URL of a Postgres test database (undefined for PGlite). */
  url?: string;
}

/** Runs fn with a client of the Postgres database at `url`, closed afterwards. */
export async function withClient<T>(url: string | undefined, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The database DATABASE_URL names, where test databases are created and dropped. */
const admin = <T>(fn: (client: Client) => Promise<T>) => withClient(process.env.DATABASE_URL, fn);

/** A new, empty Postgres database beside the one DATABASE_URL names: its URL, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
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
  const postgres = await createPostgresDatabase();
  const database = await createDatabase({ url: postgres.url, ...options });
  return {
    ...database,
    url: postgres.url,
    close: async () => {
      await database.close();
      await postgres.drop();
    },
  };
}
