import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { discoverPlugins } from '../../src/plugins/discover';
import { loadPlugin } from '../../src/plugins/load';
import { projectRoot } from '../../src/sdk';

/** The topics a subscription may name: the enum of schema/webhooks. */
function subscribableTopics(): string[] {
  const sdl = readFileSync(join(projectRoot(), 'schema', 'webhooks', 'webhooks.graphql'), 'utf8');
  const schema = buildSchema(
    `${sdl}\nscalar URL\nscalar DateTime\ntype PageInfo { x: Int }\ninterface Node { id: ID! }
    type UserError { x: Int }\ntype Query { x: Int }\ntype Mutation { x: Int }`.replace(/extend type/g, 'type'),
    {
      assumeValid: true,
    },
  );
  return (schema.getType('WebhookSubscriptionTopic') as GraphQLEnumType).getValues().map((v) => v.name);
}

describe('webhook topics', () => {
  it("every topic a plugin's manifest declares can be subscribed to, and every subscribable topic is declared", () => {
    const declared = discoverPlugins(projectRoot()).flatMap((path) => [...(loadPlugin(path).plugin?.events ?? [])]);
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual(subscribableTopics().sort());
  });
});
