import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { cartWith, createVariant, rows, SUITE } from './orders-fixtures';
import { sql } from 'kysely';

const ZONE_CREATE = `mutation($input: ShippingZoneInput!) { shippingZoneCreate(input: $input) {
  shippingZone { id name regions rates { handle kind price { amount } freeAbove { amount } } }
  userErrors { field code message } } }`;
const ADDRESS = `mutation($cartId: ID!, $address: MailingAddressInput!) { cartDeliveryAddressUpdate(cartId: $cartId, address: $address) {
  cart { deliveryAddress { city countryCodeV2 provinceCode zip } selectedDeliveryOption { handle } }
  userErrors { field code message } } }`;
const SELECT = `mutation($cartId: ID!, $handle: String!) { cartSelectedDeliveryOptionUpdate(cartId: $cartId, deliveryOptionHandle: $handle) {
  cart { selectedDeliveryOption { handle estimatedCost { amount } } cost { totalShippingAmount { amount } totalAmount { amount } } }
  userErrors { field code message } } }`;
const OPTIONS = `query($id: ID!) { cart(id: $id) { requiresShipping
  deliveryOptions { handle title estimatedCost { amount currencyCode } minDeliveryDays maxDeliveryDays }
  selectedDeliveryOption { handle } cost { subtotalAmount { amount } totalShippingAmount { amount } totalAmount { amount } } } }`;

type Errors = { field: string[]; code: string }[];

async function createZones(t: TestGateway, tenant: string) {
  const admin = await t.admin(tenant);
  const domestic = await t.graphql<{ shippingZoneCreate: { shippingZone: { id: string } | null; userErrors: Errors } }>(
    ZONE_CREATE,
    {
      input: {
        name: 'Domestic',
        regions: ['US'],
        rates: [
          {
            handle: 'standard',
            title: 'Standard',
            price: '5.00',
            freeAbove: '100',
            minDeliveryDays: 3,
            maxDeliveryDays: 5,
          },
          { handle: 'heavy', title: 'Heavy goods', kind: 'WEIGHT', price: '25.00', minWeightGrams: 5000 },
          { handle: 'light', title: 'Letter', kind: 'WEIGHT', price: '2.00', maxWeightGrams: 5000 },
        ],
      },
    },
    admin,
  );
  expect(domestic.body.data!.shippingZoneCreate.userErrors).toEqual([]);
  const world = await t.graphql<{ shippingZoneCreate: { userErrors: Errors } }>(
    ZONE_CREATE,
    {
      input: {
        name: 'International',
        regions: ['*'],
        rates: [
          {
            handle: 'intl',
            title: 'International',
            price: '30.00',
            minSubtotal: '0',
            maxSubtotal: '500',
            kind: 'SUBTOTAL',
          },
        ],
      },
    },
    admin,
  );
  expect(world.body.data!.shippingZoneCreate.userErrors).toEqual([]);
  return domestic.body.data!.shippingZoneCreate.shippingZone!.id;
}

