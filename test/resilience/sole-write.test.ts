import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import { GUESTBOOK, tenantsWith } from '../protection/harness';

const tenantsDir = tenantsWith(['guestbook']);
const SIGN_ALONE = `mutation($message: String!) { signGuestbookAlone(message: $message) { id message outage } }`;

/**
 * A mutation of one root field whose write is one statement commits it by itself on Postgres: a failure
 * the request meets afterwards cannot undo it, so the answer keeps the written data instead of the 503
 * that tells clients nothing was written. In a transaction (PGlite) the same failure rolls it back.
 */
describeEachDatabase('a write that commits alone', { plugins: ['core', GUESTBOOK], tenantsDir }, (get, kind) => {
  it('answers what it wrote when a later field meets an outage, and writes it once', async () => {
    const t = get();
    const message = `sole write on ${kind}`;
    const res = await t.graphql<{ signGuestbookAlone: { message: string; outage: null } }>(
      SIGN_ALONE,
      { message },
      t.storefront('alpha'),
    );
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from guestbook_entries where message = ${message}`.execute(t.gateway.runtime.db);
    const codes = res.body.errors?.map((e) => e.extensions?.code);
    expect(codes).toEqual(['SERVICE_UNAVAILABLE']);
    if (kind === 'postgres') {
      expect(res.status).toBe(200);
      expect(res.body.data?.signGuestbookAlone).toMatchObject({ message, outage: null });
      expect(rows[0].n).toBe(1);
    } else {
      expect(res.status).toBe(503);
      expect(res.body.data ?? null).toBeNull();
      expect(rows[0].n).toBe(0);
    }
  });
});
