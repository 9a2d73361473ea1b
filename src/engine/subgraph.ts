import { allow } from 'graphql-shield';
import { isObjectType, Kind, parse, print, printSchema, visit, type DirectiveNode } from 'graphql';
import { parseGlobalId, type GatewayContext, type PluginDefinition } from '../sdk';
import { composePlugins, type Composition } from '../plugins/compose';
import type { PluginCandidate } from '../plugins/load';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
const directive = (name: string, fields?: string): DirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: name },
  arguments: fields
    ? [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: fields } }]
    : [],
});

/**
 * Our graph as an Apollo Federation v2 subgraph's SDL: every type `node(id:)` can fetch is an entity keyed
 * by `id`; the other object types are value types other subgraphs may share. Every object type is
 * `@shareable`, entities included, so that a subgraph may `@provides` some of their fields.
 */
export function subgraphSdl(composition: Composition): { sdl: string; entities: string[] } {
  const entities = composition.plugins.flatMap((p) => Object.keys(p.nodes ?? {}));
  const entitySet = new Set(entities);
  const document = visit(parse(printSchema(composition.schema)), {
    ObjectTypeDefinition(node) {
      if (ROOTS.has(node.name.value)) return undefined;
      // Entities are shareable too: a subgraph may then `@provides` their fields on the entities it returns.
      const added = entitySet.has(node.name.value) ? [directive('key', 'id')] : [];
      return { ...node, directives: [...(node.directives ?? []), ...added, directive('shareable')] };
    },
  });
  return { sdl: `${LINK}\n\n${print(document)}`, entities };
}

/**
 * The fields that make the gateway a subgraph (FEDERATION_SUBGRAPH): `_service { sdl }` and
 * `_entities(representations:)`, which fetches each entity as `node(id:)` does (same visibility rules,
 * same tenant), so a router's query plan reads what a client of ours may read, no more.
 */
function subgraphPlugin(composition: Composition): PluginDefinition {
  const { sdl, entities } = subgraphSdl(composition);
  const present = entities.filter((e) => isObjectType(composition.schema.getType(e)));
  return {
    name: 'federation-subgraph',
    version: '1.0.0',
    alwaysOn: true,
    typeDefs: `scalar _Any
      type _Service { sdl: String! }
      union _Entity = ${present.join(' | ')}
      extend type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! }`,
    resolvers: {
      _Entity: { __resolveType: (node: object, ctx: GatewayContext) => ctx.nodeType(node) ?? null },
      Query: {
        _service: () => ({ sdl }),
        _entities: (
          _: unknown,
          args: { representations: { __typename?: unknown; id?: unknown }[] },
          ctx: GatewayContext,
        ) =>
          args.representations.map((rep) => {
            const parsed = typeof rep.id === 'string' ? parseGlobalId(rep.id) : null;
            return parsed && parsed.type === rep.__typename ? ctx.loadNode(rep.id as string) : null;
          }),
      },
    },
    permissions: { Query: { _service: allow, _entities: allow } },
  };
}

/** Composes the candidates; with `asSubgraph`, again with the subgraph fields over the result. */
export function composeServed(
  candidates: readonly PluginCandidate[],
  required: readonly string[],
  asSubgraph: boolean,
): Composition {
  const composition = composePlugins(candidates, required);
  if (!asSubgraph) return composition;
  const extra = { source: 'src/engine/subgraph.ts', plugin: subgraphPlugin(composition) };
  return composePlugins([...candidates, extra], required);
}
