import { sql } from 'kysely';
import type { ShopifyTrx } from './tables';

/** Where a resource's sync stands: `full_pending` until a full import of it completed. */
export interface ResourceState {
  resource: string;
  high_water: Date | null;
  full_pending: boolean;
  checkpoint: number;
  bulk_operation_id: string | null;
}

export async function readStates(trx: ShopifyTrx, tenantId: string): Promise<Map<string, ResourceState>> {
  const rows = await trx
    .selectFrom('shopify_sync_state')
    .select(['resource', 'high_water', 'full_pending', 'checkpoint', 'bulk_operation_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.resource, r]));
}

/** Marks resources for a fresh full import (checkpoint back to the start). */
export async function startFullImport(trx: ShopifyTrx, tenantId: string, resources: readonly string[]) {
  for (const resource of resources) {
    await trx
      .insertInto('shopify_sync_state')
      .values({ tenant_id: tenantId, resource, full_pending: true, checkpoint: 0, bulk_operation_id: null })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'resource']).doUpdateSet({
          full_pending: true,
          checkpoint: 0,
          bulk_operation_id: null,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  }
}

export async function saveState(
  trx: ShopifyTrx,
  tenantId: string,
  resource: string,
  patch: Partial<Pick<ResourceState, 'high_water' | 'full_pending' | 'checkpoint' | 'bulk_operation_id'>>,
) {
  await trx
    .updateTable('shopify_sync_state')
    .set({ ...patch, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('resource', '=', resource)
    .execute();
}

/** The later of two ISO instants (null-safe). */
export function later(a: Date | string | null, b: string | null): Date | null {
  const ta = a ? new Date(a).getTime() : NaN;
  const tb = b ? Date.parse(b) : NaN;
  if (Number.isNaN(ta) && Number.isNaN(tb)) return null;
  return new Date(Number.isNaN(ta) ? tb : Number.isNaN(tb) ? ta : Math.max(ta, tb));
}
