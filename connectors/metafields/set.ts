import type { Kysely } from 'kysely';
import { UserErrors, type UserError } from '../../src/sdk';
import { definitionKey, definitionsFor } from './definitions';
import { namespaceOf, nameProblem } from './identifiers';
import { existingOwners, ownerKey, ownerOf } from './owners';
import type { DefinitionRow, MetafieldRow, MetafieldTables, OwnerType } from './tables';
import { ruleProblem } from './validations';
import { isValueType, parseValue, VALUE_TYPES } from './value-types';
import { deleteValues, upsertValues, type ValueKey, type ValueWrite } from './values';

type Trx = Kysely<MetafieldTables>;

/** At most this many values per metafieldsSet or metafieldsDelete. */
export const MAX_PER_CALL = 25;

export interface SetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  value: string;
  type?: string | null;
}

export type DeleteInput = Omit<SetInput, 'value' | 'type'>;

/** May the caller write values of this owner type (its write scope)? */
export type MayWrite = (ownerType: OwnerType) => boolean;

const at = (i: number, field?: string) => (field ? ['metafields', String(i), field] : ['metafields', String(i)]);

function tooMany(count: number): UserError[] {
  return count > MAX_PER_CALL
    ? [{ field: ['metafields'], code: 'INVALID', message: `At most ${MAX_PER_CALL} metafields per call` }]
    : [];
}

/** The owner and identifiers of each input, with the problems found without the database. */
async function identify(trx: Trx, tenantId: string, inputs: readonly DeleteInput[], mayWrite: MayWrite) {
  const errors: UserError[] = [];
  const keys: (ValueKey | null)[] = [];
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    const owner = ownerOf(input.ownerId);
    const namespace = namespaceOf(input.namespace);
    const problems: UserError[] = [];
    if (!owner) problems.push({ field: at(i, 'ownerId'), code: 'NOT_FOUND', message: 'Owner not found' });
    else if (!mayWrite(owner.type)) {
      problems.push({ field: at(i, 'ownerId'), code: 'NOT_ALLOWED', message: `Not allowed to write ${owner.type}` });
    }
    const bad = nameProblem('namespace', namespace);
    if (bad) problems.push({ field: at(i, 'namespace'), code: 'INVALID', message: bad });
    const badKey = nameProblem('key', input.key);
    if (badKey) problems.push({ field: at(i, 'key'), code: 'INVALID', message: badKey });
    if (owner && problems.length === 0) {
      const id = `${ownerKey(owner)}:${namespace}:${input.key}`;
      if (seen.has(id)) problems.push({ field: at(i), code: 'TAKEN', message: 'The same metafield is given twice' });
      seen.add(id);
    }
    errors.push(...problems);
    keys.push(
      problems.length === 0 && owner ? { ownerType: owner.type, ownerId: owner.id, namespace, key: input.key } : null,
    );
  }
  const owners = keys.filter((k): k is ValueKey => k !== null).map((k) => ({ type: k.ownerType, id: k.ownerId }));
  const existing = await existingOwners(trx, tenantId, owners);
  keys.forEach((k, i) => {
    if (k && !existing.has(ownerKey({ type: k.ownerType, id: k.ownerId }))) {
      errors.push({ field: at(i, 'ownerId'), code: 'NOT_FOUND', message: 'Owner not found' });
    }
  });
  return { keys, errors };
}

/** The type a value is written with, and the problem when there is none to use. */
function typeFor(def: DefinitionRow | undefined, given: string | null | undefined): { type?: string; error?: string } {
  if (def) {
    if (given != null && given !== def.type) return { error: `type must be ${def.type}, as its definition says` };
    return { type: def.type };
  }
  if (given == null) return { error: 'type is required for a metafield without a definition' };
  if (!isValueType(given)) return { error: `type must be one of ${VALUE_TYPES.join(', ')}` };
  return { type: given };
}

/**
 * Writes the values, all or none: every input is checked (owner, scope, names, type, value, the
 * definition's validations) and any problem throws UserErrors naming its input, before anything is written.
 */
export async function setMetafields(
  trx: Trx,
  tenantId: string,
  inputs: readonly SetInput[],
  mayWrite: MayWrite,
): Promise<MetafieldRow[]> {
  const limit = tooMany(inputs.length);
  if (limit.length) throw new UserErrors(limit);
  const { keys, errors } = await identify(trx, tenantId, inputs, mayWrite);
  const named = keys.filter((k): k is ValueKey => k !== null);
  const defs = await definitionsFor(
    trx,
    tenantId,
    named.map((k) => ({ ownerType: k.ownerType, namespace: k.namespace, key: k.key })),
  );
  const byKey = new Map(defs.map((d) => [definitionKey(d.owner_type, d.namespace, d.key), d]));
  const writes: ValueWrite[] = [];
  for (const [i, input] of inputs.entries()) {
    const k = keys[i];
    if (!k) continue;
    const def = byKey.get(definitionKey(k.ownerType, k.namespace, k.key));
    const { type, error } = typeFor(def, input.type);
    if (!type || !isValueType(type)) {
      errors.push({ field: at(i, 'type'), code: 'INVALID', message: error ?? 'Unknown type' });
      continue;
    }
    const parsed = parseValue(type, input.value);
    const problem = parsed.ok ? ruleProblem(type, def?.validations ?? [], parsed.text, parsed.value) : parsed.message;
    if (!parsed.ok || problem) {
      errors.push({ field: at(i, 'value'), code: 'INVALID', message: `value ${problem}` });
      continue;
    }
    writes.push({ ...k, type, value: parsed.text });
  }
  if (errors.length) throw new UserErrors(errors);
  const rows = await upsertValues(trx, tenantId, writes);
  return rows.map((row) => {
    const def = byKey.get(definitionKey(row.owner_type, row.namespace, row.key));
    return {
      ...row,
      id: String(row.id),
      owner_id: String(row.owner_id),
      definition_id: def ? String(def.id) : null,
      storefront_visible: def?.storefront_access === 'PUBLIC_READ',
    };
  });
}

/** Deletes the values named, all or none; per input, the identifier deleted or null when there was none. */
export async function deleteMetafields(
  trx: Trx,
  tenantId: string,
  inputs: readonly DeleteInput[],
  mayWrite: MayWrite,
): Promise<(ValueKey | null)[]> {
  const limit = tooMany(inputs.length);
  if (limit.length) throw new UserErrors(limit);
  const { keys, errors } = await identify(trx, tenantId, inputs, mayWrite);
  if (errors.length) throw new UserErrors(errors);
  const named = keys as ValueKey[];
  const existed = await deleteValues(trx, tenantId, named);
  return named.map((k, i) => (existed[i] ? k : null));
}
