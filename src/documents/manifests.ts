import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentIdOf, isDocumentId } from './document-id';

/** Documents registered per tenant, from `<tenants dir>/<tenant>/documents/<client app>.json`. */
export interface DocumentStore {
  /** The text of a document registered by any tenant (its id is the hash of the text). */
  text(id: string): string | undefined;
  /** True when the tenant registered this document in one of its client apps' manifests. */
  registered(tenantId: string, id: string): boolean;
  /** The text of every registered document (a change of a remote service's schema may not break one). */
  texts(): readonly string[];
}

export interface ManifestProblem {
  file: string;
  problem: string;
}

/**
 * A manifest is the `persisted-documents.json` GraphQL Code Generator's client preset writes: an object
 * of `"sha256:<hex>": "<document text>"`. Every entry is checked: an id must be the hash of its text.
 */
export function parseManifest(json: string): Map<string, string> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(value)) {
    if (!isDocumentId(id)) throw new Error(`"${String(id)}" is not a sha256:<hex> document id`);
    if (typeof text !== 'string' || documentIdOf(text) !== id) throw new Error(`"${id}" is not the hash of its text`);
    documents.set(id, text);
  }
  return documents;
}

/** Reads every tenant's manifests; a bad manifest is left out and reported, the others serve. */
export function loadDocumentStore(
  tenantsDir: string,
  tenantIds: readonly string[],
): { store: DocumentStore; problems: ManifestProblem[] } {
  const texts = new Map<string, string>();
  const byTenant = new Map<string, Set<string>>();
  const problems: ManifestProblem[] = [];
  for (const tenantId of tenantIds) {
    const dir = join(tenantsDir, tenantId, 'documents');
    if (!existsSync(dir)) continue;
    const ids = new Set<string>();
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const file = join(dir, name);
      try {
        for (const [id, text] of parseManifest(readFileSync(file, 'utf8'))) {
          texts.set(id, text);
          ids.add(id);
        }
      } catch (error) {
        problems.push({ file, problem: error instanceof Error ? error.message : String(error) });
      }
    }
    byTenant.set(tenantId, ids);
  }
  return {
    store: {
      text: (id) => texts.get(id),
      registered: (tenantId, id) => byTenant.get(tenantId)?.has(id) ?? false,
      texts: () => [...texts.values()],
    },
    problems,
  };
}
