import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const list = z.string().transform((v) =>
  v
    .split(/[,:]/)
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every environment variable the gateway reads, with its default (README lists the same table). */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  /** The operators' listener (/metrics, detailed /readyz): off unless ADMIN_PORT is set; 0 picks a free port. */
  ADMIN_PORT: port.optional(),
  ADMIN_HOST: z.string().min(1).default('127.0.0.1'),
  /** HS256 secret of platform operator tokens (docs/operations.md); checked, never printed. */
  OPERATOR_JWT_SECRET: z.string().optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .or(z.literal(''))
    .default('gateway_app'),
  DATABASE_POOL_MAX: positiveInt.default(10),
  DATABASE_ENGINE_POOL_MAX: positiveInt.default(4),
  /** `auto`: detect a transaction-mode pooler at start-up (src/db/pooling.ts); true or false: say. */
  DATABASE_TRANSACTION_POOLER: z
    .enum(['auto', 'true', 'false', '1', '0'])
    .transform((v) => (v === 'auto' ? v : v === 'true' || v === '1'))
    .default('auto'),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt.default(3000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(10000),
  DATA_DIR: z.string().min(1).default('.data'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of the gateway's Redis keys, so several deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default('rg:'),
  TENANTS_DIR: z.string().min(1).default('tenants'),
  GATEWAY_PLUGIN_PATHS: list.default([]),
  GATEWAY_REQUIRED_PLUGINS: list.default(['core']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_GRACE_MS: positiveInt.default(10000),
  PLUGIN_TIMEOUT_MS: positiveInt.default(10000),
  /** PKCS8 PEM of the ES256 key that signs tokens for remote services; made at start-up when unset (one instance). */
  SERVICE_TOKEN_PRIVATE_KEY: z.string().optional(),
  /** How often a remote service that could not be read at start-up is tried again. */
  REMOTE_RETRY_MS: positiveInt.default(5000),
  /** How often the SDL of a remote service in the graph is read again: a change is served without a restart. */
  REMOTE_SDL_POLL_MS: positiveInt.default(30000),
  /** Answer `{ _service { sdl } }` and `_entities` as an Apollo Federation v2 subgraph. */
  FEDERATION_SUBGRAPH: flag.default(false),
  /** Per-plugin resolver timeouts overriding PLUGIN_TIMEOUT_MS: `shopify=20000,reviews=2000`. */
  PLUGIN_TIMEOUTS: z
    .string()
    .regex(/^\s*([\w-]+=\d+\s*(,\s*|$))*$/, 'expected name=milliseconds pairs separated by commas')
    .transform((v) =>
      Object.fromEntries(
        v
          .split(',')
          .filter((pair) => pair.trim())
          .map((pair) => pair.split('=').map((s) => s.trim()))
          .map(([name, ms]) => [name, Number(ms)]),
      ),
    )
    .default({}),
  PLUGIN_CIRCUIT_FAILURES: positiveInt.default(5),
  PLUGIN_CIRCUIT_COOLDOWN_MS: positiveInt.default(10000),
  /** Operation names that get their own metric label (others count as "other"). */
  METRICS_OPERATIONS: list.default([]),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('retail-gateway'),
  /** Protection (docs/protection.md): request body, GraphQL document and input string sizes. */
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  MAX_DOCUMENT_BYTES: positiveInt.default(100_000),
  MAX_INPUT_STRING_LENGTH: positiveInt.default(65_536),
  /** Slow clients: time to receive the headers, the whole request, and idle keep-alive. */
  HTTP_HEADERS_TIMEOUT_MS: positiveInt.default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
  /** The share of a tenant's rate budget one credential may use (0 < share <= 1). */
  RATE_LIMIT_CREDENTIAL_SHARE: z.coerce.number().gt(0).max(1).default(1),
  /** Storefront response cache (docs/performance.md): answer lifetime in ms, 0 = off; cacheable root fields. */
  STOREFRONT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(0),
  STOREFRONT_CACHE_FIELDS: list.default(['products', 'product', 'collections', 'collection']),
  EXPLORER: flag.optional(),
  INTROSPECTION: flag.optional(),
});

export type Env = z.infer<typeof envSchema> & { EXPLORER: boolean; INTROSPECTION: boolean };

/** A configuration problem: printed as its message alone, never with a stack. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const development = env.NODE_ENV !== 'production';
  return {
    ...env,
    EXPLORER: env.EXPLORER ?? development,
    INTROSPECTION: env.INTROSPECTION ?? development,
  };
}
