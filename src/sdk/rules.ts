import { allow, and, chain, deny, or, rule } from 'graphql-shield';
import type { GatewayContext } from './context';
import { GatewayError } from './errors';

/**
 * Named authorization rules for plugins. Rules that read only the principal are cached per request
 * (`contextual`); none here reads parent or args.
 *
 * Each rule's refusal is made once: `or` evaluates every branch, so a storefront request would otherwise
 * build (and capture a stack for) the staff branch's error on every request, only to drop it.
 */
const forbidden = (why: string) => new GatewayError('FORBIDDEN', why);

const storefrontRequired = forbidden('A storefront token is required');
export const isStorefront = rule('isStorefront', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) => ctx.principal.kind === 'storefront' || storefrontRequired,
);

const staffRequired = forbidden('Staff credentials are required');
export const isStaff = rule('isStaff', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) =>
    ctx.principal.roles.some((role) => role === 'staff' || role === 'admin') || staffRequired,
);

const adminRequired = forbidden('Admin credentials are required');
export const isAdmin = rule('isAdmin', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) => ctx.principal.roles.includes('admin') || adminRequired,
);

const operatorRequired = forbidden('Platform operator credentials are required');
export const isOperator = rule('isOperator', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) => ctx.principal.kind === 'operator' || operatorRequired,
);

const scopeRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();

/** Staff with the given scope. One named rule per scope so the contextual cache keys stay distinct. */
export function hasScope(scope: string) {
  let found = scopeRules.get(scope);
  if (!found) {
    const scopeRequired = forbidden(`Scope ${scope} is required`);
    found = rule(`hasScope:${scope}`, { cache: 'contextual' })(
      (_parent, _args, ctx: GatewayContext) =>
        (ctx.principal.kind === 'admin' && ctx.principal.scopes.includes(scope)) || scopeRequired,
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
