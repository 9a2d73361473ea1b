import { or, rule } from 'graphql-shield';
import type { GatewayContext } from './context';
import { GatewayError } from './errors';
import type { ShieldRule } from './plugin';

/**
 * One authorization decision, declared once. `rule` guards fields: a named graphql-shield rule, cached per
 * request (`contextual`) as it reads only the principal. `allows` is the same decision as a predicate, for
 * where no field rule runs: `node(id:)` (a node's `visibleTo`, applied by the engine) and row filters.
 */
export interface Access {
  readonly rule: ShieldRule;
  allows(ctx: GatewayContext): boolean;
}

/**
 * A rule over the principal and its predicate, from one function. Each refusal is made once: `or`
 * evaluates every branch, so a storefront request would otherwise build (and capture a stack for) the
 * staff branch's error on every request, only to drop it.
 */
function principalAccess(name: string, refusal: string, allows: (ctx: GatewayContext) => boolean): Access {
  const refused = new GatewayError('FORBIDDEN', refusal);
  return {
    allows,
    rule: rule(name, { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) => allows(ctx) || refused),
  };
}

const storefront = principalAccess(
  'isStorefront',
  'A storefront token is required',
  (ctx) => ctx.principal.kind === 'storefront',
);
const staff = principalAccess('isStaff', 'Staff credentials are required', (ctx) =>
  ctx.principal.roles.some((role) => role === 'staff' || role === 'admin'),
);
const admin = principalAccess('isAdmin', 'Admin credentials are required', (ctx) =>
  ctx.principal.roles.includes('admin'),
);
const operator = principalAccess(
  'isOperator',
  'Platform operator credentials are required',
  (ctx) => ctx.principal.kind === 'operator',
);

/** One of the alternatives: `or` of their rules (the first refusal is the answer), `some` of their predicates. */
function anyOf(...alternatives: Access[]): Access {
  return {
    rule: or(...alternatives.map((a) => a.rule)),
    allows: (ctx) => alternatives.some((a) => a.allows(ctx)),
  };
}

const byScope = new Map<string, Access>();
const publicReads = new Map<string, Access>();

export const access = {
  storefront,
  staff,
  admin,
  operator,
  anyOf,
  /** Staff holding `name`. One named rule per scope, so the contextual cache keys stay distinct. */
  scope(name: string): Access {
    let found = byScope.get(name);
    if (!found) {
      found = principalAccess(
        `hasScope:${name}`,
        `Scope ${name} is required`,
        (ctx) => ctx.principal.kind === 'admin' && ctx.principal.scopes.includes(name),
      );
      byScope.set(name, found);
    }
    return found;
  },
  /** Storefront callers, or staff holding `scope`: the usual rule for a public read. */
  publicRead(scope: string): Access {
    let found = publicReads.get(scope);
    if (!found) publicReads.set(scope, (found = anyOf(storefront, access.scope(scope))));
    return found;
  },
};
