import { allow, and, chain, deny, or } from 'graphql-shield';
import { access } from './access';

/**
 * Named authorization rules for plugins, the `rule` half of `access` (./access.ts). Rules that read only
 * the principal are cached per request (`contextual`); none here reads parent or args.
 */
export const isStorefront = access.storefront.rule;
export const isStaff = access.staff.rule;
export const isAdmin = access.admin.rule;
export const isOperator = access.operator.rule;

/** Staff with the given scope. */
export function hasScope(scope: string) {
  return access.scope(scope).rule;
}

/** Storefront callers, or staff holding `scope`: the usual rule for a public read. */
export function publicRead(scope: string) {
  return access.publicRead(scope).rule;
}

export { allow, and, chain, deny, or };
