import { Kind, parse, print, type DefinitionNode, type DocumentNode } from 'graphql';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export interface SdlSummary {
  document: DocumentNode;
  /** Types this fragment defines (not extends), with their printed shape for conflict checks. */
  definedTypes: Map<string, string>;
  /** Every `Type.field` the fragment adds, by definition or extension. */
  fields: string[];
  /** Root fields the fragment adds (each needs an authorization rule). */
  rootFields: string[];
}

type FieldHolder = DefinitionNode & { name: { value: string }; fields?: readonly { name: { value: string } }[] };

const DEFINITIONS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
]);
const EXTENSIONS = new Set<string>([
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
]);

/** Parses a plugin's SDL and lists what it defines and adds. Throws a GraphQLError on invalid SDL. */
export function summarizeSdl(typeDefs: string | readonly string[]): SdlSummary {
  const document = parse(typeof typeDefs === 'string' ? typeDefs : typeDefs.join('\n'));
  const definedTypes = new Map<string, string>();
  const fields: string[] = [];
  const rootFields: string[] = [];
  for (const node of document.definitions as readonly FieldHolder[]) {
    if (!DEFINITIONS.has(node.kind) && !EXTENSIONS.has(node.kind)) continue;
    const typeName = node.name.value;
    if (DEFINITIONS.has(node.kind)) definedTypes.set(typeName, print(node));
    for (const field of node.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      fields.push(coordinate);
      if (ROOT_TYPES.has(typeName)) rootFields.push(coordinate);
    }
  }
  return { document, definedTypes, fields, rootFields };
}
