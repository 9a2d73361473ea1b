/**
 * The order's financial and fulfillment state machine, the one place that decides which payment and
 * shipping events an order accepts. Amounts are integer minor units; quantities are per line item.
 * Database writes (record.ts) and the property tests both go through `applyEvent`.
 */
export const FINANCIAL_STATUSES = [
  'PENDING',
  'AUTHORIZED',
  'PAID',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'VOIDED',
] as const;
export type FinancialStatus = (typeof FINANCIAL_STATUSES)[number];
export type FulfillmentStatus = 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED';

export interface Ledger {
  /** The order's total: what a payment must cover. */
  total: number;
  authorized: number;
  captured: number;
  refunded: number;
}

export interface LineState {
  ordered: number;
  fulfilled: number;
  refunded: number;
}

export interface OrderState {
  financial: FinancialStatus;
  ledger: Ledger;
  lines: readonly LineState[];
  cancelled: boolean;
}

export interface LineQuantity {
  line: number;
  quantity: number;
}

export type OrderEvent =
  | { kind: 'authorize'; amount: number }
  | { kind: 'capture'; amount: number }
  /** Money taken in one step: an automatic capture, or an admin marking the order paid. */
  | { kind: 'sale'; amount: number }
  | { kind: 'void' }
  | { kind: 'refund'; amount: number; lines: readonly LineQuantity[] }
  | { kind: 'fulfil'; lines: readonly LineQuantity[] }
  | { kind: 'cancelFulfillment'; lines: readonly LineQuantity[] }
  /** Cancels the order: voids an authorization, refunds what was captured and not yet refunded. */
  | { kind: 'cancel' };

export type EventKind = OrderEvent['kind'];

export type RejectCode = 'NOT_ALLOWED' | 'INVALID' | 'ALREADY_CANCELLED' | 'AMOUNT_TOO_LARGE' | 'QUANTITY_TOO_LARGE';

/** The money an accepted event moves at the provider (what a transaction row records). */
export interface Movement {
  kind: 'AUTHORIZATION' | 'CAPTURE' | 'SALE' | 'VOID' | 'REFUND';
  amount: number;
}

export type Outcome =
  { ok: true; state: OrderState; movements: Movement[] } | { ok: false; code: RejectCode; message: string };

/**
 * Financial transitions: from each status, the events it accepts and the statuses they may lead to
 * (the amount decides between several). An event absent from a row is refused with NOT_ALLOWED.
 */
export const FINANCIAL_TRANSITIONS: Record<FinancialStatus, Partial<Record<EventKind, readonly FinancialStatus[]>>> = {
  PENDING: { authorize: ['AUTHORIZED'], sale: ['PAID'], void: ['VOIDED'], cancel: ['VOIDED'] },
  AUTHORIZED: { capture: ['PAID'], void: ['VOIDED'], cancel: ['VOIDED'] },
  PAID: { refund: ['PARTIALLY_REFUNDED', 'REFUNDED'], cancel: ['REFUNDED'] },
  PARTIALLY_REFUNDED: { refund: ['PARTIALLY_REFUNDED', 'REFUNDED'], cancel: ['REFUNDED'] },
  REFUNDED: { cancel: ['REFUNDED'] },
  VOIDED: { cancel: ['VOIDED'] },
};

export const FULFILLMENT_STATUSES = ['UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED'] as const;

/**
 * Fulfillment transitions: from each status, the events that may change it and the statuses they may
 * lead to (the quantities decide). An event absent from a row leaves the status as it is; a fulfil
 * whose result the row does not allow is refused with NOT_ALLOWED. A refund changes the status only by
 * taking units off what is owed: the unshipped rest refunded completes a partly shipped order.
 */
export const FULFILLMENT_TRANSITIONS: Record<
  FulfillmentStatus,
  Partial<Record<EventKind, readonly FulfillmentStatus[]>>
> = {
  UNFULFILLED: { fulfil: ['PARTIALLY_FULFILLED', 'FULFILLED'], refund: ['UNFULFILLED'] },
  PARTIALLY_FULFILLED: {
    fulfil: ['PARTIALLY_FULFILLED', 'FULFILLED'],
    cancelFulfillment: ['PARTIALLY_FULFILLED', 'UNFULFILLED'],
    refund: ['PARTIALLY_FULFILLED', 'FULFILLED'],
  },
  // Cancelling a shipment of units since refunded may leave every owed unit shipped.
  FULFILLED: { cancelFulfillment: ['FULFILLED', 'PARTIALLY_FULFILLED', 'UNFULFILLED'], refund: ['FULFILLED'] },
};

export function initialState(total: number, quantities: readonly number[]): OrderState {
  return {
    financial: 'PENDING',
    ledger: { total, authorized: 0, captured: 0, refunded: 0 },
    lines: quantities.map((ordered) => ({ ordered, fulfilled: 0, refunded: 0 })),
    cancelled: false,
  };
}

/** Derived from quantities: lines refunded are no longer owed to the buyer. */
export function fulfillmentStatusOf(lines: readonly LineState[]): FulfillmentStatus {
  const shipped = lines.reduce((sum, l) => sum + l.fulfilled, 0);
  if (shipped === 0) return 'UNFULFILLED';
  return lines.every((l) => l.fulfilled >= l.ordered - l.refunded) ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
}

const reject = (code: RejectCode, message: string): Outcome => ({ ok: false, code, message });
const positive = (n: number) => Number.isSafeInteger(n) && n > 0;

