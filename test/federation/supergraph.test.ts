import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServiceTokenSigner } from '../../src/auth/service-tokens';
import { DEMO_REMOTES, SNAPSHOT, supergraphSdl } from '../../src/cli/schema';
import { clientOf } from '../../src/plugins/remote/resolve';
import { readServiceSdl } from '../../src/plugins/remote/sdl-source';
import { projectRoot } from '../../src/sdk';
import { plugin as reviewsManifest } from '../../examples/subgraphs/reviews/plugin';
import { plugin as contentManifest } from '../../examples/subgraphs/content/plugin';
import { startReviews } from '../../examples/subgraphs/reviews/server';
import { startContent } from '../../examples/subgraphs/content/server';

const read = (path: string) => readFileSync(join(projectRoot(), path), 'utf8');
const STALE = 'is stale: run `npm run codegen` (with the example services running: npm run dev:federated) and commit';

describe('the supergraph: our graph with the demo configuration remote services', () => {
  it(`schema/supergraph.graphql is composed from the plugins and the committed snapshots (else it ${STALE})`, () => {
    expect(supergraphSdl()).toBe(read('schema/supergraph.graphql'));
  });

  it('holds the remote fields; schema/schema.graphql, the plugins contract, does not', () => {
    const supergraph = read('schema/supergraph.graphql');
    const local = read('schema/schema.graphql');
    for (const field of [/\brating: Float\b/, /\breviewSummary: String\b/, /\bbanner: Banner\b/, /\breviewCreate\(/]) {
      expect(supergraph).toMatch(field);
      expect(local).not.toMatch(field);
    }
    // Everything of ours is in it too.
    expect(supergraph).toMatch(/\btype Product implements Node\b/);
  });

  it(`each snapshot is the SDL its example service serves (else it ${STALE})`, async () => {
    const jwksUrl = () => {
      throw new Error('no keys needed to read a schema');
    };
    const reviews = await startReviews({ jwksUrl });
    const content = await startContent({ jwksUrl });
    try {
      const deps = { signer: await createServiceTokenSigner(), timeoutOf: () => 5000 };
      for (const [manifest, url] of [
        [reviewsManifest, reviews.url],
        [contentManifest, content.url],
      ] as const) {
        const remote = { ...manifest.remote!, url };
        const served = await readServiceSdl(remote, clientOf({ ...manifest, remote }, deps));
        const dir = DEMO_REMOTES.find((d) => d.endsWith(`/${manifest.name}`))!;
        expect(read(join(dir, SNAPSHOT)).trimEnd()).toBe(served.trimEnd());
      }
    } finally {
      await reviews.close();
      await content.close();
    }
  });
});
