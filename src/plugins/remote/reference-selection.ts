import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { referenceOf, type EntityReference } from './references';

/** The response key under which the service answers a reference's id: reserved (a caller's alias taking it fails the call). */
export const REFERENCE_ID = '_gatewayReferenceId';

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
const ID: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: REFERENCE_ID },
  name: { kind: Kind.NAME, value: 'id' },
};

/** The caller's fields of a reference that the service provides (inline fragments on the entity included). */
function providedSelections(set: SelectionSetNode, reference: EntityReference): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return reference.provides.includes(s.name.value) ? [s] : [];
    if (s.kind === Kind.INLINE_FRAGMENT && (!s.typeCondition || s.typeCondition.name.value === reference.type))
      return providedSelections(s.selectionSet, reference);
    return [];
  });
}

/**
 * A forwarded field (fragments inlined) with each reference below it asked as the service can answer
 * it: the id, and the caller's fields the service provides; our other fields are not the service's.
 */
export function withReferencesAsked(node: FieldNode, info: GraphQLResolveInfo): FieldNode {
  const typeInfo = new TypeInfo(info.schema, info.parentType);
  return visit(
    node,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const reference = referenceOf(typeInfo.getFieldDef()?.extensions);
        if (!reference || !field.selectionSet) return undefined;
        const selections = [TYPENAME, ID, ...providedSelections(field.selectionSet, reference)];
        return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections } };
      },
    }),
  );
}
