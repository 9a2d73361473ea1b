import { BREAK, visit, type DocumentNode } from 'graphql';
import type { Principal } from '../sdk';
import { requestError } from './limit-error';

const asksSchema = new WeakMap<DocumentNode, boolean>();

function introspects(document: DocumentNode): boolean {
  let found = asksSchema.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    });
    asksSchema.set(document, found);
  }
  return found;
}

/** With introspection off (production default), only admins may ask for `__schema` or `__type`. */
export function checkIntrospection(document: DocumentNode, principal: Principal, enabled: boolean): void {
  if (enabled || principal.roles.includes('admin') || !introspects(document)) return;
  throw requestError('FORBIDDEN', 'Introspection is available to admins only', { status: 403 });
}
