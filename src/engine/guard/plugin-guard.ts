import { MapperKind, mapSchema } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { GatewayError, type BatchFunction, type PluginDefinition } from '../../sdk';
import { databaseErrorCode } from '../../db/errors';
import type { GatewayMetrics } from '../../observability/metrics';
import { Circuit, type Admission, type CircuitState } from './circuit';
import { Deadlines } from './deadlines';
import { ownResolvers } from '../resolver-owners';

export interface PluginGuardOptions {
  /** Resolver timeout of every plugin, unless `timeouts` names one. */
  timeoutMs: number;
  timeouts: Readonly<Record<string, number>>;
  failureThreshold: number;
  coolDownMs: number;
  log: Logger;
  metrics?: GatewayMetrics;
}

const ROOTS = new Set(['Query', 'Mutation']);
const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };
const deadlines = new Deadlines();

/** Failures on the plugin's account: its own timeouts and unexpected errors, not bad input or a database outage. */
function countsAgainstPlugin(error: unknown): boolean {
  if (error instanceof GatewayError) {
    // A system of record being down (src/sdk/system-of-record.ts) is that system's failure, not the plugin's.
    if (error.extensions.systemOfRecord) return false;
    return error.code === 'TIMEOUT' || error.code === 'UPSTREAM_UNAVAILABLE';
  }
  return databaseErrorCode(error) === null;
}

const isAsync = (fn: unknown) => typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

/**
 * Per-plugin resolver timeouts and circuit breakers. Each call of a plugin's root fields and `async`
 * resolvers runs under the plugin's deadline and circuit, and so does each batch of the plugin's loaders
 * (`batchGuard`). Other resolvers are plain functions: they return values, or a loader's promise that
 * its batch's guard settles; guarding them per call cost one promise and one deadline per row of a
 * list. A failing field fails alone (partial data); repeated failures open the plugin's circuit, after
 * which its fields answer UPSTREAM_UNAVAILABLE at once until a half-open probe succeeds.
 */
export class PluginGuard {
  private readonly circuits = new Map<string, Circuit>();

  constructor(private readonly options: PluginGuardOptions) {}

  circuitState(plugin: string): CircuitState | null {
    return this.circuits.get(plugin)?.state ?? null;
  }

  apply(schema: GraphQLSchema, plugins: readonly PluginDefinition[]): GraphQLSchema {
    const owners = ownResolvers(plugins);
    return mapSchema(schema, {
      [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
        const owner = owners.get(`${typeName}.${fieldName}`);
        if (!owner || !config.resolve || !(ROOTS.has(typeName) || isAsync(owner.fn))) return config;
        const resolve = config.resolve;
        const run = this.runner(owner.plugin);
        return { ...config, resolve: (source, args, ctx, info) => run(() => resolve(source, args, ctx, info)) };
      },
    });
  }

  /**
   * Wraps a loader's batch function of `plugin` in the plugin's deadline and circuit. Async, so that an
   * open circuit rejects the batch (DataLoader reads a synchronous throw as a broken batch function).
   */
  batchGuard(plugin: string): <K, V>(batch: BatchFunction<K, V>) => BatchFunction<K, V> {
    const run = this.runner(plugin);
    return (batch) => async (keys) => (await run(() => batch(keys))) as ArrayLike<never>;
  }

  private circuit(plugin: string): Circuit {
    let circuit = this.circuits.get(plugin);
    if (!circuit) {
      const { log, metrics } = this.options;
      metrics?.pluginCircuit.set({ plugin }, 0);
      circuit = new Circuit({
        failureThreshold: this.options.failureThreshold,
        coolDownMs: this.options.coolDownMs,
        onChange: (state) => {
          metrics?.pluginCircuit.set({ plugin }, CIRCUIT_VALUE[state]);
          log[state === 'open' ? 'warn' : 'info']({ plugin, circuit: state }, `plugin circuit ${state}`);
        },
      });
      this.circuits.set(plugin, circuit);
    }
    return circuit;
  }

  /** Runs calls of `plugin` under its circuit and deadline. */
  private runner(plugin: string): (call: () => unknown) => unknown {
    const circuit = this.circuit(plugin);
    const timeoutMs = this.options.timeouts[plugin] ?? this.options.timeoutMs;
    const failed = (admission: Admission, error: unknown) => {
      if (!countsAgainstPlugin(error)) return circuit.neutral(admission);
      circuit.failed(admission);
      this.options.metrics?.pluginErrors.inc({ plugin, code: error instanceof GatewayError ? error.code : 'ERROR' });
    };
    return (call) => {
      const admission = circuit.admit();
      if (admission === 'reject') {
        this.options.metrics?.pluginErrors.inc({ plugin, code: 'CIRCUIT_OPEN' });
        throw new GatewayError('UPSTREAM_UNAVAILABLE', `The ${plugin} features are temporarily unavailable`, {
          plugin,
          retryAfterMs: circuit.retryAfterMs,
        });
      }
      let result: unknown;
      try {
        result = call();
      } catch (error) {
        failed(admission, error);
        throw error;
      }
      if (typeof (result as PromiseLike<unknown> | null)?.then !== 'function') {
        circuit.succeeded(admission);
        return result;
      }
      // One promise per call, settled by whichever comes first: the answer or the deadline.
      return new Promise((resolvePromise, reject) => {
        let settled = false;
        const cancel = deadlines.add(timeoutMs, () => {
          settled = true;
          const error = new GatewayError('TIMEOUT', `The ${plugin} features took too long to answer`, { plugin });
          failed(admission, error);
          reject(error);
        });
        (result as PromiseLike<unknown>).then(
          (value) => {
            if (settled) return;
            cancel();
            circuit.succeeded(admission);
            resolvePromise(value);
          },
          (error: unknown) => {
            if (settled) return;
            cancel();
            failed(admission, error);
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with what the resolver threw, as before
            reject(error);
          },
        );
      });
    };
  }
}
