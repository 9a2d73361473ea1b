import type { Kysely } from 'kysely';
import type { Tenant } from './tenant';

/** The customer a privacy request is about: their local id and the email they are known by. */
export interface DataSubject {
  customerId: string;
  email: string;
}

/** A data export or erasure, and who asked for it (an admin, or a platform's privacy topic). */
export interface PrivacyRequest {
  kind: 'export' | 'erase';
  subject: DataSubject;
  /** e.g. `admin:<subject>` or `shopify:customers/redact`; recorded, never shown to shoppers. */
  requestedBy: string;
}

/**
 * A plugin's part in privacy requests (the manifest's `personalData`): what it holds of a customer, and
 * how it forgets them. Both run in the request's transaction, under the tenant's row-level security.
 */
export interface PersonalDataHolder {
  /** The subject's records this plugin holds, as JSON (amounts as strings). */
  export(trx: Kysely<unknown>, tenantId: string, request: PrivacyRequest): Promise<unknown>;
  /**
   * Removes or blanks the subject's personal fields. Business records stay (an order keeps its number,
   * lines and totals, as Shopify's customer redaction does).
   */
  erase(trx: Kysely<unknown>, tenantId: string, request: PrivacyRequest): Promise<void>;
}

/** Every composed plugin's holder, asked together: the one path admins and privacy topics take. */
export interface PersonalData {
  /** Each plugin's export, by plugin name. */
  export(trx: Kysely<unknown>, tenant: Tenant, request: PrivacyRequest): Promise<Record<string, unknown>>;
  /** Erases in every plugin, the plugins that depend on others first. */
  erase(trx: Kysely<unknown>, tenant: Tenant, request: PrivacyRequest): Promise<void>;
}
