import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getVariableValues,
  GraphQLError,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** graphql-jit's errors lack graphql-js's fields (extensions): rebuilt so plugins and formatting see the usual shape. */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
  });
  return Object.assign(rebuilt, { locations: error.locations });
}

/** The one field that plugins may answer with a function (docs/plugins: connections). */
const LAZY_FIELD = 'totalCount';

/** Compiled documents kept (oldest out first); parse and validation are cached by Apollo already. */
const MAX_COMPILED = 1_000;

/**
 * Executes with graphql-jit: each document is compiled once to a JavaScript function, then run per
 * request. Plugged into Apollo Server through its gateway interface (`load()` gives an executor), so
 * parsing, validation, plugins, limits and error formatting stay Apollo's.
 */
export function jitGateway(initialSchema: GraphQLSchema): GatewayInterface & {
  /** Serves a new schema (a remote service joined): Apollo validates against it, documents compile again. */
  update(schema: GraphQLSchema): void;
} {
  // graphql-jit reads plain properties; graphql-js also calls a property that is a function. Connections
  // give `totalCount` as a function (its count runs only when selected), so that field keeps graphql-js's
  // default resolver; every other field without a resolver is a plain read, the cheapest path.
  const executable = (api: GraphQLSchema) =>
    mapSchema(api, {
      [MapperKind.OBJECT_FIELD]: (config, fieldName) =>
        config.resolve || fieldName !== LAZY_FIELD ? config : { ...config, resolve: defaultFieldResolver },
    });
  let apiSchema = initialSchema;
  let schema = executable(apiSchema);
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  return {
    update(next) {
      apiSchema = next;
      schema = executable(next);
      compiled.clear();
      for (const listener of listeners) listener({ apiSchema, coreSupergraphSdl: '' });
    },
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema, coreSupergraphSdl: '' });
      return {
        executor: async ({ document, operation, operationName, queryHash, request, context }) => {
          // Variables are checked by graphql-js itself, so bad input reads exactly as without compilation.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return { errors: coerced.errors };
          const key = `${queryHash}\n${operationName ?? ''}`;
          let entry = compiled.get(key);
          if (!entry) {
            entry = compileQuery(schema, document, operationName ?? undefined);
            compiled.set(key, entry);
            if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
          }
          if (!isCompiledQuery(entry)) return entry;
          const result = await entry.query(undefined, context, request.variables ?? {});
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {
      listeners.clear();
    },
  };
}
