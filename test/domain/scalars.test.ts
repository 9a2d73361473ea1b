import { GraphQLError } from 'graphql';
import { DateTime } from '../../resolvers/core/scalars';

describe('DateTime', () => {
  it('answers an ISO string, the JSON a Date would give, from a Date or a date-time string', () => {
    const at = new Date(Date.UTC(2025, 1, 1, 12, 30, 15, 250));
    expect(DateTime.serialize(at)).toBe('2025-02-01T12:30:15.250Z');
    expect(JSON.stringify({ at: DateTime.serialize(at) })).toBe(JSON.stringify({ at }));
    expect(DateTime.serialize('2025-02-01T13:30:15.250+01:00')).toBe('2025-02-01T12:30:15.250Z');
  });

  it('refuses what is not a date', () => {
    expect(() => DateTime.serialize(new Date(Number.NaN))).toThrow(GraphQLError);
    expect(() => DateTime.serialize('yesterday')).toThrow(GraphQLError);
    expect(() => DateTime.serialize({})).toThrow(GraphQLError);
  });

  it('reads input as graphql-scalars does', () => {
    expect(DateTime.parseValue('2025-02-01T12:30:15Z')).toEqual(new Date(Date.UTC(2025, 1, 1, 12, 30, 15)));
    expect(() => DateTime.parseValue('not a date')).toThrow(GraphQLError);
  });
});
