import { sql, type Kysely } from 'kysely';
import type { DiscountRow } from '../discounts/eligibility';
import { codedDiscountsJson, discountRows, type DiscountJson } from '../discounts/store';
import { exemptEmailsJson } from '../taxes/store';

/** What quotes need of their carts' codes and buyers besides the shop's setup. */
export interface BuyerFacts {
  /** The discounts of the codes (any case). */
  coded: DiscountRow[];
  /** The emails of buyers exempt from tax. */
  exempt: ReadonlySet<string>;
}

/** The discounts of `codes` and which of `emails` are exempt from tax: one statement, none when both are empty. */
export async function loadBuyerFacts<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  codes: readonly string[],
  emails: readonly string[],
): Promise<BuyerFacts> {
  if (codes.length === 0 && emails.length === 0) return { coded: [], exempt: new Set() };
  const { rows } = await sql<{ coded: DiscountJson[]; exempt: string[] }>`
    select ${codedDiscountsJson(tenantId, codes)} as coded, ${exemptEmailsJson(tenantId, emails)} as exempt`.execute(
    conn,
  );
  return { coded: discountRows(rows[0].coded), exempt: new Set(rows[0].exempt) };
}
