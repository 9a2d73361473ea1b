/**
 * Scenario (i), a checkout as a storefront sends it: five requests, each the next page of the buyer's
 * way through (cart with 3 lines, delivery address, delivery option, discount code, complete). One
 * unit of the benchmark is the whole sequence; the baseline answers the same bodies at /checkout/1..5.
 */
import { randomUUID } from 'node:crypto';

const money = '{ amount currencyCode }';
const errors = 'userErrors { field code message }';

/** The buyer: one email for every checkout (its customer row is found, not created, after the first). */
export const CHECKOUT_EMAIL = 'bench.buyer@bench.example';
/** California: 7.25 % sales tax added on the lines, none on shipping (the bench tenant is a US shop). */
export const CHECKOUT_ADDRESS = {
  firstName: 'Bench',
  lastName: 'Buyer',
  address1: '1 Market St',
  city: 'San Francisco',
  province: 'CA',
  zip: '94105',
  country: 'US',
};
/** Charged whatever the subtotal (the standard rate is free above 75.00, which these carts reach). */
export const CHECKOUT_OPTION = 'express';
export const CHECKOUT_CODE = 'WELCOME10';

/** What a sequence carries from one answer to the next request: the cart the first step made. */
export interface CheckoutState {
  cartId?: string;
}

export interface CheckoutStep {
  query: string;
  variables(variantIds: readonly string[], state: CheckoutState): Record<string, unknown>;
  /** The mutation's payload in the answer's data. */
  field: string;
}

const cart = (state: CheckoutState) => state.cartId ?? 'missing';

export const CHECKOUT_STEPS: readonly CheckoutStep[] = [
  {
    field: 'cartCreate',
    query: `mutation CartCreate($input: CartInput!) {
  cartCreate(input: $input) { cart { id totalQuantity cost { subtotalAmount ${money} } } ${errors} }
}`,
    variables: (variantIds) => ({
      input: {
        lines: variantIds.map((merchandiseId) => ({ merchandiseId, quantity: 1 })),
        buyerIdentity: { email: CHECKOUT_EMAIL, countryCode: 'US' },
      },
    }),
  },
  {
    field: 'cartDeliveryAddressUpdate',
    query: `mutation CartAddress($cartId: ID!, $address: MailingAddressInput!) {
  cartDeliveryAddressUpdate(cartId: $cartId, address: $address) {
    cart { deliveryOptions { handle title estimatedCost ${money} minDeliveryDays maxDeliveryDays } } ${errors}
  }
}`,
    variables: (_, state) => ({ cartId: cart(state), address: CHECKOUT_ADDRESS }),
  },
  {
    field: 'cartSelectedDeliveryOptionUpdate',
    query: `mutation CartDelivery($cartId: ID!, $handle: String!) {
  cartSelectedDeliveryOptionUpdate(cartId: $cartId, deliveryOptionHandle: $handle) {
    cart {
      selectedDeliveryOption { handle }
      cost { totalShippingAmount ${money} totalTaxAmount ${money} totalAmount ${money} }
    }
    ${errors}
  }
}`,
    variables: (_, state) => ({ cartId: cart(state), handle: CHECKOUT_OPTION }),
  },
  {
    field: 'cartDiscountCodesUpdate',
    query: `mutation CartDiscount($cartId: ID!, $codes: [String!]!) {
  cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $codes) {
    cart {
      discountCodes { code applicable }
      cost {
        subtotalAmount ${money} totalDiscountAmount ${money} totalShippingAmount ${money}
        totalTaxAmount ${money} totalAmount ${money}
      }
    }
    ${errors}
  }
}`,
    variables: (_, state) => ({ cartId: cart(state), codes: [CHECKOUT_CODE] }),
  },
  {
    field: 'checkoutComplete',
    query: `mutation CheckoutComplete($cartId: ID!, $key: String!) {
  checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
    order { id name totalPrice ${money} totalTax ${money} totalDiscounts ${money} totalShippingPrice ${money} }
    ${errors}
  }
}`,
    variables: (_, state) => ({ cartId: cart(state), key: randomUUID() }),
  },
];

type Payload = { cart?: { id?: string } | null; order?: unknown; userErrors?: unknown[] } | null | undefined;

/** The step's payload, or null when the answer is not a success (an error, a user error, no cart). */
export function stepPayload(step: CheckoutStep, text: string): Payload {
  try {
    const answer = JSON.parse(text) as { data?: Record<string, Payload>; errors?: unknown };
    const payload = answer.data?.[step.field];
    if (answer.errors || !payload || (payload.userErrors?.length ?? 0) > 0) return null;
    return payload.cart || payload.order ? payload : null;
  } catch {
    return null;
  }
}

/** Keys whose values differ between two checkouts of the same cart (new ids, the next order number). */
export const CHECKOUT_MASKED = ['id', 'name'];
