import { getIntrospectionQuery, type IntrospectionQuery, type IntrospectionTypeRef } from 'graphql';

/** Strings that break naive SQL, LIKE patterns, templates, paths or markup. */
export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE products; --",
  '%',
  '_',
  '\\',
  "%' OR 1=1 --",
  '") { __typename } #',
  '$1::text',
  '{{7*7}}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202e\ud83d\ude00',
];

export interface TextArgumentCase {
  field: string;
  argument: string;
  /** The operation, taking the hostile value as `$value`. */
  query: string;
  enumArgument: boolean;
  /** The argument takes a list: send the value inside one. */
  list: boolean;
}

interface Arg {
  name: string;
  type: IntrospectionTypeRef;
}

const named = (ref: IntrospectionTypeRef): { kind: string; name: string } =>
  'ofType' in ref && ref.ofType ? named(ref.ofType) : (ref as { kind: string; name: string });
const required = (ref: IntrospectionTypeRef) => ref.kind === 'NON_NULL';
const isList = (ref: IntrospectionTypeRef): boolean =>
  ref.kind === 'LIST' || (ref.kind === 'NON_NULL' && 'ofType' in ref && ref.ofType?.kind === 'LIST');

/** The GraphQL spelling of a type reference, for variable definitions. */
function typeText(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeText((ref as { ofType: IntrospectionTypeRef }).ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeText((ref as { ofType: IntrospectionTypeRef }).ofType)}]`;
  return (ref as { name: string }).name;
}

const isText = (arg: Arg) => ['String', 'ID'].includes(named(arg.type).name);

/** A harmless literal for another required argument, or null when there is none to give. */
function filler(arg: Arg, enums: Map<string, string[]>): string | null {
  const type = named(arg.type);
  const one = (value: string) => (isList(arg.type) ? `[${value}]` : value);
  if (type.name === 'Int' || type.name === 'Float') return one('1');
  if (type.name === 'Boolean') return one('false');
  if (type.name === 'String' || type.name === 'ID') return one('"x"');
  if (enums.has(type.name)) return one(enums.get(type.name)![0]);
  return null;
}

/** One case per text or enum argument of every Query field, found by introspection. */
export function textArgumentCases(schema: IntrospectionQuery): TextArgumentCase[] {
  const types = schema.__schema.types;
  const enums = new Map(types.flatMap((t) => (t.kind === 'ENUM' ? [[t.name, t.enumValues.map((v) => v.name)]] : [])));
  const composite = new Set(types.filter((t) => ['OBJECT', 'INTERFACE', 'UNION'].includes(t.kind)).map((t) => t.name));
  const query = types.find((t) => t.name === schema.__schema.queryType.name);
  if (!query || query.kind !== 'OBJECT') return [];
  const cases: TextArgumentCase[] = [];
  for (const field of query.fields) {
    const selection = composite.has(named(field.type).name) ? ' { __typename }' : '';
    for (const target of field.args) {
      const enumArgument = enums.has(named(target.type).name);
      if (!isText(target) && !enumArgument) continue;
      const others = field.args.filter((a) => a !== target && required(a.type)).map((a) => [a.name, filler(a, enums)]);
      if (others.some(([, value]) => value === null)) continue;
      const args = [`${target.name}: $value`, ...others.map(([name, value]) => `${name}: ${value}`)].join(', ');
      // Enum arguments receive the hostile text as a variable of the enum type: coercion must refuse it.
      cases.push({
        field: field.name,
        argument: target.name,
        enumArgument,
        list: isList(target.type),
        query: `query Injection($value: ${typeText(target.type)}) { ${field.name}(${args})${selection} }`,
      });
    }
  }
  return cases;
}

export { getIntrospectionQuery };
