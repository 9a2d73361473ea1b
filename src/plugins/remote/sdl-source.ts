import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { projectRoot, type RemoteService } from '../../sdk';
import type { Caller, RemoteClient } from './client';

/** The gateway itself, when it reads a service's schema outside any request. */
/** Reading a schema is rare and may be slow: not held to the connector's field timeout. */
const SCHEMA_TIMEOUT_MS = 10_000;

const GATEWAY_CALLER: Caller = { tenant: null, principal: { kind: 'gateway', scopes: [] }, requestId: 'schema' };

/**
 * A service's SDL: `{ _service { sdl } }` for a federation subgraph; a committed file or introspection for
 * a plain GraphQL service. Throws with a reason fit for /readyz when it cannot be read.
 */
export async function readServiceSdl(remote: RemoteService, client: RemoteClient): Promise<string> {
  if (remote.kind === 'graphql' && remote.sdlFile) return readFileSync(resolve(projectRoot(), remote.sdlFile), 'utf8');
  try {
    if (remote.kind === 'federation') {
      const answer = await client.request(GATEWAY_CALLER, '{ _service { sdl } }', {}, SCHEMA_TIMEOUT_MS);
      const sdl = (answer.data?._service as { sdl?: unknown } | undefined)?.sdl;
      if (typeof sdl !== 'string') throw new Error('no SDL in the answer to { _service { sdl } }');
      return sdl;
    }
    const answer = await client.request(GATEWAY_CALLER, getIntrospectionQuery(), {}, SCHEMA_TIMEOUT_MS);
    return printSchema(buildClientSchema(answer.data as unknown as IntrospectionQuery));
  } catch (error) {
    throw new Error(
      `service unreachable or its schema unreadable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
