/**
 * Who is calling, as established from verified credentials only. `operator` is a platform operator
 * (OPERATOR_JWT_SECRET): not any tenant's, it reads the gateway's status and no tenant's data.
 */
export type Role = 'storefront' | 'staff' | 'admin' | 'operator';

export interface Principal {
  kind: 'storefront' | 'admin' | 'operator';
  /** Token fingerprint or JWT subject: stable, never the secret itself. */
  subject: string;
  roles: readonly Role[];
  scopes: readonly string[];
}
