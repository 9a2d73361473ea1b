import type { RequestHandler } from 'express';
import { authenticate } from '../auth/authenticate';
import { GatewayError } from '../sdk';
import type { TenantRegistry } from '../tenants/registry';
import { sendGraphQLError } from './respond';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The SDL endpoint follows the introspection setting: open when it is on, admins only otherwise. */
export function schemaAccess(registry: TenantRegistry, introspection: boolean): RequestHandler {
  return async (req, res, next) => {
    if (introspection) return next();
    try {
      const auth = await authenticate(registry, {
        storefrontToken: header(req.headers['x-storefront-token']),
        authorization: header(req.headers.authorization),
      });
      if (auth.principal.roles.includes('admin')) return next();
      sendGraphQLError(res, 'FORBIDDEN', 'The schema is available to admins only', { status: 403 });
    } catch (error) {
      if (!(error instanceof GatewayError)) return next(error);
      sendGraphQLError(res, error.code, error.message);
    }
  };
}
