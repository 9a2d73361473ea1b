import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureTenantsFor } from '../kit/gateway';

/** The fixture plugin the protection suites aim at (text search, enum sort, paging, a write, slow and failing queries). */
export const GUESTBOOK = join(__dirname, 'fixtures', 'guestbook', 'plugin.ts');

/**
 * Fixture tenants enabling `plugins`, with extra YAML per tenant (limits, cors) appended to its file.
 */
export function tenantsWith(plugins: readonly string[], extra: Record<string, string> = {}): string {
  const dir = fixtureTenantsFor(plugins);
  for (const file of readdirSync(dir)) {
    const id = file.replace(/\.yaml$/, '');
    if (extra[id]) appendFileSync(join(dir, file), `\n${extra[id]}\n`);
  }
  return dir;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json:
    | {
        data?: unknown;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
        extensions?: Record<string, unknown>;
      }
    | undefined;
}

/** Any HTTP request, answered as status, headers, raw text and parsed JSON when it is JSON. */
export async function send(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: RawResponse['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const codeOf = (res: { json?: RawResponse['json']; body?: RawResponse['json'] }) =>
  (res.json ?? res.body)?.errors?.[0]?.extensions?.code;
