import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** Where an ID goes in a field's arguments: a path of argument and input field names. */
export interface IdSlot {
  path: string[];
  list: boolean;
}

const requiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** A selection of every leaf and, down to `depth`, every object field that needs no argument. */
export function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (requiredArgs(field).length) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth > 1) {
      const sizeArg = field.args.some((a) => a.name === 'first') ? '(first: 5)' : '';
      parts.push(`${field.name}${sizeArg} ${selectionOf(field.type, depth - 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** Every place a value passing `test` (named type, field name) can be given to a field, through its arguments and their input types. */
function slotsWhere(
  field: GraphQLField<unknown, unknown>,
  test: (type: GraphQLNamedType, name: string) => boolean,
): IdSlot[] {
  const slots: IdSlot[] = [];
  const walk = (type: GraphQLInputType, path: string[], list: boolean, seen: Set<string>) => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return walk(nullable.ofType, path, true, seen);
    if (test(getNamedType(nullable), path[path.length - 1])) return void slots.push({ path, list });
    if (isInputObjectType(nullable) && !seen.has(nullable.name)) {
      for (const f of Object.values(nullable.getFields()))
        walk(f.type, [...path, f.name], list, new Set([...seen, nullable.name]));
    }
  };
  for (const arg of field.args) walk(arg.type, [arg.name], false, new Set());
  return slots;
}

/** Every place an ID can be given to a field. */
export const idSlots = (field: GraphQLField<unknown, unknown>) => slotsWhere(field, (type) => type.name === 'ID');

/** Every place a handle (a String named `handle`) can be given to a field. */
export const handleSlots = (field: GraphQLField<unknown, unknown>) =>
  slotsWhere(field, (type, name) => type.name === 'String' && name === 'handle');

const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'isolation-check',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2030-01-01T00:00:00.000Z',
  Decimal: '1.00',
  CurrencyCode: 'USD',
  URL: 'https://example.com/x',
  EmailAddress: 'someone@example.com',
};

/**
 * Inputs whose optional fields together make the value valid (an address a shop delivers to, a discount
 * with its kind and value): the walk starts from these and adds its ID slots.
 */
const INPUT_SAMPLES: Record<string, Record<string, unknown>> = {
  MailingAddressInput: { address1: '1 Main St', city: 'New York', province: 'NY', zip: '10001', country: 'US' },
  DiscountInput: { title: 'Isolation check', kind: 'PERCENTAGE', value: '10' },
  // A value without a definition needs its type (the key and value are the sample string).
  MetafieldsSetInput: { namespace: 'isolation', type: 'single_line_text_field' },
};

/**
 * Arguments whose value must fit every shop: the seeded domestic rate; no discount codes (a code the
 * discount probes may have deactivated would refuse the checkout that follows).
 */
const ARGUMENT_SAMPLES: Record<string, unknown> = { deliveryOptionHandle: 'standard', discountCodes: [] };

/**
 * What goes in an input's leaves: `id` gives an ID, or undefined to leave an optional slot out; `scalar`,
 * when given, another scalar (a handle), or undefined for a sample value.
 */
export interface SlotFill {
  id(path: string[], required: boolean): string | undefined;
  scalar?(path: string[]): unknown;
}

/** A value for an input type: required fields and every field that can carry an ID (`fill`: IDs only, or a SlotFill). */
export function sampleValue(
  type: GraphQLInputType,
  path: string[],
  fill: SlotFill | ((path: string[]) => string),
  required = false,
): unknown {
  const slots = typeof fill === 'function' ? { id: fill } : fill;
  if (path.join('.') in ARGUMENT_SAMPLES) return ARGUMENT_SAMPLES[path.join('.')];
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = sampleValue(nullable.ofType, path, slots, required);
    return item === undefined ? undefined : [item];
  }
  if (nullable.name === 'ID') return slots.id(path, required);
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = { ...INPUT_SAMPLES[nullable.name] };
    for (const f of Object.values(nullable.getFields())) {
      const needed = isNonNullType(f.type) && f.defaultValue === undefined;
      if (!needed && slotsUnder(f.type).length === 0) continue;
      const value = sampleValue(f.type, [...path, f.name], slots, needed);
      if (value !== undefined) out[f.name] = value;
    }
    return out;
  }
  return slots.scalar?.(path) ?? SCALAR_SAMPLES[nullable.name] ?? 'x';
}

/** Variables for a call passing `args`, each filled by `fill`; a slot left out is not sent. */
export function variablesOf(args: readonly GraphQLArgument[], fill: SlotFill): Record<string, unknown> {
  const entries = args.map((a) => {
    const needed = isNonNullType(a.type) && a.defaultValue === undefined;
    return [a.name, sampleValue(a.type, [a.name], fill, needed)] as const;
  });
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function slotsUnder(type: GraphQLInputType): string[] {
  const named = getNamedType(type);
  if (named.name === 'ID') return ['ID'];
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((f) => (getNamedType(f.type) === named ? [] : slotsUnder(f.type)));
}

/** An operation calling one root field with every argument passed as a variable. */
export function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: readonly GraphQLArgument[],
  depth = 2,
) {
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selectionOf(field.type, depth)} }`;
}

/** Root fields of a type (Query, Mutation) of the schema. */
export function rootFields(schema: GraphQLSchema, kind: 'query' | 'mutation') {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {});
}

