import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLURL } from 'graphql-scalars';
import { GatewayError } from '../../src/sdk';

function stringScalar(name: string, description: string, valid: (value: string) => boolean) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GatewayError('BAD_USER_INPUT', `${name} is invalid`);
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: check,
    parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const Decimal = stringScalar('Decimal', 'A decimal number as a string', (v) =>
  /^-?\d{1,12}(\.\d{1,4})?$/.test(v),
);

export const CurrencyCode = stringScalar('CurrencyCode', 'An ISO-4217 currency code', (v) => /^[A-Z]{3}$/.test(v));

/**
 * graphql-scalars' DateTime, answered as its ISO string rather than a Date: the same JSON, but the answer
 * is serialised without a call back into `Date.prototype.toJSON` for every timestamp of a page.
 */
export const DateTime = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  serialize: (value) => GraphQLDateTime.serialize(value).toISOString(),
});

export const scalarResolvers = { DateTime, URL: GraphQLURL, Decimal, CurrencyCode };
