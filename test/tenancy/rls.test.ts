import { sql, type Kysely } from 'kysely';
import { createDatabase } from '../../src/db/database';
import { MIGRATION_SCHEMA } from '../../src/db/migrator';
import { TenantSession, withTenant } from '../../src/db/tenant-session';
import { APP_ROLE, asApp } from '../kit/app-role';
import { describeEachDatabase } from '../kit/each-database';
import {
  allPlugins,
  ENGINE_TABLES,
  seedEach,
  isGlobalTable,
  tableFacts,
  tenantChecksums,
  type TableFacts,
} from './all-plugins';
import { insertAsIs, insertCopy, insertMadeUp, rowOf } from './row-copies';

const count = async (conn: Kysely<unknown>, table: string, where = sql`true`) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(conn)).rows[0].n;

/** The error code of `statement` run as the application role for `tenant`, inside a savepoint; null when it succeeded. */
async function codeAsApp(conn: Kysely<unknown>, tenant: string, statement: ReturnType<typeof sql>) {
  await sql`savepoint as_app`.execute(conn);
  try {
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenant}, true)`.execute(conn);
    await statement.execute(conn);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  } finally {
    // Also undoes the role and the tenant: settings made in a savepoint end with it.
    await sql`rollback to savepoint as_app`.execute(conn);
  }
}

/**
 * As the application role for A: the code of inserting a copy of A's row as B's, and of moving A's rows
 * to B. Where A has no row in the table, one of B's is first copied as A's (as the superuser, fresh keys),
 * so the check is never vacuous. Runs in a transaction that is rolled back (`own`: open it here).
 */
async function insertAndMove(conn: Kysely<unknown>, table: string, own = true) {
  const run = async (c: Kysely<unknown>) => {
    const mine = await rowOf(c, table, 'alpha');
    const theirs = mine ? null : await rowOf(c, table, 'beta');
    const row = mine ?? (theirs ? await insertCopy(c, table, theirs, 'alpha') : await insertMadeUp(c, table, 'alpha'));
    const insert = await codeAsApp(c, 'alpha', await insertAsIs(c, table, { ...row, tenant_id: 'beta' }));
    const move = await codeAsApp(
      c,
      'alpha',
      sql`update ${sql.table(table)} set tenant_id = 'beta' where tenant_id = 'alpha'`,
    );
    return { table, insert, move, source: mine ? 'own' : theirs ? 'copy of B' : 'made up' };
  };
  if (!own) return run(conn);
  return conn.connection().execute(async (c) => {
    await sql`begin`.execute(c);
    try {
      return await run(c);
    } finally {
      await sql`rollback`.execute(c);
    }
  });
}

const { plugins, tenantsDir } = allPlugins();

describeEachDatabase('row-level security at the SQL level', { plugins, tenantsDir }, (get, kind) => {
  let tables: TableFacts[] = [];
  let seedFailures: string[] = [];
  const db = () => get().gateway.database.db;

  beforeAll(async () => {
    const t = get();
    seedFailures = await seedEach(t.gateway.runtime, t.gateway.composition.plugins);
    tables = (await tableFacts(db())).filter((f) => !isGlobalTable(f.name));
  });

  it("seeded every plugin's demo data", () => {
    expect(seedFailures).toEqual([]);
  });

  it('every table in the database is tenant-owned with row-level security enabled and forced', () => {
    expect(tables.map((f) => f.name)).toContain('tenancy_notes');
    for (const f of tables) {
      expect({ table: f.name, hasTenantId: f.hasTenantId, rowSecurity: f.rowSecurity, forced: f.forced }).toEqual({
        table: f.name,
        hasTenantId: true,
        rowSecurity: true,
        forced: true,
      });
      expect({ table: f.name, tenantPolicies: f.tenantPolicies > 0, ownedByApp: f.owner === APP_ROLE }).toEqual({
        table: f.name,
        tenantPolicies: true,
        ownedByApp: false,
      });
    }
  });

  it('gives the application role exactly its rights on every table of the database', async () => {
    const { rows } = await sql<{ schema: string; name: string; tenantOwned: boolean; rights: string[] }>`
      select n.nspname as "schema", c.relname as "name",
        exists (select 1 from pg_attribute a
                where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "tenantOwned",
        array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
              where has_table_privilege(${APP_ROLE}, c.oid, p)) as "rights"
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f')
        and n.nspname <> 'information_schema' and left(n.nspname, 3) <> 'pg_'
      order by 1, 2`.execute(db());
    const bookkeeping = ['migrations_core', 'migrations_core_lock', 'migrations_catalog', 'migrations_catalog_lock'];
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([...bookkeeping, ...ENGINE_TABLES, 'tenancy_notes']),
    );
    for (const { schema, name, tenantOwned, rights } of rows) {
      // Tenant tables: read and write under row-level security. Everything else: nothing at all.
      const expected = schema === 'public' && tenantOwned ? ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] : [];
      expect({ table: `${schema}.${name}`, rights }).toEqual({ table: `${schema}.${name}`, rights: expected });
    }
    const usage = await sql<{ schema: string; usable: boolean }>`
      select nspname as "schema", has_schema_privilege(${APP_ROLE}, oid, 'usage') as "usable"
      from pg_namespace where nspname = ${MIGRATION_SCHEMA}`.execute(db());
    expect(usage.rows).toEqual([{ schema: MIGRATION_SCHEMA, usable: false }]);
  });

  it('the application role is neither superuser nor able to bypass row-level security', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`.execute(db());
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const who = await withTenant(
      db(),
      'alpha',
      APP_ROLE,
      async (trx) => (await sql<{ user: string }>`select current_user as "user"`.execute(trx)).rows[0].user,
    );
    expect(who).toBe(APP_ROLE);
  });

  it('with no tenant set, the application role sees no rows at all', async () => {
    for (const f of tables) {
      expect({ table: f.name, all: (await count(db(), f.name)) > 0 }).toEqual({
        table: f.name,
        all: expect.any(Boolean),
      });
      expect({ table: f.name, visible: await asApp(db(), null, (c) => count(c, f.name)) }).toEqual({
        table: f.name,
        visible: 0,
      });
    }
    expect(await count(db(), 'tenancy_notes')).toBeGreaterThan(0);
  });

  it('tenant A sees only its rows and cannot update or delete a row of B', async () => {
    const before = await tenantChecksums(db(), 'beta');
    for (const f of tables) {
      const foreign = await asApp(db(), 'alpha', (c) => count(c, f.name, sql`tenant_id <> 'alpha'`));
      expect({ table: f.name, foreign }).toEqual({ table: f.name, foreign: 0 });
      const touched = await asApp(db(), 'alpha', async (c) => {
        const updated =
          await sql`update ${sql.table(f.name)} set tenant_id = tenant_id where tenant_id = 'beta'`.execute(c);
        const deleted = await sql`delete from ${sql.table(f.name)} where tenant_id = 'beta'`.execute(c);
        return Number(updated.numAffectedRows ?? 0) + Number(deleted.numAffectedRows ?? 0);
      });
      expect({ table: f.name, touched }).toEqual({ table: f.name, touched: 0 });
    }
    expect(await tenantChecksums(db(), 'beta')).toEqual(before);
  });

  it('in every table, tenant A can neither insert a row of B nor move its own row to B', async () => {
    const before = await tenantChecksums(db(), 'beta');
    const outcomes = [];
    for (const f of tables) outcomes.push(await insertAndMove(db(), f.name));
    expect(outcomes.map(({ table, insert, move }) => ({ table, insert, move }))).toEqual(
      tables.map((f) => ({ table: f.name, insert: '42501', move: '42501' })),
    );
    if (process.env.TENANCY_REPORT) console.log(outcomes.map((o) => `${o.table}: ${o.source}`).join('\n'));
    expect(await tenantChecksums(db(), 'beta')).toEqual(before);
  });

  it("gives A a row where it has none: a copy of B's with fresh keys, or one made up", async () => {
    const emptied = (tenants: string[]) =>
      db()
        .connection()
        .execute(async (conn) => {
          await sql`begin`.execute(conn);
          try {
            await sql`delete from tenancy_notes where tenant_id = any(${tenants})`.execute(conn);
            return await insertAndMove(conn, 'tenancy_notes', false);
          } finally {
            await sql`rollback`.execute(conn);
          }
        });
    const checks = { table: 'tenancy_notes', insert: '42501', move: '42501' };
    expect(await emptied(['alpha'])).toEqual({ ...checks, source: 'copy of B' });
    expect(await emptied(['alpha', 'beta'])).toEqual({ ...checks, source: 'made up' });
    expect(await count(db(), 'tenancy_notes', sql`tenant_id = 'alpha'`)).toBeGreaterThan(0);
  });

  it('read-only sessions on one request connection see their own tenant, across tenants and writes', async () => {
    const url = get().database.url;
    const single = kind === 'postgres' && url ? await createDatabase({ url, poolMax: 1 }) : undefined;
    const requests = single?.requests ?? get().gateway.database.requests;
    const read = async (tenant: string, fn?: (session: TenantSession) => Promise<unknown>) => {
      const session = new TenantSession(requests, tenant, APP_ROLE);
      session.plan('read');
      try {
        const conn = await session.get();
        await fn?.(session);
        const { rows } = await sql<{ t: string; user: string; foreign: number; own: number }>`
          select current_setting('app.tenant_id', true) as t, current_user as "user",
            (select count(*)::int from tenancy_notes where tenant_id <> ${tenant}) as foreign,
            (select count(*)::int from tenancy_notes) as own`.execute(conn);
        return { ...rows[0], statements: session.statementCount + session.closingStatements };
      } finally {
        await session.finish(false);
      }
    };
    try {
      const seen = [await read('alpha'), await read('alpha')];
      // A write of beta on the same connection sets beta transaction-locally: alpha's stamp stays true.
      await withTenant(requests, 'beta', APP_ROLE, (trx) => sql`select 1`.execute(trx));
      seen.push(await read('alpha'), await read('beta'));
      expect(seen.map(({ t, user, foreign }) => ({ t, user, foreign }))).toEqual(
        ['alpha', 'alpha', 'alpha', 'beta'].map((t) => ({ t, user: APP_ROLE, foreign: 0 })),
      );
      for (const s of seen) expect(s.own).toBeGreaterThan(0);
      // Postgres: the stamp is sent when the connection's tenant changes, then nothing frames a read;
      // PGlite: begin, settings, the read, commit.
      expect(seen.map((s) => s.statements)).toEqual(kind === 'postgres' ? [2, 1, 1, 2] : [4, 4, 4, 4]);
      // A read-only session that writes through `atomic` gets a transaction: a failure leaves nothing.
      const failed = read('beta', (session) =>
        session.atomic(async (trx) => {
          await sql`insert into tenancy_notes (tenant_id, text) values ('beta', 'half-written')`.execute(trx);
          throw new Error('second step failed');
        }),
      );
      await expect(failed).rejects.toThrow('second step failed');
      const kept = await withTenant(requests, 'beta', APP_ROLE, (trx) =>
        count(trx, 'tenancy_notes', sql`text = 'half-written'`),
      );
      expect(kept).toBe(0);
      // The engine's pool never sees a request's session settings.
      const engine = await sql<{ t: string | null; user: string }>`
        select current_setting('app.tenant_id', true) as t, current_user as "user"`.execute(single?.db ?? db());
      expect(engine.rows[0].t ?? '').toBe('');
      expect(engine.rows[0].user).not.toBe(APP_ROLE);
    } finally {
      await single?.close();
    }
  });

  it('a request that answers while it waits for its connection sends nothing, and that is no failure', async () => {
    const url = get().database.url;
    const single = kind === 'postgres' && url ? await createDatabase({ url, poolMax: 1 }) : undefined;
    const requests = single?.requests ?? get().gateway.database.requests;
    try {
      for (const mode of ['read', 'transaction'] as const) {
        let free!: () => void;
        const held = new Promise<void>((resolve) => (free = resolve));
        let taken!: () => void;
        const holding = new Promise<void>((resolve) => (taken = resolve));
        // Another request holds the only connection.
        const holder = requests.connection().execute(async () => {
          taken();
          await held;
        });
        await holding;
        const session = new TenantSession(requests, 'alpha', APP_ROLE);
        session.plan(mode);
        const waiting = session.get();
        const refused = expect(waiting).rejects.toThrow('the request has ended');
        // Its deadline passes: the request answers and finishes while its connection is still queued.
        const finished = session.finish(true);
        free();
        await holder;
        await expect(finished).resolves.toBeUndefined();
        await refused;
        expect({ mode, statements: session.statementCount }).toEqual({ mode, statements: 0 });
      }
      // The connection went back to the pool and serves the next request.
      expect(await withTenant(requests, 'beta', APP_ROLE, (trx) => count(trx, 'tenancy_notes'))).toBeGreaterThan(0);
    } finally {
      await single?.close();
    }
  });

  it('a sole write commits by itself under row-level security, on Postgres, and sends nothing after it', async () => {
    const requests = get().gateway.database.requests;
    const notes = (text: string) =>
      withTenant(requests, 'beta', APP_ROLE, (trx) => count(trx, 'tenancy_notes', sql`text = ${text}`));
    const insert = (tenant: string, text: string) => (trx: Kysely<unknown>) =>
      sql`insert into tenancy_notes (tenant_id, text) values (${tenant}, ${text})`.execute(trx);
    const soleSession = () => {
      const session = new TenantSession(requests, 'beta', APP_ROLE);
      session.plan('sole');
      return session;
    };
    const alone = kind === 'postgres';

    // The request then fails and asks for a rollback: a write that committed by itself stands.
    const first = soleSession();
    await first.sole(insert('beta', 'sole write'));
    expect(first.committedAlone).toBe(alone);
    if (alone)
      await expect(first.atomic(insert('beta', 'after the sole write'))).rejects.toThrow('writes nothing more');
    await first.finish(false);
    expect(await notes('sole write')).toBe(alone ? 1 : 0);
    expect(await notes('after the sole write')).toBe(0);

    // The tenant's policy holds without a transaction: a row of another tenant is refused.
    const foreign = soleSession();
    await expect(foreign.sole(insert('alpha', 'foreign sole write'))).rejects.toThrow();
    await foreign.finish(false);
    expect(
      await withTenant(requests, 'alpha', APP_ROLE, (trx) =>
        count(trx, 'tenancy_notes', sql`text = 'foreign sole write'`),
      ),
    ).toBe(0);

    // A second statement is refused before it is sent.
    const greedy = soleSession();
    const twice = greedy.sole(async (trx) => {
      await insert('beta', 'one of two')(trx);
      await insert('beta', 'two of two')(trx);
    });
    await expect(twice).rejects.toThrow('sends one statement');
    await greedy.finish(false);
    expect(await notes('two of two')).toBe(0);
  });

  it('a pool of one connection serving A then B never leaks the tenant or the role', async () => {
    const url = get().database.url;
    const single = kind === 'postgres' && url ? await createDatabase({ url, poolMax: 1 }) : undefined;
    const pool = single?.db ?? db();
    try {
      for (const tenant of ['alpha', 'beta', 'alpha']) {
        const seen = await withTenant(pool, tenant, APP_ROLE, async (trx) => {
          const setting = await sql<{ t: string }>`select current_setting('app.tenant_id', true) as t`.execute(trx);
          let foreign = 0;
          for (const f of tables) foreign += await count(trx, f.name, sql`tenant_id <> ${tenant}`);
          return { tenant: setting.rows[0].t, foreign, notes: await count(trx, 'tenancy_notes') };
        });
        expect(seen).toEqual({ tenant, foreign: 0, notes: expect.any(Number) });
        expect(seen.notes).toBeGreaterThan(0);
        // Back on the same connection outside any transaction: nothing of the request remains.
        const after = await sql<{ t: string | null; user: string }>`
          select current_setting('app.tenant_id', true) as t, current_user as "user"`.execute(pool);
        expect(after.rows[0].t ?? '').toBe('');
        expect(after.rows[0].user).not.toBe(APP_ROLE);
        expect(await asApp(pool, null, (c) => count(c, 'tenancy_notes'))).toBe(0);
      }
    } finally {
      await single?.close();
    }
  });
});
