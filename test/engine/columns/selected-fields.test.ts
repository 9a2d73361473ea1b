import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { selectedFields } from '../../../src/engine/columns/selected-fields';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Product implements Node { id: ID! title: String! description: String! variants: [Variant!]! }
  type Variant implements Node { id: ID! sku: String product: Product! }
  type Order implements Node { id: ID! number: Int! customer: Customer }
  type Customer { email: String! }
  union SearchResult = Product | Order
  type Query { node(id: ID!): Node products: [Product!]! search: [SearchResult!]! }
`);

function analyse(text: string, name?: string) {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!name || d.name?.value === name),
  )!;
  const fields = selectedFields(schema, document, operation);
  return { document, operation, fields, of: (type: string) => [...(fields.get(type) ?? [])].sort() };
}

describe('selectedFields', () => {
  it('collects nested fields by type, by field name whatever the alias', () => {
    const { of } = analyse(`{ products { id heading: title variants { sku product { description } } } }`);
    expect(of('Query')).toEqual(['products']);
    expect(of('Product')).toEqual(['description', 'id', 'title', 'variants']);
    expect(of('Variant')).toEqual(['product', 'sku']);
    expect(of('Order')).toEqual([]);
  });

  it('follows named fragments, nested fragments and inline fragments', () => {
    const { of } = analyse(`
      query { products { ...Card variants { ... on Variant { sku } } } }
      fragment Card on Product { title ...More }
      fragment More on Product { description }`);
    expect(of('Product')).toEqual(['description', 'title', 'variants']);
    expect(of('Variant')).toEqual(['sku']);
  });

  it('applies a field selected on an interface to every implementing type, a fragment only to its own', () => {
    const { of } = analyse(
      `{ node(id: "1") { id ... on Product { title } ... on Order { number customer { email } } } }`,
    );
    expect(of('Product')).toEqual(['id', 'title']);
    expect(of('Variant')).toEqual(['id']);
    expect(of('Order')).toEqual(['customer', 'id', 'number']);
    expect(of('Customer')).toEqual(['email']);
  });

  it('reads through unions and fragments on an interface inside a concrete type', () => {
    const { of } = analyse(`{ search { __typename ... on Node { id } ... on Product { title } } }`);
    expect(of('Product')).toEqual(['id', 'title']);
    expect(of('Order')).toEqual(['id']);
    expect(of('Variant')).toEqual([]);
  });

  it('keeps fields under @skip and @include (the union of both outcomes)', () => {
    const { of } = analyse(`query($s: Boolean!) { products { title @skip(if: $s) description @include(if: $s) } }`);
    expect(of('Product')).toEqual(['description', 'title']);
  });

  it('analyses the executed operation only, once per document', () => {
    const text = `query A { products { title } } query B { products { description } }`;
    const a = analyse(text, 'A');
    expect(a.of('Product')).toEqual(['title']);
    const b = selectedFields(schema, a.document, a.document.definitions[1] as OperationDefinitionNode);
    expect([...b.get('Product')!]).toEqual(['description']);
    expect(selectedFields(schema, a.document, a.operation)).toBe(a.fields);
  });
});
