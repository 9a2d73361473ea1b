import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { APOLLO_PLUGIN_ORDER, orderedPlugins, type ApolloPlugins } from '../../src/engine/apollo';
import { projectRoot } from '../../src/sdk';

/** A distinct stand-in per name, to read the order back. */
const stand = (name: string) => ({ name }) as unknown as ApolloServerPlugin;
const names = (plugins: readonly unknown[]) => plugins.map((p) => (p as { name?: string }).name);

describe("Apollo's plugins", () => {
  const all = Object.fromEntries(APOLLO_PLUGIN_ORDER.map((name) => [name, stand(name)])) as unknown as ApolloPlugins;

  it("run in the named order, after Apollo's landing page and cache-control plugins, turned off", () => {
    const list = orderedPlugins(all);
    expect(list).toHaveLength(APOLLO_PLUGIN_ORDER.length + 2);
    expect(names(list.slice(2))).toEqual([...APOLLO_PLUGIN_ORDER]);
  });

  it('leave the response cache out when it is not configured, keeping the rest in order', () => {
    const list = orderedPlugins({ ...all, responseCache: undefined });
    expect(names(list.slice(2))).toEqual(APOLLO_PLUGIN_ORDER.filter((n) => n !== 'responseCache'));
  });

  it('are listed in docs/architecture.md in that order', () => {
    const doc = readFileSync(join(projectRoot(), 'docs', 'architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('Apollo Server ('), doc.indexOf('\nexecution'));
    const listed = [...section.matchAll(/^ {2}(\S+(?: \S+)?) {2,}/gm)].map((m) => m[1]);
    const words = APOLLO_PLUGIN_ORDER.map((n) => n.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
    expect(listed).toEqual(words);
  });
});
