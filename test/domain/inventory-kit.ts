import type { Auth, TestGateway } from '../kit/gateway';
import { ok } from './catalog-kit';

export const ADJUST = `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) {
  inventoryLevel { available location { name } variant { id } } adjustment { id delta reason quantityAfter }
  userErrors { field code message } } }`;
export const SET = `mutation($input: InventorySetInput!) { inventorySet(input: $input) {
  inventoryLevel { available } adjustment { delta reason quantityAfter } userErrors { field code message } } }`;

/** A fresh product (one untracked variant) and a fresh location of the tenant. */
export async function freshStock(t: TestGateway, auth: Auth, title: string) {
  const product = await ok(
    t,
    `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id variants(first: 1) { nodes { id } } } } }`,
    { input: { title, status: 'ACTIVE', variants: [{ price: '10' }] } },
    auth,
  );
  const location = await ok(
    t,
    `mutation($input: LocationAddInput!) { locationAdd(input: $input) { location { id name } userErrors { code } } }`,
    { input: { name: `${title} store` } },
    auth,
  );
  return {
    productId: product.productCreate.product.id as string,
    variantId: product.productCreate.product.variants.nodes[0].id as string,
    locationId: location.locationAdd.location.id as string,
  };
}

export const errorsOf = (payload: { userErrors: { field: string[]; code: string }[] }) =>
  payload.userErrors.map((e) => ({ field: e.field.join('.'), code: e.code }));
