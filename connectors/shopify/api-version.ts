import { ApiVersion } from '@shopify/shopify-api';

/**
 * The oldest Admin API version our queries work on: `Customer.defaultEmailAddress` and
 * `defaultPhoneNumber` (read in resource-fields.ts) arrived in 2025-04.
 */
export const MIN_API_VERSION = '2025-04';

/** Dated versions the installed library knows, from MIN_API_VERSION on; never `unstable` (not a pin). */
export const SUPPORTED_API_VERSIONS = (Object.values(ApiVersion) as string[]).filter(
  (v) => /^\d{4}-\d{2}$/.test(v) && v >= MIN_API_VERSION,
) as readonly ApiVersion[];

export function isSupportedApiVersion(version: string): version is ApiVersion {
  return (SUPPORTED_API_VERSIONS as readonly string[]).includes(version);
}
