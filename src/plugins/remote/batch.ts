import { Kind, print, type FieldNode } from 'graphql';
import { aliased, variablesOf, type ForwardedField } from './forward';
import type { Caller, GraphQLAnswer, RemoteClient } from './client';
import { valueAt } from './answers';

/** One field of one parent that a remote service resolves: a load of the request's batcher. */
export interface RemoteLoad {
  caller: Caller;
  /** The parent's type and global id. */
  typename: string;
  id: string;
  field: ForwardedField;
  /** Our fields the service's field requires, resolved on the parent: sent in its representation. */
  required?: Record<string, unknown>;
  /** For a plain service's link (`Collection.banner`): its root field and the ids argument. */
  link?: { field: string; argument: string };
}

export const loadKey = (load: RemoteLoad) =>
  `${load.typename}\n${load.id}\n${load.link ? `${load.link.field}\n` : ''}${load.field.text}`;

/** `alias: field(argument: $_gatewayIds) { selection }`: a plain service's root field, given every id at once. */
function linkCall(alias: string, field: string, argument: string, selectionSet: FieldNode['selectionSet']): FieldNode {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  return {
    kind: Kind.FIELD,
    alias: name(alias),
    name: name(field),
    arguments: [
      { kind: Kind.ARGUMENT, name: name(argument), value: { kind: Kind.VARIABLE, name: name('_gatewayIds') } },
    ],
    selectionSet,
  };
}

/**
 * Resolves every load of one query level in one call. Entities: one `_entities` query whose
 * representations are the distinct parents, with one aliased selection per distinct field text.
 * Links: one query with the linked root field once per distinct field text, each given all the ids.
 */
export async function resolveBatch(
  client: RemoteClient,
  service: string,
  loads: readonly RemoteLoad[],
): Promise<unknown[]> {
  const caller = loads[0].caller;
  const aliases = new Map<string, string>();
  const aliasOf = (load: RemoteLoad) => {
    const key = `${load.typename}\n${load.link?.field ?? ''}\n${load.field.text}`;
    let alias = aliases.get(key);
    if (!alias) aliases.set(key, (alias = `f${aliases.size}`));
    return alias;
  };
  const { definitions, values } = variablesOf(loads.map((l) => l.field));
  const declare = (extra: string[]) =>
    [...extra, ...definitions].length ? `(${[...extra, ...definitions].join(', ')})` : '';

  if (loads[0].link) {
    const ids = [...new Set(loads.map((l) => l.id))];
    const selections = new Map<string, string>();
    for (const load of loads) {
      const alias = aliasOf(load);
      const { field, argument } = load.link!;
      selections.set(alias, print(linkCall(alias, field, argument, load.field.node.selectionSet)));
    }
    const query = `query${declare(['$_gatewayIds: [ID!]!'])} { ${[...selections.values()].join(' ')} }`;
    const answer: GraphQLAnswer = await client.request(caller, query, { ...values, _gatewayIds: ids });
    return loads.map((load) => valueAt(answer, [aliasOf(load), ids.indexOf(load.id)], service));
  }

  const representations: ({ __typename: string; id: string } & Record<string, unknown>)[] = [];
  const position = new Map<string, number>();
  const byType = new Map<string, Map<string, string>>();
  for (const load of loads) {
    const key = `${load.typename}\n${load.id}`;
    if (!position.has(key)) {
      position.set(key, representations.length);
      representations.push({ __typename: load.typename, id: load.id });
    }
    // Fields of one parent may require different fields of ours: its representation carries them all.
    if (load.required) Object.assign(representations[position.get(key)!], load.required);
    const alias = aliasOf(load);
    const fields = byType.get(load.typename) ?? new Map<string, string>();
    fields.set(alias, aliased(load.field, alias));
    byType.set(load.typename, fields);
  }
  const fragments = [...byType].map(([type, fields]) => `... on ${type} { ${[...fields.values()].join(' ')} }`);
  const query = `query${declare(['$_gatewayRepresentations: [_Any!]!'])} { _entities(representations: $_gatewayRepresentations) { ${fragments.join(' ')} } }`;
  const answer = await client.request(caller, query, { ...values, _gatewayRepresentations: representations });
  return loads.map((load) =>
    valueAt(answer, ['_entities', position.get(`${load.typename}\n${load.id}`)!, aliasOf(load)], service),
  );
}
