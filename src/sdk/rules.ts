import { allow, and, chain, deny, or, rule } from 'graphql-shield';
import type { GatewayContext } from './context';
import { GatewayError } from './errors';

/**
 * Named authorization rules for plugins. Rules that read only the principal are cached per request
 * (`contextual`); none here reads parent or args.
 */
const forbidden = (why: string) => new GatewayError('FORBIDDEN', why);

export const isStorefront = rule('isStorefront', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) =>
    ctx.principal.kind === 'storefront' || forbidden('A storefront token is required'),
);

export const isStaff = rule('isStaff', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) =>
    ctx.principal.roles.some((role) => role === 'staff' || role === 'admin') ||
    forbidden('Staff credentials are required'),
);

export const isAdmin = rule('isAdmin', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) =>
    ctx.principal.roles.includes('admin') || forbidden('Admin credentials are required'),
);

const scopeRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();

/** Staff with the given scope. One named rule per scope so the contextual cache keys stay distinct. */
export function hasScope(scope: string) {
  let found = scopeRules.get(scope);
  if (!found) {
    found = rule(`hasScope:${scope}`, { cache: 'contextual' })(
      (_parent, _args, ctx: GatewayContext) =>
        (ctx.principal.kind === 'admin' && ctx.principal.scopes.includes(scope)) ||
        forbidden(`Scope ${scope} is required`),
    );
    scopeRules.set(scope, found);
  }
  return found;
}

/** Storefront callers, or staff holding `scope`: the usual rule for a public read. */
export function publicRead(scope: string) {
  return or(isStorefront, hasScope(scope));
}

export { allow, and, chain, deny, or };