/** Arguments a call passes: the required ones, and any that can carry an ID. */
export const argsToPass = (field: GraphQLField<unknown, unknown>) =>
  field.args.filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || slotsUnder(a.type).length > 0);

/** Every string under an `id` key, and every `endCursor`, of a response. */
export function collect(value: unknown, ids: Set<string>, cursors: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, ids, cursors));
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'id' && typeof child === 'string') ids.add(child);
    else if ((key === 'endCursor' || key === 'cursor') && typeof child === 'string') cursors.add(child);
    else collect(child, ids, cursors);
  }
}

/** Links every ID of a response to the IDs of the objects around it (its ancestors and descendants). */
export function collectRelated(value: unknown, related: Map<string, Set<string>>, ancestors: string[] = []): void {
  if (Array.isArray(value)) return value.forEach((v) => collectRelated(v, related, ancestors));
  if (!value || typeof value !== 'object') return;
  const id = (value as Record<string, unknown>).id;
  const around = typeof id === 'string' ? [...ancestors, id] : ancestors;
  if (typeof id === 'string') {
    for (const other of ancestors) {
      related.set(id, (related.get(id) ?? new Set()).add(other));
      related.set(other, (related.get(other) ?? new Set()).add(id));
    }
  }
  for (const child of Object.values(value)) collectRelated(child, related, around);
}

/** Every object of a response that shows its `handle`, by `__typename`: type -> handles. */
export function collectHandles(value: unknown, handles: Map<string, Set<string>>): void {
  if (Array.isArray(value)) return value.forEach((v) => collectHandles(v, handles));
  if (!value || typeof value !== 'object') return;
  const { __typename: type, handle } = value as Record<string, unknown>;
  if (typeof type === 'string' && typeof handle === 'string') {
    handles.set(type, (handles.get(type) ?? new Set()).add(handle));
  }
  for (const child of Object.values(value)) collectHandles(child, handles);
}

/** One field of one object type, selected on its own under the shortest path that reaches its type. */
export interface FieldProbe {
  type: string;
  field: string;
  query: string;
}

const sizeArgOf = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((a) => a.name === 'first') ? '(first: 3)' : '';

/**
 * Every field (that needs no argument) of every object type reachable from the given root fields, each
 * in a query of its own that selects only the path to its type and the field itself (`{ __typename }`
 * below an object field): a resolver reading columns of a type the query selects nothing else of shows.
 */
export function fieldProbes(
  roots: readonly GraphQLField<unknown, unknown>[],
  schema: GraphQLSchema,
  /** Arguments for a root that needs some, as variables: `{ variables: '($id: ID!)', args: '(id: $id)' }`. */
  call?: { variables: string; args: string },
): FieldProbe[] {
  /** The shortest selection reaching each object type: `wrap(inner)` selects `inner` on that type. */
  const paths = new Map<string, (inner: string) => string>();
  let frontier: { type: GraphQLOutputType; wrap: (inner: string) => string }[] = roots.map((root) => ({
    type: root.type,
    wrap: (inner: string) => `query${call?.variables ?? ''} { ${root.name}${call?.args ?? sizeArgOf(root)} ${inner} }`,
  }));
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const { type, wrap } of frontier) {
      const named = getNamedType(type);
      const objects = isObjectType(named)
        ? [{ object: named, on: (inner: string) => inner }]
        : isInterfaceType(named)
          ? schema.getPossibleTypes(named).map((object) => ({
              object,
              on: (inner: string) => `{ ... on ${object.name} ${inner} }`,
            }))
          : [];
      for (const { object, on } of objects) {
        if (paths.has(object.name)) continue;
        const reach = (inner: string) => wrap(on(inner));
        paths.set(object.name, reach);
        for (const field of Object.values(object.getFields())) {
          if (requiredArgs(field).length || isLeafType(getNamedType(field.type))) continue;
          next.push({ type: field.type, wrap: (inner) => reach(`{ ${field.name}${sizeArgOf(field)} ${inner} }`) });
        }
      }
    }
    frontier = next;
  }
  const probes: FieldProbe[] = [];
  for (const [typeName, reach] of paths) {
    const object = schema.getType(typeName);
    if (!isObjectType(object)) continue;
    for (const field of Object.values(object.getFields())) {
      if (requiredArgs(field).length) continue;
      const inner = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      probes.push({ type: typeName, field: field.name, query: reach(`{ ${field.name}${sizeArgOf(field)}${inner} }`) });
    }
  }
  return probes;
}

/** Each field of `type` on its own under `node(id: $id)`. */
export function nodeFieldProbes(schema: GraphQLSchema, type: string): FieldProbe[] {
  const object = schema.getType(type);
  if (!isObjectType(object)) return [];
  return Object.values(object.getFields())
    .filter((field) => !requiredArgs(field).length)
    .map((field) => {
      const inner = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const selection = `${field.name}${sizeArgOf(field)}${inner}`;
      return {
        type,
        field: field.name,
        query: `query($id: ID!) { node(id: $id) { ... on ${type} { ${selection} } } }`,
      };
    });
}
