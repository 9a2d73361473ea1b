import { sql } from 'kysely';
import { migrateDown, migrateUp } from '../../src/db/migrator';
import { pluginMigrations } from '../../src/engine/migrations';
import { composePlugins } from '../../src/plugins/compose';
import { discoverPlugins } from '../../src/plugins/discover';
import { loadPlugin } from '../../src/plugins/load';
import { projectRoot } from '../../src/sdk';
import { createTestDatabase, describeEachKind, type TestDatabase } from '../kit/databases';
import { migrationsAfter } from '../kit/migrated-database';

const migrations = pluginMigrations(composePlugins(discoverPlugins(projectRoot()).map(loadPlugin)).plugins);

/** Each migration that widens money columns to exact amounts, and the last column it widens. */
const CASES = [
  {
    migration: 'catalog/0005_exact_variant_prices',
    table: 'products',
    column: 'max_price',
  },
  { migration: 'payments/0002_exact_payment_amounts', table: 'payment_transactions', column: 'amount' },
  { migration: 'customers/0007_exact_amount_spent', table: 'customers', column: 'amount_spent' },
].map((c) => ({ ...c, later: migrationsAfter(migrations, c.migration) }));

describeEachKind('the exact money migrations', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateUp(database.db, migrations);
    const db = database.db;
    // Rows written before, with two decimals.
    await sql`insert into products (tenant_id, handle, title, min_price, max_price) values ('alpha', 'mug', 'Mug', 24.99, 24.99)`.execute(
      db,
    );
    await sql`insert into product_variants (tenant_id, product_id, title, price, compare_at_price)
      select 'alpha', id, 'Default', 24.99, 30 from products`.execute(db);
    await sql`insert into orders (tenant_id, number, currency_code, subtotal, total) values ('alpha', 1001, 'USD', 24.99, 24.99)`.execute(
      db,
    );
    await sql`insert into payment_transactions (tenant_id, order_id, kind, status, amount, currency_code, gateway, idempotency_key)
      select 'alpha', id, 'SALE', 'SUCCESS', 24.99, 'USD', 'manual', 'k1' from orders`.execute(db);
    await sql`insert into customers (tenant_id, email, amount_spent) values ('alpha', 'a@example.com', 24.99)`.execute(
      db,
    );
  }, 180_000);
  afterAll(() => database.close());

  const amounts = async () =>
    (
      await sql<Record<string, string>>`select
        (select price::text from product_variants) price,
        (select compare_at_price::text from product_variants) compare_at_price,
        (select min_price::text || ' ' || max_price::text from products) price_range,
        (select amount::text from payment_transactions) amount,
        (select amount_spent::text from customers) amount_spent`.execute(database.db)
    ).rows[0];
  const TWO_DECIMALS = {
    price: '24.99',
    compare_at_price: '30.00',
    price_range: '24.99 24.99',
    amount: '24.99',
    amount_spent: '24.99',
  };

  it.each(CASES)(
    '$migration keeps amounts up and down, and refuses to go down while one has three decimals',
    async ({ migration, table, column, later }) => {
      const db = database.db;
      const plugin = migration.split('/')[0];
      const down = { plugin, steps: later.length + 1 };
      expect(await migrateDown(db, migrations, down)).toEqual([...later, migration]);
      expect(await amounts()).toEqual(TWO_DECIMALS);
      await migrateUp(db, migrations);
      expect(await amounts()).toEqual(TWO_DECIMALS);

      await sql`update ${sql.table(table)} set ${sql.ref(column)} = 1.235`.execute(db);
      const refused = await migrateDown(db, migrations, down).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(refused).toContain(`${table}_${column}_has_2_decimals`);
      const kept = await sql<{ v: string }>`select ${sql.ref(column)}::text v from ${sql.table(table)}`.execute(db);
      expect(kept.rows).toEqual([{ v: '1.235' }]);
      // The refused step left nothing behind (its guards rolled back with it): down and up again work.
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = 24.99`.execute(db);
      // The later migrations, which went down before the refusal, come back first.
      await migrateUp(db, migrations);
      expect(await migrateDown(db, migrations, down)).toEqual([...later, migration]);
      expect(await amounts()).toEqual(TWO_DECIMALS);
      await migrateUp(db, migrations);
    },
    120_000,
  );
});
