import type { GatewayContext } from '../../src/sdk';

/** Whether the caller may read stock data (the rule of this plugin's root queries, for `node`). */
export function readsInventory(ctx: GatewayContext): boolean {
  return ctx.principal.kind === 'admin' && ctx.principal.scopes.includes('read_inventory');
}