describeEachDatabase('delivery: addresses, shipping zones and delivery options', SUITE, (get) => {
  it('validates addresses per country with field paths, never an exception', async () => {
    const t = get();
    const v = await createVariant(t, 'alpha', { price: '10.00' });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 1 }]);
    const send = async (address: Record<string, string>) =>
      (
        await t.graphql<{ cartDeliveryAddressUpdate: { userErrors: Errors } }>(
          ADDRESS,
          { cartId: cart.id, address },
          t.storefront('alpha'),
        )
      ).body.data!.cartDeliveryAddressUpdate.userErrors.map((e) => [e.field.join('.'), e.code]);
    expect(await send({ country: 'XX', address1: '1 Main St', city: 'Town' })).toEqual([
      ['address.country', 'INVALID'],
    ]);
    expect(await send({ country: 'US', address1: '1 Main St', city: 'Austin', zip: '73301' })).toEqual([
      ['address.province', 'BLANK'],
    ]);
    expect(await send({ country: 'US', address1: '1 Main St', city: 'Austin', province: 'ZZ', zip: '7330' })).toEqual([
      ['address.zip', 'INVALID'],
      ['address.province', 'INVALID'],
    ]);
    expect(await send({ country: 'DE', city: 'Berlin' })).toEqual([
      ['address.address1', 'BLANK'],
      ['address.zip', 'BLANK'],
    ]);
    // Hong Kong has no postal codes and no provinces: none needed.
    expect(await send({ country: 'hk', address1: '1 Queen’s Rd', city: 'Hong Kong' })).toEqual([]);
  });

  it('offers the zone’s rates for the address, by weight and subtotal, free above the threshold; a choice survives only while offered', async () => {
    const t = get();
    await createZones(t, 'beta');
    const light = await createVariant(t, 'beta', { price: '40.00' });
    await rows(
      t,
      'beta',
      sql`update product_variants set weight = 1.5, weight_unit = 'KILOGRAMS' where id = ${light.variantId}`,
    );
    const cart = await cartWith(t, 'beta', [{ merchandiseId: light.variantGid, quantity: 2 }]);
    const read = async () =>
      (await t.graphql<{ cart: any }>(OPTIONS, { id: cart.id }, t.storefront('beta'))).body.data!.cart; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((await read()).deliveryOptions).toEqual([]);

    const storefront = t.storefront('beta');
    const us = { country: 'US', province: 'TX', zip: '73301', address1: '1 Main St', city: 'Austin' };
    const set = await t.graphql<{
      cartDeliveryAddressUpdate: { cart: { deliveryAddress: object }; userErrors: Errors };
    }>(ADDRESS, { cartId: cart.id, address: us }, storefront);
    expect(set.body.data!.cartDeliveryAddressUpdate).toEqual({
      cart: {
        deliveryAddress: { city: 'Austin', countryCodeV2: 'US', provinceCode: 'TX', zip: '73301' },
        selectedDeliveryOption: null,
      },
      userErrors: [],
    });
    // 2 × 1.5 kg = 3 kg: the letter rate (< 5 kg), not heavy goods; subtotal 80 < 100: standard costs 5.
    expect((await read()).deliveryOptions).toEqual([
      {
        handle: 'light',
        title: 'Letter',
        estimatedCost: { amount: '2.00', currencyCode: 'EUR' },
        minDeliveryDays: null,
        maxDeliveryDays: null,
      },
      {
        handle: 'standard',
        title: 'Standard',
        estimatedCost: { amount: '5.00', currencyCode: 'EUR' },
        minDeliveryDays: 3,
        maxDeliveryDays: 5,
      },
    ]);
    const chosen = await t.graphql<{ cartSelectedDeliveryOptionUpdate: { cart: unknown; userErrors: Errors } }>(
      SELECT,
      { cartId: cart.id, handle: 'standard' },
      storefront,
    );
    expect(chosen.body.data!.cartSelectedDeliveryOptionUpdate).toEqual({
      cart: {
        selectedDeliveryOption: { handle: 'standard', estimatedCost: { amount: '5.00' } },
        cost: { totalShippingAmount: { amount: '5.00' }, totalAmount: { amount: '85.00' } },
      },
      userErrors: [],
    });
    const unknown = await t.graphql<{ cartSelectedDeliveryOptionUpdate: { userErrors: Errors } }>(
      SELECT,
      { cartId: cart.id, handle: 'heavy' },
      storefront,
    );
    expect(unknown.body.data!.cartSelectedDeliveryOptionUpdate.userErrors).toEqual([
      expect.objectContaining({ field: ['deliveryOptionHandle'], code: 'DELIVERY_UNAVAILABLE' }),
    ]);

    // Two more units: 5 kg (heavy goods now, no letter) and 200.00, so standard is free.
    await t.graphql(
      `mutation($id: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $l) { userErrors { code } } }`,
      { id: cart.id, l: [{ merchandiseId: light.variantGid, quantity: 3 }] },
      storefront,
    );
    const after = await read();
    expect(
      after.deliveryOptions.map((o: { handle: string; estimatedCost: { amount: string } }) => [
        o.handle,
        o.estimatedCost.amount,
      ]),
    ).toEqual([
      ['standard', '0.00'],
      ['heavy', '25.00'],
    ]);
    expect(after.selectedDeliveryOption).toEqual({ handle: 'standard' });
    expect(after.cost).toEqual({
      subtotalAmount: { amount: '200.00' },
      totalShippingAmount: { amount: '0.00' },
      totalAmount: { amount: '200.00' },
    });

    // Heavy goods chosen, then the cart lightened to 1.5 kg: heavy goods are no longer offered, and the
    // choice is cleared for good (it does not come back when the cart is heavy again).
    const heavy = await t.graphql<{ cartSelectedDeliveryOptionUpdate: { userErrors: Errors } }>(
      SELECT,
      { cartId: cart.id, handle: 'heavy' },
      storefront,
    );
    expect(heavy.body.data!.cartSelectedDeliveryOptionUpdate.userErrors).toEqual([]);
    const LINES = `mutation($id: ID!, $l: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $id, lines: $l) {
      cart { selectedDeliveryOption { handle } } userErrors { code } } }`;
    const lineId = cart.lines.nodes[0].id;
    const lighter = await t.graphql<{ cartLinesUpdate: { cart: unknown; userErrors: Errors } }>(
      LINES,
      { id: cart.id, l: [{ id: lineId, quantity: 1 }] },
      storefront,
    );
    expect(lighter.body.data!.cartLinesUpdate).toEqual({ cart: { selectedDeliveryOption: null }, userErrors: [] });
    const heavier = await t.graphql<{ cartLinesUpdate: { cart: unknown; userErrors: Errors } }>(
      LINES,
      { id: cart.id, l: [{ id: lineId, quantity: 5 }] },
      storefront,
    );
    expect(heavier.body.data!.cartLinesUpdate).toEqual({ cart: { selectedDeliveryOption: null }, userErrors: [] });
    const stored = await rows<{ delivery_option_handle: string | null }>(
      t,
      'beta',
      sql`select delivery_option_handle from carts where id = ${Buffer.from(cart.id, 'base64url').toString('utf8').split('/').pop()!}`,
    );
    expect(stored).toEqual([{ delivery_option_handle: null }]);
    // A change that keeps the option offered keeps the choice.
    await t.graphql(SELECT, { cartId: cart.id, handle: 'standard' }, storefront);
    const kept = await t.graphql<{ cartLinesUpdate: { cart: unknown } }>(
      LINES,
      { id: cart.id, l: [{ id: lineId, quantity: 4 }] },
      storefront,
    );
    expect(kept.body.data!.cartLinesUpdate.cart).toEqual({ selectedDeliveryOption: { handle: 'standard' } });

    // Abroad: the international zone, whose rates have other handles, so the choice is cleared.
    const abroad = await t.graphql<{
      cartDeliveryAddressUpdate: { cart: { selectedDeliveryOption: unknown }; userErrors: Errors };
    }>(
      ADDRESS,
      { cartId: cart.id, address: { country: 'DE', zip: '10115', address1: 'Unter den Linden 1', city: 'Berlin' } },
      storefront,
    );
    expect(abroad.body.data!.cartDeliveryAddressUpdate.cart.selectedDeliveryOption).toBeNull();
    expect((await read()).deliveryOptions.map((o: { handle: string }) => o.handle)).toEqual(['intl']);
  });

  it('admin: validation with field paths, permissions by scope, update and delete', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    const bad = await t.graphql<{ shippingZoneCreate: { userErrors: Errors } }>(
      ZONE_CREATE,
      { input: { name: '', regions: ['US-ZZ', 'DE'], rates: [{ handle: 'Bad Handle', title: 'x', price: '-1' }] } },
      admin,
    );
    expect(bad.body.data!.shippingZoneCreate.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.name', 'BLANK'],
      ['input.regions.0', 'INVALID'],
      ['input.rates.0.handle', 'INVALID'],
      ['input.rates.0.price', 'INVALID'],
    ]);
    const reader = await t.admin('alpha', { scopes: ['read_shipping'] });
    const denied = await t.graphql(ZONE_CREATE, { input: { name: 'X', regions: ['DE'] } }, reader);
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const storefrontList = await t.graphql('{ shippingZones { nodes { id } } }', {}, t.storefront('alpha'));
    expect(storefrontList.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const id = await createZones(t, 'alpha');
    // A Relay connection, oldest first: forwards from a cursor, backwards from one.
    type Zones = {
      shippingZones: {
        totalCount: number;
        edges: { cursor: string; node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
      };
    };
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
      shippingZones(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage } } }`;
    const first = (await t.graphql<Zones>(PAGE, { first: 1 }, reader)).body.data!.shippingZones;
    expect([first.totalCount, first.edges.map((e) => e.node.name), first.pageInfo]).toEqual([
      2,
      ['Domestic'],
      { hasNextPage: true, hasPreviousPage: false },
    ]);
    const next = (await t.graphql<Zones>(PAGE, { first: 5, after: first.edges[0].cursor }, reader)).body.data!
      .shippingZones;
    expect([next.edges.map((e) => e.node.name), next.pageInfo]).toEqual([
      ['International'],
      { hasNextPage: false, hasPreviousPage: true },
    ]);
    const back = (await t.graphql<Zones>(PAGE, { last: 5, before: next.edges[0].cursor }, reader)).body.data!
      .shippingZones;
    expect(back.edges.map((e) => e.node.name)).toEqual(['Domestic']);
    const updated = await t.graphql<{
      shippingZoneUpdate: { shippingZone: { name: string; regions: string[]; rates: unknown[] } };
    }>(
      `mutation($id: ID!) { shippingZoneUpdate(id: $id, input: { name: "Home", regions: ["US", "CA-ON"], rates: [] }) {
        shippingZone { name regions rates { handle } } userErrors { code } } }`,
      { id },
      admin,
    );
    expect(updated.body.data!.shippingZoneUpdate.shippingZone).toEqual({
      name: 'Home',
      regions: ['US', 'CA-ON'],
      rates: [],
    });
    // Another tenant's zone reads as one that does not exist.
    const foreign = await t.graphql<{ shippingZoneDelete: { userErrors: Errors } }>(
      `mutation($id: ID!) { shippingZoneDelete(id: $id) { deletedShippingZoneId userErrors { field code } } }`,
      { id },
      await t.admin('beta'),
    );
    expect(foreign.body.data!.shippingZoneDelete.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    const deleted = await t.graphql<{ shippingZoneDelete: { deletedShippingZoneId: string } }>(
      `mutation($id: ID!) { shippingZoneDelete(id: $id) { deletedShippingZoneId userErrors { field code } } }`,
      { id },
      admin,
    );
    expect(deleted.body.data!.shippingZoneDelete.deletedShippingZoneId).toBe(id);
    const list = await t.graphql<{ shippingZones: { nodes: { name: string }[] } }>(
      '{ shippingZones { nodes { name } } }',
      {},
      admin,
    );
    expect(list.body.data!.shippingZones.nodes).toEqual([{ name: 'International' }]);
  });
});
