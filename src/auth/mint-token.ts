import { SignJWT } from 'jose';
import type { TenantEntry } from '../tenants/load';

/** A development admin JWT for a tenant, signed with its HS256 secret. */
export async function mintAdminToken(
  entry: TenantEntry,
  claims: { subject: string; roles: string[]; scopes: string[]; ttlSeconds?: number },
): Promise<string> {
  const settings = entry.config.admin;
  if (!settings?.algorithms.includes('HS256') || !entry.jwtSecret) {
    throw new Error(`Tenant ${entry.tenant.id} accepts no HS256 token: mint its tokens with its identity provider`);
  }
  return new SignJWT({ tenant: entry.tenant.id, roles: claims.roles, scopes: claims.scopes })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${claims.ttlSeconds ?? 3600}s`)
    .sign(entry.jwtSecret);
}
