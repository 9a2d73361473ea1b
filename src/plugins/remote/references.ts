import { Kind, parse, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type TypeNode } from 'graphql';

/** A field of a service that returns one of our entities (`Review.product: Product`). */
export interface EntityReference {
  /** Our entity type. */
  type: string;
  /** Its fields the service answers itself (`@provides(fields: "...")`): leaf fields only. */
  provides: readonly string[];
}

/** Kept on the field of the composed schema: the forwarded selection and the provided fields read it. */
export interface ReferenceExtension {
  remoteReference?: EntityReference;
}

export const referenceOf = (extensions: unknown): EntityReference | undefined =>
  (extensions as ReferenceExtension | null | undefined)?.remoteReference;

/** The type name a type node refers to. */
export const namedOf = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedOf(type.type);

/** The reference's type in the graph: nullable, its list items too (a hidden entity reads null, as in node()). */
export function referenceType(type: TypeNode): TypeNode {
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return inner.kind === Kind.LIST_TYPE ? { ...inner, type: referenceType(inner.type) } : inner;
}

/**
 * The fields of a reference's `@provides`: each must be a field without arguments that the service
 * declares `@external` on the entity, of a scalar or enum type (an object's value would reach our own
 * resolvers, which read rows, not a service's JSON).
 */
export function providedFields(
  field: FieldDefinitionNode,
  coordinate: string,
  entity: DefinitionNode | undefined,
  document: DocumentNode,
): string[] {
  const argument = field.directives
    ?.find((d) => d.name.value === 'provides')
    ?.arguments?.find((a) => a.name.value === 'fields');
  if (!argument) return [];
  if (argument.value.kind !== Kind.STRING) throw new Error(`@provides of ${coordinate} is not a string`);
  const operation = parse(`{ ${argument.value.value} }`, { noLocation: true }).definitions[0];
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error(`@provides of ${coordinate} is not a field set`);
  const declared = new Map(
    (entity && 'fields' in entity ? (entity.fields as readonly FieldDefinitionNode[]) : []).map((f) => [
      f.name.value,
      f,
    ]),
  );
  const composite = new Set(
    document.definitions.flatMap((d) =>
      [Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION].includes(
        d.kind as Kind,
      ) && 'name' in d
        ? [d.name!.value]
        : [],
    ),
  );
  return operation.selectionSet.selections.map((selection) => {
    const name = selection.kind === Kind.FIELD ? selection.name.value : '…';
    const external = declared.get(name);
    if (
      selection.kind !== Kind.FIELD ||
      selection.selectionSet ||
      selection.arguments?.length ||
      !external?.directives?.some((d) => d.name.value === 'external') ||
      composite.has(namedOf(external.type))
    )
      throw new Error(
        `@provides of ${coordinate}: ${name} is not an @external field of scalar or enum type without arguments`,
      );
    return name;
  });
}
