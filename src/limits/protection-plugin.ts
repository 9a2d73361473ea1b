import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { CostHint, GatewayContext } from '../sdk';
import { checkLimits } from './check-limits';
import { checkIntrospection } from './introspection';
import { checkLiterals, checkVariables } from './input-hygiene';
import { checkOperationChosen } from './operation-choice';
import { requestError } from './limit-error';
import { measure } from './measure';
import { requestedCost } from './query-cost';
import type { RateLimiter, ThrottleStatus } from './rate-limiter';

export interface ProtectionOptions {
  hints: ReadonlyMap<string, CostHint>;
  limiter: RateLimiter;
  /** Introspection for every caller (development); otherwise admins only. */
  introspection: boolean;
  maxStringLength: number;
}

/** The smallest charge: even a free query costs the gateway a parse and a round trip. */
const MINIMUM_CHARGE = 1;

interface CostReport {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: ThrottleStatus;
}

/**
 * Everything checked between validation and execution, in order: the operation chosen, input hygiene,
 * introspection, the tenant's static limits, the query's cost against the tenant's maximum, and the rate
 * buckets.
 * Apollo calls `didResolveOperation` only for documents that passed the specification's rules, so no
 * measure ever sees an unknown fragment or a fragment cycle; the parsed and validated document stays
 * cached by Apollo, and its measures are cached on it.
 */
export function protectionPlugin(options: ProtectionOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async serverWillStart() {
      return { serverWillStop: () => options.limiter.close() };
    },
    async requestDidStart() {
      let requested = 0;
      let report: CostReport | undefined;
      /** Pays for the request: its cost when it `executes`, else the minimum (it was refused before running). */
      const charge = async (ctx: GraphQLRequestContext<GatewayContext>, executes: boolean) => {
        const { tenant, principal } = ctx.contextValue;
        const amount = executes ? Math.max(MINIMUM_CHARGE, requested) : MINIMUM_CHARGE;
        const decision = await options.limiter.take(tenant, principal, amount);
        const ran = executes && decision.allowed;
        report = {
          requestedQueryCost: requested,
          actualQueryCost: ran ? requested : 0,
          throttleStatus: decision.throttleStatus,
        };
        if (!decision.allowed) {
          throw requestError('THROTTLED', `Too many requests: retry in ${decision.retryAfterSeconds} s`, {
            headers: { 'retry-after': String(decision.retryAfterSeconds) },
            extensions: { retryAfterSeconds: decision.retryAfterSeconds },
          });
        }
      };
      return {
        async didResolveOperation(ctx) {
          const { document, operation, source, request, schema, contextValue } = ctx;
          const limits = contextValue.tenant.limits;
          checkOperationChosen(schema, operation, request.operationName);
          checkVariables(request.variables, options.maxStringLength);
          checkLiterals(document, options.maxStringLength);
          checkIntrospection(document, contextValue.principal, options.introspection);
          checkLimits(measure(schema, document, operation, source), limits);
          requested = requestedCost(schema, document, operation, request.variables, options.hints) ?? 0;
          if (requested > limits.maxCost) {
            throw requestError('MAX_COST_EXCEEDED', `The query costs ${requested}; the maximum is ${limits.maxCost}`, {
              extensions: { cost: requested, maximum: limits.maxCost },
            });
          }
          await charge(ctx, true);
        },
        async willSendResponse(ctx) {
          // Requests refused before their cost was known (parse, validation, limits) pay the minimum.
          if (!report && ctx.contextValue) await charge(ctx, false).catch(() => undefined);
          if (!report || ctx.response.body.kind !== 'single') return;
          const result = ctx.response.body.singleResult;
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}
