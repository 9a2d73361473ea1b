import { sql, type Kysely } from 'kysely';
import type { DefinitionRow, MetafieldTables, OwnerType, StorefrontAccess, Validation } from './tables';

type Trx = Kysely<MetafieldTables>;

export interface NewDefinition {
  ownerType: OwnerType;
  namespace: string;
  key: string;
  name: string;
  description: string | null;
  type: string;
  validations: Validation[];
  storefrontAccess: StorefrontAccess;
}

export async function insertDefinition(trx: Trx, tenantId: string, d: NewDefinition): Promise<DefinitionRow> {
  return trx
    .insertInto('metafield_definitions')
    .values({
      tenant_id: tenantId,
      owner_type: d.ownerType,
      namespace: d.namespace,
      key: d.key,
      name: d.name,
      description: d.description,
      type: d.type,
      validations: JSON.stringify(d.validations),
      storefront_access: d.storefrontAccess,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How many values of the definition's namespace and key have another type than it (they would break it). */
export async function valuesOfOtherType(trx: Trx, tenantId: string, d: NewDefinition): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from metafields
    where tenant_id = ${tenantId} and owner_type = ${d.ownerType} and namespace = ${d.namespace} and key = ${d.key}
      and type <> ${d.type}`.execute(trx);
  return rows[0].n;
}

export async function findDefinition(trx: Trx, tenantId: string, id: string): Promise<DefinitionRow | undefined> {
  return trx
    .selectFrom('metafield_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface DefinitionChanges {
  name?: string;
  description?: string | null;
  validations?: Validation[];
  storefrontAccess?: StorefrontAccess;
}

export async function updateDefinition(
  trx: Trx,
  tenantId: string,
  id: string,
  c: DefinitionChanges,
): Promise<DefinitionRow | undefined> {
  return trx
    .updateTable('metafield_definitions')
    .set({
      ...(c.name !== undefined && { name: c.name }),
      ...(c.description !== undefined && { description: c.description }),
      ...(c.validations !== undefined && { validations: JSON.stringify(c.validations) }),
      ...(c.storefrontAccess !== undefined && { storefront_access: c.storefrontAccess }),
      updated_at: sql<Date>`now()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a definition, and with `values` every value of its namespace and key on its owner type. */
export async function deleteDefinition(trx: Trx, tenantId: string, row: DefinitionRow, values: boolean) {
  if (values) {
    await trx
      .deleteFrom('metafields')
      .where('tenant_id', '=', tenantId)
      .where('owner_type', '=', row.owner_type)
      .where('namespace', '=', row.namespace)
      .where('key', '=', row.key)
      .execute();
  }
  await trx.deleteFrom('metafield_definitions').where('tenant_id', '=', tenantId).where('id', '=', row.id).execute();
}

/** A page of definitions, oldest first, after an id, of the given owner types (the caller may read). */
export async function listDefinitions(
  trx: Trx,
  tenantId: string,
  filter: { ownerTypes: readonly OwnerType[]; namespace?: string | null },
  size: number,
  afterId: string | null,
): Promise<DefinitionRow[]> {
  if (filter.ownerTypes.length === 0) return [];
  let q = trx
    .selectFrom('metafield_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('owner_type', 'in', [...filter.ownerTypes]);
  if (afterId) q = q.where('id', '>', afterId);
  if (filter.namespace) q = q.where('namespace', '=', filter.namespace);
  return q
    .orderBy('id')
    .limit(size + 1)
    .execute();
}

/** The definitions of the given (owner type, namespace, key) triples: one statement. */
export async function definitionsFor(
  trx: Trx,
  tenantId: string,
  triples: readonly { ownerType: OwnerType; namespace: string; key: string }[],
): Promise<DefinitionRow[]> {
  if (triples.length === 0) return [];
  const { rows } = await sql<DefinitionRow>`select d.* from metafield_definitions d
    join unnest(${triples.map((t) => t.ownerType)}::text[], ${triples.map((t) => t.namespace)}::text[],
                ${triples.map((t) => t.key)}::text[]) as k(owner_type, namespace, key)
      on d.owner_type = k.owner_type and d.namespace = k.namespace and d.key = k.key
    where d.tenant_id = ${tenantId}`.execute(trx);
  return rows;
}

export const definitionKey = (ownerType: string, namespace: string, key: string) => `${ownerType}/${namespace}/${key}`;
