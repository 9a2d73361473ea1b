import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { JWTPayload } from 'jose';
import { serveGraphQL, type RunningService, type ServiceOptions } from '../http-server';

interface Page {
  handle: string;
  title: string;
  body: string;
}
interface Banner {
  headline: string;
  imageUrl: string | null;
}

/** CMS content per tenant: the tenant comes only from the verified token's claim. */
export class ContentStore {
  readonly pages = new Map<string, Page[]>();
  /** Banners by tenant, then by collection global id. */
  readonly banners = new Map<string, Map<string, Banner>>();

  setBanner(tenant: string, collectionId: string, banner: Banner): void {
    const ofTenant = this.banners.get(tenant) ?? new Map<string, Banner>();
    this.banners.set(tenant, ofTenant.set(collectionId, banner));
  }
}

const tenantOf = (claims: JWTPayload) => {
  if (typeof claims.tenant !== 'string' || !claims.tenant) throw new Error('no tenant in the token');
  return claims.tenant;
};

/** The content service: a plain GraphQL service (no federation), CMS pages and collection banners. */
export async function startContent(
  options: Omit<ServiceOptions, 'audience'>,
  store = new ContentStore(),
): Promise<RunningService & { store: ContentStore }> {
  const schema = makeExecutableSchema({
    typeDefs: readFileSync(join(__dirname, 'schema.graphql'), 'utf8'),
    resolvers: {
      Query: {
        pages: (_: unknown, __: unknown, claims: JWTPayload) => store.pages.get(tenantOf(claims)) ?? [],
        page: (_: unknown, args: { handle: string }, claims: JWTPayload) =>
          (store.pages.get(tenantOf(claims)) ?? []).find((p) => p.handle === args.handle) ?? null,
        bannersForCollections: (_: unknown, args: { ids: string[] }, claims: JWTPayload) => {
          const banners = store.banners.get(tenantOf(claims));
          return args.ids.map((id) => banners?.get(id) ?? null);
        },
      },
    },
  });
  return { ...(await serveGraphQL(schema, { ...options, audience: 'content' })), store };
}
