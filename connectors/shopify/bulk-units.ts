import type { BulkRecord } from './jsonl';

/** A root record of a bulk result with the child lines that name it as `__parentId`. */
export interface BulkUnit {
  root: BulkRecord;
  children: BulkRecord[];
}

/**
 * Groups a bulk JSONL stream into units (a product with its variants, collections and metafields, and
 * its variants' metafields; a location with its levels; an order with its line items). Shopify writes a
 * node's children after the node, so a unit is complete when the next root arrives. Grandchildren (a
 * variant's metafields) join the unit too, their `__parentId` naming the child.
 */
export async function* bulkUnits(records: AsyncIterable<BulkRecord>): AsyncGenerator<BulkUnit> {
  let current: BulkUnit | undefined;
  let members = new Set<string>();
  for await (const record of records) {
    if (!record.__parentId) {
      if (current) yield current;
      current = { root: record, children: [] };
      members = new Set([String(record.id)]);
    } else if (current && members.has(record.__parentId)) {
      current.children.push(record);
      if (record.id) members.add(String(record.id));
    }
  }
  if (current) yield current;
}

/** The Admin API type of a gid (`gid://shopify/ProductVariant/1` -> ProductVariant). */
export function typeOf(record: BulkRecord): string {
  return String(record.id ?? '').split('/')[3] ?? '';
}
