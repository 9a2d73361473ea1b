import type { Kysely } from 'kysely';
import { attemptWrites, encodeGlobalId, localIdOf, UserErrors, type GatewayContext } from '../../src/sdk';
import {
  definitionChanges,
  newDefinition,
  type DefinitionInput,
  type DefinitionUpdateInput,
} from '../../connectors/metafields/define';
import {
  deleteDefinition,
  findDefinition,
  insertDefinition,
  updateDefinition,
  valuesOfOtherType,
} from '../../connectors/metafields/definitions';
import { ownerGlobalId, ownerKey } from '../../connectors/metafields/owners';
import { deleteMetafields, setMetafields, type DeleteInput, type SetInput } from '../../connectors/metafields/set';
import type { MetafieldTables, OwnerType } from '../../connectors/metafields/tables';
import { writeScope } from './permissions';

type Trx = Kysely<MetafieldTables>;
const UNIQUE_VIOLATION = '23505';

const notAllowed = (field: string[], t: OwnerType) =>
  new UserErrors([{ field, code: 'NOT_ALLOWED', message: `Not allowed to write ${t} metafields` }]);
const notFound = () =>
  new UserErrors([{ field: ['id'], code: 'NOT_FOUND', message: 'Metafield definition not found' }]);

const taken = (error: unknown) =>
  (error as { code?: string }).code === UNIQUE_VIOLATION
    ? [{ field: ['definition', 'key'], code: 'TAKEN' as const, message: 'This namespace and key are already defined' }]
    : null;

/** Values of the owners written or deleted are read again fresh. */
function forget(ctx: GatewayContext, owners: readonly { ownerType: OwnerType; ownerId: string }[]) {
  for (const o of owners) ctx.loaders.metafieldsByOwner.clear(ownerKey({ type: o.ownerType, id: o.ownerId }));
}

export const metafieldMutations = {
  metafieldDefinitionCreate: async (_: unknown, args: { definition: DefinitionInput }, ctx: GatewayContext) => {
    const { value, userErrors } = await attemptWrites(
      ctx.db,
      async (trx: Trx) => {
        if (!writeScope(args.definition.ownerType).allows(ctx)) {
          throw notAllowed(['definition', 'ownerType'], args.definition.ownerType);
        }
        const { definition, errors } = newDefinition(args.definition);
        if (!definition) throw new UserErrors(errors);
        const others = await valuesOfOtherType(trx, ctx.db.tenantId, definition);
        if (others > 0) {
          const message = `${others} metafields of this namespace and key have another type`;
          throw new UserErrors([{ field: ['definition', 'type'], code: 'INVALID', message }]);
        }
        return insertDefinition(trx, ctx.db.tenantId, definition);
      },
      taken,
    );
    return { createdDefinition: value, userErrors };
  },

  metafieldDefinitionUpdate: async (_: unknown, args: { definition: DefinitionUpdateInput }, ctx: GatewayContext) => {
    const { value, userErrors } = await attemptWrites(ctx.db, async (trx: Trx) => {
      const id = localIdOf(args.definition.id, 'MetafieldDefinition');
      const row = id ? await findDefinition(trx, ctx.db.tenantId, id) : undefined;
      if (!row)
        throw new UserErrors([
          { field: ['definition', 'id'], code: 'NOT_FOUND', message: 'Metafield definition not found' },
        ]);
      if (!writeScope(row.owner_type).allows(ctx)) throw notAllowed(['definition', 'id'], row.owner_type);
      const { changes, errors } = definitionChanges(row.type, args.definition);
      if (!changes) throw new UserErrors(errors);
      return updateDefinition(trx, ctx.db.tenantId, row.id, changes);
    });
    if (value) ctx.loaders.metafieldDefinitionById.clear(String(value.id));
    return { updatedDefinition: value ?? null, userErrors };
  },

  metafieldDefinitionDelete: async (
    _: unknown,
    args: { id: string; deleteAllAssociatedMetafields?: boolean | null },
    ctx: GatewayContext,
  ) => {
    const { value, userErrors } = await attemptWrites(ctx.db, async (trx: Trx) => {
      const id = localIdOf(args.id, 'MetafieldDefinition');
      const row = id ? await findDefinition(trx, ctx.db.tenantId, id) : undefined;
      if (!row) throw notFound();
      if (!writeScope(row.owner_type).allows(ctx)) throw notAllowed(['id'], row.owner_type);
      await deleteDefinition(trx, ctx.db.tenantId, row, args.deleteAllAssociatedMetafields ?? false);
      return row;
    });
    ctx.loaders.metafieldsByOwner.clearAll();
    return { deletedDefinitionId: value ? encodeGlobalId('MetafieldDefinition', value.id) : null, userErrors };
  },

  metafieldsSet: async (_: unknown, args: { metafields: readonly SetInput[] }, ctx: GatewayContext) => {
    const mayWrite = (t: OwnerType) => writeScope(t).allows(ctx);
    const { value, userErrors } = await attemptWrites(ctx.db, (trx: Trx) =>
      setMetafields(trx, ctx.db.tenantId, args.metafields, mayWrite),
    );
    if (value)
      forget(
        ctx,
        value.map((r) => ({ ownerType: r.owner_type, ownerId: r.owner_id })),
      );
    return { metafields: value, userErrors };
  },

  metafieldsDelete: async (_: unknown, args: { metafields: readonly DeleteInput[] }, ctx: GatewayContext) => {
    const mayWrite = (t: OwnerType) => writeScope(t).allows(ctx);
    const { value, userErrors } = await attemptWrites(ctx.db, (trx: Trx) =>
      deleteMetafields(trx, ctx.db.tenantId, args.metafields, mayWrite),
    );
    if (value)
      forget(
        ctx,
        value.filter((k) => k !== null),
      );
    const deletedMetafields = value?.map((k) =>
      k ? { ownerId: ownerGlobalId(k.ownerType, k.ownerId), namespace: k.namespace, key: k.key } : null,
    );
    return { deletedMetafields: deletedMetafields ?? null, userErrors };
  },
};
