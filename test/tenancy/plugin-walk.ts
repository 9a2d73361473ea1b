import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { summarizeSdl } from '../../src/plugins/sdl';
import type { PluginDefinition } from '../../src/sdk';

/** Who contributed what, read from each composed plugin's own SDL: the first plugin to define or add it. */
export interface Contributions {
  types: Map<string, string>;
  fields: Map<string, string>;
}

export function contributionsOf(plugins: readonly PluginDefinition[]): Contributions {
  const out: Contributions = { types: new Map(), fields: new Map() };
  for (const plugin of plugins) {
    const sdl = summarizeSdl(plugin.typeDefs);
    for (const type of sdl.definedTypes.keys()) if (!out.types.has(type)) out.types.set(type, plugin.name);
    for (const field of sdl.fields) if (!out.fields.has(field)) out.fields.set(field, plugin.name);
  }
  return out;
}

/** One field on the way to a probed field: `on` when the parent is an interface (node). */
export interface Step {
  type: string;
  field: string;
  args: string;
  on?: string;
}

/** A contributed field of `plugin`, selected under a path that another plugin's root field opens. */
export interface ContributionProbe {
  plugin: string;
  coordinate: string;
  /** The fields from the root to the probed one (the last step). */
  steps: Step[];
  /** Index of the first step that belongs to the plugin: its field, or a field answering its type. */
  entry: number;
  query: string;
  /** `node` when the path starts at node(id: $id) with an ID of `nodeType`. */
  nodeType?: string;
}

type Field = GraphQLField<unknown, unknown>;
const ROOTS = new Set(['Query', 'Mutation']);
const requiredArgs = (field: Field) => field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
const argsOf = (field: Field) => (field.args.some((a) => a.name === 'first') ? '(first: 3)' : '');

/** True when the step belongs to `plugin`: its field is the plugin's, or it answers one of the plugin's types. */
function enters(c: Contributions, plugin: string, step: Step, schema: GraphQLSchema): boolean {
  const parent = step.on ?? step.type;
  if (c.types.get(parent) === plugin) return false;
  const field = (schema.getType(parent) as { getFields(): Record<string, Field> }).getFields()[step.field];
  return c.fields.get(`${parent}.${step.field}`) === plugin || c.types.get(getNamedType(field.type).name) === plugin;
}

/** The query for a path, `__typename` at every level so that what stands beside a refused field shows. */
function queryOf(steps: readonly Step[], variables: string, leaf: string): string {
  let inner = leaf;
  for (const step of [...steps].reverse()) {
    const selection = `__typename ${step.field}${step.args}${inner ? ` { ${inner} }` : ''}`;
    inner = step.on ? `... on ${step.on} { ${selection} }` : selection;
  }
  return `query${variables} { ${inner} }`;
}

/**
 * Every field `plugin` contributes outside the root types (the fields it adds to other plugins' types,
 * and the fields of its own types that other plugins' fields reach), each under the shortest path from
 * a root list of another plugin; and each field it adds to another plugin's Node type under node(id:).
 */
export function contributionProbes(schema: GraphQLSchema, c: Contributions, plugin: string): ContributionProbe[] {
  const paths = new Map<string, Step[]>();
  // Lists and argument-less roots: a lookup such as product(handle:) answers null when called without one.
  const roots = Object.values(schema.getQueryType()!.getFields()).filter(
    (f) =>
      c.fields.get(`Query.${f.name}`) !== plugin &&
      (f.args.length === 0 || f.args.some((a) => a.name === 'first')) &&
      !requiredArgs(f).length &&
      isObjectType(getNamedType(f.type)),
  );
  let frontier: Step[][] = roots.map((f) => [{ type: 'Query', field: f.name, args: argsOf(f) }]);
  while (frontier.length) {
    const next: Step[][] = [];
    for (const steps of frontier) {
      const last = steps[steps.length - 1];
      const parent = schema.getType(last.on ?? last.type) as { getFields(): Record<string, Field> };
      const named = getNamedType(parent.getFields()[last.field].type);
      if (!isObjectType(named) || paths.has(named.name)) continue;
      paths.set(named.name, steps);
      for (const field of Object.values(named.getFields())) {
        if (requiredArgs(field).length || isLeafType(getNamedType(field.type))) continue;
        next.push([...steps, { type: named.name, field: field.name, args: argsOf(field) }]);
      }
    }
    frontier = next;
  }

  const probes: ContributionProbe[] = [];
  const add = (field: Field, steps: Step[], variables = '', nodeType?: string) => {
    const coordinate = `${steps[steps.length - 1].on ?? steps[steps.length - 1].type}.${field.name}`;
    const entry = steps.findIndex((s) => enters(c, plugin, s, schema));
    if (entry < 0) throw new Error(`${coordinate}: no step of ${plugin} on its path`);
    const leaf = isLeafType(getNamedType(field.type)) ? '' : '__typename';
    probes.push({ plugin, coordinate, steps, entry, query: queryOf(steps, variables, leaf), nodeType });
  };
  for (const [typeName, steps] of paths) {
    const object = schema.getType(typeName);
    if (!isObjectType(object) || ROOTS.has(typeName)) continue;
    const node = object.getInterfaces().some((i) => i.name === 'Node') && c.types.get(typeName) !== plugin;
    for (const field of Object.values(object.getFields())) {
      if (c.fields.get(`${typeName}.${field.name}`) !== plugin || requiredArgs(field).length) continue;
      add(field, [...steps, { type: typeName, field: field.name, args: argsOf(field) }]);
      if (node) {
        const viaNode = [
          { type: 'Query', field: 'node', args: '(id: $id)' },
          { type: 'Node', on: typeName, field: field.name, args: argsOf(field) },
        ];
        add(field, viaNode, '($id: ID!)', typeName);
      }
    }
  }
  return probes;
}

/** Root fields `plugin` adds, each called on its own. */
export function rootContributions(schema: GraphQLSchema, c: Contributions, plugin: string) {
  const of = (kind: 'Query' | 'Mutation') =>
    Object.values((kind === 'Query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {})
      .filter((f) => c.fields.get(`${kind}.${f.name}`) === plugin)
      .map((field) => ({ kind, field }));
  return [...of('Query'), ...of('Mutation')];
}

/** The values found at a path of response keys, through lists (`undefined` where a key is absent). */
export function valuesAt(data: unknown, keys: readonly string[]): unknown[] {
  let level: unknown[] = [data];
  for (const key of keys) {
    const next: unknown[] = [];
    for (const value of level.flatMap((v) => (Array.isArray(v) ? (v as unknown[]).flat(Infinity) : [v]))) {
      if (value && typeof value === 'object') next.push((value as Record<string, unknown>)[key]);
    }
    level = next;
  }
  return level.flatMap((v) => (Array.isArray(v) ? (v as unknown[]).flat(Infinity) : [v]));
}
