import { sql, type Kysely } from 'kysely';
import { discountsByIds } from '../../connectors/carts/discounts/store';
import { loadPricingSetup } from '../../connectors/carts/pricing/setup';
import { asApp } from '../kit/app-role';
import { describeEachDatabase } from '../kit/each-database';
import { seedCartsDemo, SUITE } from './orders-fixtures';

describeEachDatabase('the pricing setup, read in one statement', SUITE, (get) => {
  beforeAll(async () => {
    await seedCartsDemo(get());
    // Automatic discounts (no code) active, ended, not yet started and switched off; dates with
    // microseconds, which json carries as text.
    await sql`insert into discounts (tenant_id, code, title, kind, value, product_ids, min_subtotal, starts_at, ends_at, active)
      values ('alpha', null, 'Running', 'PERCENTAGE', 5, null, 20.5, '2025-01-02T03:04:05.678901Z', null, true),
             ('alpha', null, 'Ended', 'FIXED_AMOUNT', 2.25, '{1,2}', null, '2024-01-01T00:00:00Z', '2024-02-01T10:00:00.000999Z', true),
             ('alpha', null, 'Later', 'FREE_SHIPPING', 0, null, null, '2099-06-01T00:00:00.5Z', null, true),
             ('alpha', null, 'Off', 'PERCENTAGE', 50, null, null, '2025-01-01T00:00:00Z', null, false),
             ('beta', null, 'Other shop', 'PERCENTAGE', 7, null, null, '2025-01-01T00:00:00Z', null, true)`.execute(
      get().database.db,
    );
  }, 120_000);

  it('answers the tenant’s active automatic discounts as a statement reading their rows does', async () => {
    await asApp(get().database.db, 'alpha', async (conn: Kysely<unknown>) => {
      const { automatic } = await loadPricingSetup(conn, 'alpha');
      const { rows } = await sql<{ id: string }>`select id::text as id from discounts
        where tenant_id = 'alpha' and active and code is null order by id`.execute(conn);
      expect(automatic.map((d) => d.id)).toEqual(rows.map((r) => r.id));
      expect(automatic.map((d) => d.title)).toEqual(expect.arrayContaining(['Running', 'Ended', 'Later']));
      expect(automatic.map((d) => d.title)).not.toContain('Off');
      expect(automatic.map((d) => d.title)).not.toContain('Other shop');
      expect(automatic).toEqual(
        await discountsByIds(
          conn,
          'alpha',
          rows.map((r) => r.id),
        ),
      );
      const running = automatic.find((d) => d.title === 'Running')!;
      expect(running.starts_at).toEqual(new Date('2025-01-02T03:04:05.678Z'));
      expect(running.ends_at).toBeNull();
    });
  });
});
