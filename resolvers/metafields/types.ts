import { encodeGlobalId, type GatewayContext } from '../../src/sdk';
import type { DefinitionRow, MetafieldRow, Validation } from '../../connectors/metafields/tables';

export const metafieldFields = {
  id: (row: MetafieldRow) => encodeGlobalId('Metafield', row.id),
  ownerType: (row: MetafieldRow) => row.owner_type,
  definition: (row: MetafieldRow, _: unknown, ctx: GatewayContext) =>
    row.definition_id && ctx.principal.kind !== 'storefront'
      ? ctx.loaders.metafieldDefinitionById.load(row.definition_id)
      : null,
  createdAt: (row: MetafieldRow) => row.created_at,
  updatedAt: (row: MetafieldRow) => row.updated_at,
};

/** jsonb comes back parsed from both drivers; a text copy is parsed here. */
const validationsOf = (row: DefinitionRow): Validation[] =>
  typeof row.validations === 'string' ? (JSON.parse(row.validations) as Validation[]) : row.validations;

export const definitionFields = {
  id: (row: DefinitionRow) => encodeGlobalId('MetafieldDefinition', row.id),
  ownerType: (row: DefinitionRow) => row.owner_type,
  validations: validationsOf,
  access: (row: DefinitionRow) => ({ storefront: row.storefront_access }),
  createdAt: (row: DefinitionRow) => row.created_at,
  updatedAt: (row: DefinitionRow) => row.updated_at,
};