function moveLines(
  lines: readonly LineState[],
  moves: readonly LineQuantity[],
  room: (l: LineState) => number,
  change: (l: LineState, quantity: number) => LineState,
): LineState[] | Outcome {
  const next = lines.map((l) => ({ ...l }));
  if (moves.length === 0) return reject('INVALID', 'no lines given');
  for (const { line, quantity } of moves) {
    if (!next[line] || !positive(quantity)) return reject('INVALID', 'unknown line or quantity below one');
    if (quantity > room(next[line])) return reject('QUANTITY_TOO_LARGE', 'more than the line has left');
    next[line] = change(next[line], quantity);
  }
  return next;
}

function target(state: OrderState, kind: EventKind, wanted: FinancialStatus): FinancialStatus | null {
  return FINANCIAL_TRANSITIONS[state.financial][kind]?.includes(wanted) ? wanted : null;
}

/** Applies one event; a refused event leaves the state as it was. */
export function applyEvent(state: OrderState, event: OrderEvent): Outcome {
  // A cancelled order has nothing left to pay, refund or ship.
  if (state.cancelled) {
    return reject('ALREADY_CANCELLED', 'The order is cancelled');
  }
  // Money events the status does not take are refused before their amounts are looked at.
  if (
    event.kind !== 'fulfil' &&
    event.kind !== 'cancelFulfillment' &&
    !FINANCIAL_TRANSITIONS[state.financial][event.kind]
  ) {
    return reject('NOT_ALLOWED', `A ${state.financial} order does not accept ${event.kind}`);
  }
  const { ledger } = state;
  const financial = (
    to: FinancialStatus,
    patch: Partial<Ledger>,
    movements: Movement[],
    extra: Partial<OrderState> = {},
  ): Outcome => {
    const next = target(state, event.kind, to);
    if (!next) return reject('NOT_ALLOWED', `A ${state.financial} order does not accept ${event.kind}`);
    return { ok: true, state: { ...state, ...extra, financial: next, ledger: { ...ledger, ...patch } }, movements };
  };
  switch (event.kind) {
    case 'authorize':
    case 'sale': {
      if (event.amount !== ledger.total || !positive(event.amount)) {
        return reject('INVALID', 'A payment covers the order total');
      }
      return event.kind === 'authorize'
        ? financial('AUTHORIZED', { authorized: event.amount }, [{ kind: 'AUTHORIZATION', amount: event.amount }])
        : financial('PAID', { authorized: event.amount, captured: event.amount }, [
            { kind: 'SALE', amount: event.amount },
          ]);
    }
    case 'capture':
      if (!positive(event.amount)) return reject('INVALID', 'A capture takes a positive amount');
      if (state.financial === 'AUTHORIZED' && event.amount > ledger.authorized) {
        return reject('AMOUNT_TOO_LARGE', 'A capture takes at most what was authorized');
      }
      return financial('PAID', { captured: event.amount }, [{ kind: 'CAPTURE', amount: event.amount }]);
    case 'void':
      return financial(
        'VOIDED',
        {},
        state.financial === 'AUTHORIZED' ? [{ kind: 'VOID', amount: ledger.authorized }] : [],
      );
    case 'refund': {
      if (!positive(event.amount)) return reject('INVALID', 'A refund takes a positive amount');
      if (event.amount > ledger.captured - ledger.refunded) {
        return reject('AMOUNT_TOO_LARGE', 'A refund takes at most what was captured and not yet refunded');
      }
      const lines =
        event.lines.length === 0
          ? [...state.lines]
          : moveLines(
              state.lines,
              event.lines,
              (l) => l.ordered - l.refunded,
              (l, q) => ({ ...l, refunded: l.refunded + q }),
            );
      if (!Array.isArray(lines)) return lines;
      const refunded = ledger.refunded + event.amount;
      const to = refunded === ledger.captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
      return financial(to, { refunded }, [{ kind: 'REFUND', amount: event.amount }], { lines });
    }
    case 'fulfil':
    case 'cancelFulfillment': {
      const lines =
        event.kind === 'fulfil'
          ? moveLines(
              state.lines,
              event.lines,
              (l) => l.ordered - l.refunded - l.fulfilled,
              (l, q) => ({ ...l, fulfilled: l.fulfilled + q }),
            )
          : moveLines(
              state.lines,
              event.lines,
              (l) => l.fulfilled,
              (l, q) => ({ ...l, fulfilled: l.fulfilled - q }),
            );
      if (!Array.isArray(lines)) return lines;
      const from = fulfillmentStatusOf(state.lines);
      const to = fulfillmentStatusOf(lines);
      if (!FULFILLMENT_TRANSITIONS[from][event.kind]?.includes(to)) {
        return reject('NOT_ALLOWED', `A ${from} order does not accept ${event.kind}`);
      }
      return { ok: true, state: { ...state, lines }, movements: [] };
    }
    case 'cancel': {
      if (fulfillmentStatusOf(state.lines) === 'FULFILLED') {
        return reject('NOT_ALLOWED', 'A fulfilled order cannot be cancelled');
      }
      const left = ledger.captured - ledger.refunded;
      if (left > 0 || state.financial === 'REFUNDED') {
        const movements: Movement[] = left > 0 ? [{ kind: 'REFUND', amount: left }] : [];
        return financial('REFUNDED', { refunded: ledger.captured }, movements, { cancelled: true });
      }
      const movements: Movement[] =
        state.financial === 'AUTHORIZED' ? [{ kind: 'VOID', amount: ledger.authorized }] : [];
      return financial('VOIDED', {}, movements, { cancelled: true });
    }
  }
}
