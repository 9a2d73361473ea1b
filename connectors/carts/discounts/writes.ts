import { sql, type Kysely } from 'kysely';
import { UserErrors, attemptWrites, type TenantDb, type UserError as SdkUserError } from '../../../src/sdk';
import type { UserError } from '../validation';
import type { DiscountRow } from './eligibility';
import { discountColumns, type DiscountInput } from './input';
import { discountsByIds } from './store';

type Result = { discount: DiscountRow | null; userErrors: UserError[] };
const notFound: SdkUserError[] = [{ field: ['id'], code: 'NOT_FOUND', message: 'Discount not found' }];
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';

const one = async (trx: Kysely<unknown>, tenantId: string, id: string) =>
  (await discountsByIds(trx, tenantId, [id]))[0];

/** A taken code, or a usage limit set below the uses already counted, is a user error. */
const expected = (error: unknown): SdkUserError[] | null => {
  const code = (error as { code?: string }).code;
  if (code === UNIQUE_VIOLATION) return [{ field: ['input', 'code'], code: 'TAKEN', message: 'The code is taken' }];
  if (code === CHECK_VIOLATION) {
    return [{ field: ['input', 'usageLimit'], code: 'INVALID', message: 'The usage limit is below the uses so far' }];
  }
  return null;
};

/** Entitled products and collections must be this tenant's: another's reads as one that does not exist. */
async function entitledErrors(trx: Kysely<unknown>, tenantId: string, columns: Record<string, unknown>) {
  const errors: SdkUserError[] = [];
  for (const [column, table, field] of [
    ['product_ids', 'products', 'productIds'],
    ['collection_ids', 'collections', 'collectionIds'],
  ] as const) {
    const ids = columns[column] as string[] | null | undefined;
    if (!ids?.length) continue;
    const { rows } = await sql<{ id: string }>`select id::text as id from ${sql.table(table)}
      where tenant_id = ${tenantId} and id = any(${sql.val(ids)}::bigint[])`.execute(trx);
    const found = new Set(rows.map((r) => r.id));
    ids.forEach((id, i) => {
      if (!found.has(id)) errors.push({ field: ['input', field, String(i)], code: 'NOT_FOUND', message: 'Not found' });
    });
  }
  if (errors.length > 0) throw new UserErrors(errors);
}

export async function createDiscount(db: TenantDb, input: DiscountInput): Promise<Result> {
  const checked = discountColumns(input, true);
  if ('errors' in checked) return { discount: null, userErrors: checked.errors };
  const values = { tenant_id: db.tenantId, ...checked.columns };
  const names = Object.keys(values);
  const { value, userErrors } = await attemptWrites<unknown, DiscountRow>(
    db,
    async (trx) => {
      await entitledErrors(trx, db.tenantId, checked.columns);
      const { rows } = await sql<{ id: string }>`insert into discounts (${sql.join(names.map((n) => sql.ref(n)))})
        values (${sql.join(names.map((n) => sql.val((values as Record<string, unknown>)[n])))}) returning id`.execute(
        trx,
      );
      return one(trx, db.tenantId, rows[0].id);
    },
    expected,
  );
  return { discount: value, userErrors };
}

export async function updateDiscount(db: TenantDb, id: string | null, input: DiscountInput): Promise<Result> {
  if (!id) return { discount: null, userErrors: notFound };
  const checked = discountColumns(input, false);
  if ('errors' in checked) return { discount: null, userErrors: checked.errors };
  const sets = Object.entries(checked.columns).map(([name, v]) => sql`${sql.ref(name)} = ${v}`);
  const { value, userErrors } = await attemptWrites<unknown, DiscountRow>(
    db,
    async (trx) => {
      await entitledErrors(trx, db.tenantId, checked.columns);
      const result = await sql`update discounts set ${sql.join([...sets, sql`updated_at = now()`])}
        where tenant_id = ${db.tenantId} and id = ${id}`.execute(trx);
      if (Number(result.numAffectedRows ?? 0) === 0) throw new UserErrors(notFound);
      return one(trx, db.tenantId, id);
    },
    expected,
  );
  return { discount: value, userErrors };
}

export async function deactivateDiscount(db: TenantDb, id: string | null): Promise<Result> {
  if (!id) return { discount: null, userErrors: notFound };
  const { value, userErrors } = await attemptWrites<unknown, DiscountRow>(db, async (trx) => {
    const result = await sql`update discounts set active = false, updated_at = now()
      where tenant_id = ${db.tenantId} and id = ${id}`.execute(trx);
    if (Number(result.numAffectedRows ?? 0) === 0) throw new UserErrors(notFound);
    return one(trx, db.tenantId, id);
  });
  return { discount: value, userErrors };
}
