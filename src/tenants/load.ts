import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ZodType } from 'zod';
import type { Tenant } from '../sdk';
import { DEFAULT_LIMITS, tenantFileSchema, type TenantFile } from '../config/tenant-schema';
import { variablesNamedInText } from '../config/dev-secrets';
import { weakSecrets } from '../config/secret-strength';
import { readCredentials, sha256Hex, type TenantKeys } from './credentials';
import { findSecret, findSecretFields } from './secrets-scan';

export { sha256Hex } from './credentials';

/** A valid tenant with the credentials material its requests are verified against. */
export interface TenantEntry extends TenantKeys {
  file: string;
  tenant: Tenant;
  config: TenantFile;
  /** Problems that leave the tenant serving (a plugin it enables is quarantined). */
  warnings: string[];
}

/** A tenant file that did not validate, with what could be read of its credentials. */
export interface TenantProblem {
  id: string;
  file: string;
  problems: string[];
  /** Ids and storefront token hashes the file claims: their callers get TENANT_UNAVAILABLE, not 401. */
  claimedIds: string[];
  claimedTokenHashes: string[];
}

export interface TenantLoadOptions {
  /** Active plugins and their per-tenant settings schema. */
  plugins: ReadonlyMap<string, ZodType | undefined>;
  /** Plugins that failed to load: a tenant enabling one serves without it. */
  quarantined?: ReadonlySet<string>;
  /** Active plugins every tenant has, whatever its file lists (manifests' `alwaysOn`). */
  alwaysOn: ReadonlySet<string>;
  /** The admin scopes the active plugins declare: a token's other scopes are ignored. */
  adminScopes: ReadonlySet<string>;
  env: NodeJS.ProcessEnv;
  /** Production: a secret the file names must pass src/config/secret-strength.ts. */
  refuseWeakSecrets?: boolean;
  /** The clock admin tokens are checked against; Date.now when omitted (tests drive their own). */
  now?: () => number;
}

export const TENANT_FILE = /\.ya?ml$/;
export const idOfFile = (file: string) => basename(file, extname(file));

const pathOf = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(file)');

type Validation = { entry: TenantEntry } | { problems: string[]; raw: unknown };

/** Each enabled plugin's settings, validated by that plugin's `tenantConfig`. */
function pluginSettings(config: TenantFile, options: TenantLoadOptions) {
  const problems: string[] = [];
  const warnings: string[] = [];
  const settings: Record<string, unknown> = {};
  const enabled = new Set(options.alwaysOn);
  config.plugins.forEach((name, index) => {
    if (!options.plugins.has(name)) {
      if (options.quarantined?.has(name)) {
        warnings.push(`plugins.${index}: plugin "${name}" is quarantined; its features are off for this tenant`);
      } else {
        problems.push(`plugins.${index}: unknown plugin "${name}"`);
      }
      return;
    }
    enabled.add(name);
    const result = options.plugins.get(name)?.safeParse(config.settings[name] ?? {});
    if (!result) return;
    if (result.success) settings[name] = result.data;
    else for (const i of result.error.issues) problems.push(`settings.${name}.${pathOf(i.path)}: ${i.message}`);
  });
  return { problems, warnings, settings, enabled };
}

