import type { GraphQLArgument, GraphQLField, GraphQLSchema } from 'graphql';
import { argsToPass, handleSlots, idSlots, rootFields, type IdSlot } from './schema-walk';

type Field = GraphQLField<unknown, unknown>;

/** A root field with one slot to fill: an ID, or a handle. */
export interface Probe {
  field: Field;
  slot: IdSlot;
  args: readonly GraphQLArgument[];
  kind: 'id' | 'handle';
  name: string;
}

/** The type a global ID names; carts' IDs are random tokens, not numbers, so not only what parseGlobalId takes. */
export const typeOf = (id: string) =>
  /^gid:\/\/retail\/([A-Za-z]+)\//.exec(Buffer.from(id, 'base64url').toString('utf8'))?.[1];

/** `count` values spread over a list, first and last included. */
export const spread = (list: string[], count: number) => [
  ...new Set(Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))])),
];

/**
 * The type a slot probably wants, from its name: `cartId` -> Cart, `productIds` -> Product,
 * `lines.id` -> Line, `options` -> Option.
 */
const typeHint = (path: string[]) => {
  const last = path[path.length - 1];
  const name = (last === 'id' && path.length > 1 ? path[path.length - 2] : last).replace(/Ids?$/, '').replace(/s$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** A slot's name as other fields share it (`merchandiseId`, `lines.id`); none for a plain `id` or `input.id`. */
export function slotName(path: string[]): string | undefined {
  const last = path[path.length - 1];
  if (last !== 'id') return last;
  return path.length > 1 && path[0] !== 'input' ? `${path[path.length - 2]}.id` : undefined;
}

/**
 * How much a type's name looks like what a slot names (`input.variantId` -> ProductVariant, `lines.id`
 * -> CartLine); for a plain `id` or `input.id`, what the field's name starts with (`productUpdate` -> Product).
 */
export function likeness(field: Field, path: string[], type: string): number {
  const plain = path[path.length - 1] === 'id' && (path.length === 1 || path[0] === 'input');
  const slot = typeHint(path).toLowerCase();
  const name = type.toLowerCase();
  if (!plain) return name === slot || name.endsWith(slot) ? 2 : 0;
  return field.name.toLowerCase().startsWith(name) ? 1 + name.length / 100 : 0;
}

export const pathKey = (field: Field, path: string[]) => `${field.name}(${path.join('.')})`;

export function probesOf(schema: GraphQLSchema, kind: 'query' | 'mutation'): Probe[] {
  return rootFields(schema, kind).flatMap((field) => {
    const ids = idSlots(field).map((slot) => ({ field, slot, args: argsToPass(field), kind: 'id' as const }));
    // A handle looks an object up in a query; in a mutation it is a value being written.
    const handles = (kind === 'query' ? handleSlots(field) : []).map((slot) => ({
      field,
      slot,
      args: [
        ...argsToPass(field),
        ...field.args.filter((a) => a.name === slot.path[0] && !argsToPass(field).includes(a)),
      ],
      kind: 'handle' as const,
    }));
    return [...ids, ...handles].map((p) => ({ ...p, name: pathKey(field, p.slot.path) }));
  });
}
