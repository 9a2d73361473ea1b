import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Composition } from '../plugins/compose';
import type { PluginCandidate } from '../plugins/load';
import {
  clientOf,
  isRemote,
  localTypesOf,
  remoteFromSdl,
  resolveRemote,
  sdlOf,
  type RemoteDeps,
} from '../plugins/remote/resolve';
import { readServiceSdl } from '../plugins/remote/sdl-source';

export interface RemoteRetryOptions {
  /** The candidates as discovered (remote manifests unresolved), in composition order. */
  discovered: readonly PluginCandidate[];
  /** The same candidates as composed now (a remote one that could not be read carries its reason). */
  composed: PluginCandidate[];
  deps: RemoteDeps;
  /** Composes the candidates as the gateway serves them. */
  compose: (candidates: readonly PluginCandidate[]) => Composition;
  /** The composition served now. */
  current: () => Composition;
  intervalMs: number;
  /** How often the SDL of the services in the graph is read again. */
  pollMs: number;
  /** The texts of the documents registered by the tenants (trusted documents): a change may not break one. */
  documents: () => readonly string[];
  log: Logger;
  /** A service came back, or its schema changed: the new composition, to serve without a restart. */
  onJoin: (composition: Composition) => void;
  /** Why a service's changed schema is not served (null: nothing refused any more). */
  onRefuse: (plugin: string, reason: string | null) => void;
}

/** Each registered document that the current schema accepts and the next one would not, with its first error. */
function brokenDocuments(
  documents: readonly string[],
  current: GraphQLSchema,
  next: GraphQLSchema,
): { text: string; error: string }[] {
  const broken: { text: string; error: string }[] = [];
  for (const text of documents) {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch {
      continue;
    }
    if (validate(current, document).length > 0) continue;
    const errors = validate(next, document);
    if (errors.length > 0) broken.push({ text, error: errors[0].message });
  }
  return broken;
}

/**
 * Keeps the remote services of the graph current, without a restart. Every `intervalMs`, tries again the
 * services whose schema could not be read at start-up (or was invalid); every `pollMs`, reads again the
 * SDL of those in the graph. A service that joins, or whose SDL changed compatibly, is composed in and
 * the composition handed over. A change that would break a registered document (a field it uses
 * removed or changed), or that makes the SDL unusable, is refused: the previous schema keeps being
 * served and the reason is reported (`onRefuse`) until the service serves an acceptable schema again.
 * The returned function stops it at shutdown.
 */
export function retryQuarantinedRemotes(options: RemoteRetryOptions): () => void {
  const { discovered, composed, log } = options;
  const remotes = discovered.flatMap((c, i) => (isRemote(c) ? [i] : []));
  const waiting = () => remotes.filter((i) => !composed[i].plugin);
  /** The SDL last refused per service: not examined (nor logged) again while the service keeps it. */
  const refused = new Map<number, string>();
  let running = false;
  const exclusive = (work: () => Promise<void>) => async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (error) {
      log.error({ err: error }, 'remote services: refresh failed');
    } finally {
      running = false;
    }
  };

  const retry = exclusive(async () => {
    const pending = waiting();
    if (pending.length === 0) return;
    const localTypes = localTypesOf(discovered);
    let joined = false;
    for (const i of pending) {
      composed[i] = await resolveRemote(discovered[i], localTypes, options.deps);
      joined ||= Boolean(composed[i].plugin);
    }
    if (!joined) return;
    const composition = options.compose(composed);
    for (const state of composition.states.filter((s) => s.state === 'active')) {
      if (pending.some((i) => composed[i].plugin?.name === state.name))
        log.info({ plugin: state.name }, 'remote service joined the graph');
    }
    options.onJoin(composition);
  });

  const poll = exclusive(async () => {
    const localTypes = localTypesOf(discovered);
    for (const i of remotes) {
      const served = composed[i].plugin;
      if (!served) continue;
      const manifest = discovered[i].plugin!;
      const client = clientOf(manifest, options.deps);
      let sdl: string;
      try {
        sdl = await readServiceSdl(manifest.remote!, client);
      } catch {
        // Down or unreadable for now: its fields fail on their own; the schema stays.
        continue;
      }
      if (sdl === sdlOf(served)) {
        if (refused.delete(i)) options.onRefuse(manifest.name, null);
        continue;
      }
      if (refused.get(i) === sdl) continue;
      const refuse = (reason: string) => {
        refused.set(i, sdl);
        log.warn({ plugin: manifest.name, reason }, 'remote service schema change refused');
        options.onRefuse(manifest.name, `schema change refused, the previous schema is served: ${reason}`);
      };
      let candidate: PluginCandidate;
      try {
        candidate = { source: composed[i].source, plugin: remoteFromSdl(manifest, sdl, localTypes, client) };
      } catch (error) {
        refuse(error instanceof Error ? error.message : String(error));
        continue;
      }
      const next = [...composed];
      next[i] = candidate;
      const composition = options.compose(next);
      const state = composition.states.find((s) => s.name === manifest.name);
      if (state?.state !== 'active') {
        refuse(state?.reason ?? 'it no longer composes');
        continue;
      }
      const broken = brokenDocuments(options.documents(), options.current().schema, composition.schema);
      if (broken.length > 0) {
        refuse(`${broken.length} registered document${broken.length === 1 ? '' : 's'} would fail (${broken[0].error})`);
        continue;
      }
      composed[i] = candidate;
      if (refused.delete(i)) options.onRefuse(manifest.name, null);
      log.info({ plugin: manifest.name }, 'remote service schema changed: serving the new one');
      options.onJoin(composition);
    }
  });

  const retries = setInterval(() => void retry(), options.intervalMs);
  const polls = setInterval(() => void poll(), options.pollMs);
  retries.unref();
  polls.unref();
  if (remotes.length === 0) {
    clearInterval(retries);
    clearInterval(polls);
  }
  return () => {
    clearInterval(retries);
    clearInterval(polls);
  };
}
