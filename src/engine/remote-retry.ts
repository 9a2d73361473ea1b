import type { Logger } from 'pino';
import type { Composition } from '../plugins/compose';
import type { PluginCandidate } from '../plugins/load';
import { isRemote, localTypesOf, resolveRemote, type RemoteDeps } from '../plugins/remote/resolve';

export interface RemoteRetryOptions {
  /** The candidates as discovered (remote manifests unresolved), in composition order. */
  discovered: readonly PluginCandidate[];
  /** The same candidates as composed now (a remote one that could not be read carries its reason). */
  composed: PluginCandidate[];
  deps: RemoteDeps;
  /** Composes the candidates as the gateway serves them. */
  compose: (candidates: readonly PluginCandidate[]) => Composition;
  intervalMs: number;
  log: Logger;
  /** A service came back: the new composition, to serve without a restart. */
  onJoin: (composition: Composition) => void;
}

/**
 * Tries again, every `intervalMs`, the remote services whose schema could not be read at start-up (or
 * was invalid); when one can be, composes again and hands the composition over. Stops by itself once
 * none is left out; the returned function stops it at shutdown.
 */
export function retryQuarantinedRemotes(options: RemoteRetryOptions): () => void {
  const { discovered, composed } = options;
  const waiting = () => discovered.flatMap((c, i) => (isRemote(c) && !composed[i].plugin ? [i] : []));
  let running = false;
  const tick = async () => {
    const pending = waiting();
    if (pending.length === 0) return clearInterval(timer);
    if (running) return;
    running = true;
    try {
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
          options.log.info({ plugin: state.name }, 'remote service joined the graph');
      }
      options.onJoin(composition);
    } catch (error) {
      options.log.error({ err: error }, 'remote services: retry failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  if (waiting().length === 0) clearInterval(timer);
  return () => clearInterval(timer);
}
