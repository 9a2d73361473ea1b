import { localIdOf } from '../../src/sdk';
import { TENANTS, type InterleavedGateway, type TenantId } from './interleaved-gateway';
import type { Ledger, RunReport } from './interleaved-run';
import type { World } from './interleaved-world';

/** The tenant a write's label names: `[alpha] op#12` -> alpha. */
const labelled = (text: string | null) => /^\[(\w+)\] op#\d+$/.exec(text ?? '')?.[1];

/** What was written must hold every write answered as done and nothing but those and the cut-off ones. */
function matchesLedger(what: string, written: string[], ledger: Ledger): string[] {
  const problems: string[] = [];
  const missing = [...ledger.done].filter((l) => !written.includes(l));
  const extra = written.filter((l) => !ledger.done.has(l) && !ledger.unknown.has(l));
  if (missing.length) problems.push(`${what}: answered as written but not in the database: ${missing.join(', ')}`);
  if (extra.length) problems.push(`${what}: in the database but never written by this tenant: ${extra.join(', ')}`);
  if (new Set(written).size !== written.length) problems.push(`${what}: written twice: ${written.join(', ')}`);
  return problems;
}

/**
 * Reads, as the superuser past row-level security, every row the schedule wrote: each landed in the
 * tenant that wrote it, and each tenant's stock equals the sum of its own adjustments.
 */
export async function checkWrittenRows(g: InterleavedGateway, world: World, report: RunReport): Promise<string[]> {
  const problems: string[] = [];
  const adjustments = await g.superuser<{ tenant_id: TenantId; owner: TenantId; reason: string; delta: number }>(
    `select a.tenant_id, v.tenant_id as owner, a.reason, a.delta from inventory_adjustments a
     join product_variants v on v.id = a.variant_id where a.reason like '[%] op#%'`,
  );
  const entries = await g.superuser<{ tenant_id: TenantId; message: string }>(
    `select tenant_id, message from guestbook_entries`,
  );
  for (const row of [...adjustments, ...entries.map((e) => ({ ...e, reason: e.message, owner: e.tenant_id }))]) {
    if (labelled(row.reason) !== row.tenant_id || row.owner !== row.tenant_id) {
      problems.push(`row of ${row.tenant_id} written by ${labelled(row.reason)} (on ${row.owner}'s item)`);
    }
  }
  for (const tenant of TENANTS) {
    const { stock } = world.tenants[tenant];
    const ledgers = report.writes[tenant];
    const own = adjustments.filter((a) => a.tenant_id === tenant);
    problems.push(
      ...matchesLedger(
        `${tenant} adjustments`,
        own.map((a) => a.reason),
        ledgers.adjust,
      ),
    );
    const messages = entries.filter((e) => e.tenant_id === tenant).map((e) => e.message);
    problems.push(...matchesLedger(`${tenant} guestbook`, messages, ledgers.guestbook));

    const [level] = await g.superuser<{ tenant_id: string; available: number }>(
      `select tenant_id, available from inventory_levels where variant_id = $1 and location_id = $2`,
      [localIdOf(stock.variantId, 'ProductVariant'), localIdOf(stock.locationId, 'Location')],
    );
    const sum = own.reduce((total, a) => total + Number(a.delta), 0);
    if ((level?.available ?? 0) !== sum || (level && level.tenant_id !== tenant)) {
      problems.push(`${tenant} stock: ${JSON.stringify(level)}, expected ${sum} of its own adjustments`);
    }
    const [product] = await g.superuser<{ tenant_id: string; description: string | null }>(
      `select tenant_id, description from products where id = $1`,
      [localIdOf(stock.productId, 'Product')],
    );
    // One of its own writes, or, while none was answered as done, the description it had before.
    const { done, unknown } = ledgers.describe;
    const ownDescriptions = [...done, ...unknown, ...(done.size ? [] : [world.tenants[tenant].initialDescription])];
    if (product.tenant_id !== tenant || !ownDescriptions.includes(product.description)) {
      problems.push(`${tenant} description: ${JSON.stringify(product)} is none of its own writes`);
    }
  }
  return problems;
}