/** Validates one file's content; returns the entry or the list of `path: message` problems. */
export function validateTenantFile(file: string, text: string, options: TenantLoadOptions): Validation {
  const secret = findSecret(text);
  if (secret)
    return { problems: [`(file): looks like it holds ${secret}; name an environment variable instead`], raw: null };
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return { problems: [`(file): malformed YAML: ${(error as Error).message.split('\n')[0]}`], raw: null };
  }
  const secretFields = findSecretFields(raw);
  if (secretFields.length) {
    return {
      problems: secretFields.map((p) => `${p}: looks like a secret; name an environment variable instead`),
      raw,
    };
  }
  const parsed = tenantFileSchema.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`), raw };
  const config = parsed.data;
  const plugins = pluginSettings(config, options);
  const keys = readCredentials(config, file, options.env, options.now);
  const weak = options.refuseWeakSecrets ? weakSecrets(variablesNamedInText(text), options.env) : [];
  const problems = [...plugins.problems, ...(Array.isArray(keys) ? keys : []), ...weak.map((w) => `(file): ${w}`)];
  if (problems.length || Array.isArray(keys)) return { problems, raw };
  return {
    entry: {
      ...keys,
      file,
      config,
      warnings: plugins.warnings,
      tenant: {
        id: config.id,
        name: config.name,
        currency: config.currency,
        locale: config.locale,
        plugins: plugins.enabled,
        limits: { ...DEFAULT_LIMITS, ...config.limits },
        settings: plugins.settings,
        cors: { origins: config.cors.origins },
      },
    },
  };
}

/** What an invalid file claims, read as loosely as possible, so its callers learn the tenant is unavailable. */
function claims(file: string, raw: unknown, env: NodeJS.ProcessEnv) {
  const doc = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; storefront?: Record<string, unknown> };
  const ids = new Set([idOfFile(file)]);
  if (typeof doc.id === 'string') ids.add(doc.id);
  const hashes = Array.isArray(doc.storefront?.tokenHashes)
    ? doc.storefront.tokenHashes.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))
    : [];
  const tokenEnv = doc.storefront?.tokenEnv;
  if (typeof tokenEnv === 'string' && env[tokenEnv]) hashes.push(sha256Hex(env[tokenEnv]));
  return { claimedIds: [...ids], claimedTokenHashes: hashes };
}

function listFiles(dir: string): string[] | null {
  try {
    return readdirSync(dir)
      .filter((f) => TENANT_FILE.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return null;
  }
}

/**
 * Loads every tenant file of a folder. A bad file disables only its tenant. When two files claim one
 * id or one storefront token, the tenant already serving (`incumbents`), else the first file, keeps it.
 */
export function loadTenantDir(
  dir: string,
  options: TenantLoadOptions,
  incumbents: ReadonlySet<string> = new Set(),
): { valid: TenantEntry[]; invalid: TenantProblem[] } {
  const valid: TenantEntry[] = [];
  const invalid: TenantProblem[] = [];
  const files = listFiles(dir);
  if (!files) {
    return {
      valid,
      invalid: [
        { id: '*', file: dir, problems: ['(dir): tenant folder not found'], claimedIds: [], claimedTokenHashes: [] },
      ],
    };
  }
  const ordered = [...files].sort(
    (a, b) => Number(!incumbents.has(idOfFile(a))) - Number(!incumbents.has(idOfFile(b))),
  );
  const texts = new Map(ordered.map((file) => [file, readFileSync(file, 'utf8')]));
  const idOwner = new Map<string, string>();
  for (const file of files) {
    const raw = texts.get(file)!.match(/^id:\s*['"]?([a-z][a-z0-9-]*)/m)?.[1];
    if (raw === idOfFile(file) && !idOwner.has(raw)) idOwner.set(raw, file);
  }
  for (const file of ordered) {
    const id = idOfFile(file);
    const result = validateTenantFile(file, texts.get(file)!, options);
    const fail = (problems: string[], raw: unknown) =>
      invalid.push({ id, file, problems, ...claims(file, raw, options.env) });
    if ('problems' in result) {
      fail(result.problems, result.raw);
      continue;
    }
    const entry = result.entry;
    if (entry.tenant.id !== id) {
      const owner = idOwner.get(entry.tenant.id);
      const why = owner ? `duplicates the id of ${basename(owner)}; ` : '';
      fail([`id: "${entry.tenant.id}" ${why}must match the file name (${basename(file)})`], entry.config);
      continue;
    }
    const clash = valid.find((other) => other.tenant.id === id);
    if (clash) {
      fail([`id: duplicate of ${basename(clash.file)}`], entry.config);
      continue;
    }
    const tokenClash = valid.find((other) =>
      [...entry.storefrontTokenHashes].some((h) => other.storefrontTokenHashes.has(h)),
    );
    if (tokenClash) {
      fail([`storefront: a storefront token duplicates one of ${basename(tokenClash.file)}`], entry.config);
      continue;
    }
    valid.push(entry);
  }
  return { valid, invalid };
}
