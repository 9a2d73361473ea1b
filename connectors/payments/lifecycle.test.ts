import fc from 'fast-check';
import {
  applyEvent,
  FINANCIAL_TRANSITIONS,
  FULFILLMENT_TRANSITIONS,
  fulfillmentStatusOf,
  initialState,
  type Movement,
  type OrderEvent,
  type OrderState,
} from './lifecycle';

const lineMoves = (lines: number) =>
  fc.array(fc.record({ line: fc.nat({ max: lines }), quantity: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 });

/** Events with amounts near the total (exact, below, above) so that both acceptance and refusal occur. */
function eventArb(total: number, lines: number): fc.Arbitrary<OrderEvent> {
  const amount = fc.oneof(fc.constant(total), fc.integer({ min: -1, max: total + 2 }));
  return fc.oneof(
    amount.map((a) => ({ kind: 'authorize' as const, amount: a })),
    amount.map((a) => ({ kind: 'capture' as const, amount: a })),
    amount.map((a) => ({ kind: 'sale' as const, amount: a })),
    fc.constant({ kind: 'void' as const }),
    fc.tuple(amount, lineMoves(lines)).map(([a, l]) => ({ kind: 'refund' as const, amount: a, lines: l })),
    lineMoves(lines).map((l) => ({ kind: 'fulfil' as const, lines: l })),
    lineMoves(lines).map((l) => ({ kind: 'cancelFulfillment' as const, lines: l })),
    fc.constant({ kind: 'cancel' as const }),
  );
}

const scenario = fc
  .record({
    total: fc.integer({ min: 1, max: 10_000 }),
    quantities: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ total, quantities }) =>
    fc.record({
      total: fc.constant(total),
      quantities: fc.constant(quantities),
      events: fc.array(eventArb(total, quantities.length), { maxLength: 25 }),
    }),
  );

/** Every status agrees with the money behind it; quantities stay within what was ordered. */
function assertConsistent(state: OrderState) {
  const { total, authorized, captured, refunded } = state.ledger;
  expect(0 <= refunded && refunded <= captured && captured <= authorized && authorized <= total).toBe(true);
  const expected = {
    PENDING: authorized === 0 && captured === 0,
    AUTHORIZED: authorized === total && captured === 0,
    PAID: captured > 0 && refunded === 0,
    PARTIALLY_REFUNDED: refunded > 0 && refunded < captured,
    REFUNDED: captured > 0 && refunded === captured,
    VOIDED: captured === 0,
  }[state.financial];
  expect(expected).toBe(true);
  for (const line of state.lines) {
    expect(line.fulfilled >= 0 && line.fulfilled <= line.ordered).toBe(true);
    expect(line.refunded >= 0 && line.refunded <= line.ordered).toBe(true);
  }
  // Shipped units are never more than ordered, and the status says what the quantities say.
  const shipped = state.lines.reduce((s, l) => s + l.fulfilled, 0);
  const owedLeft = state.lines.some((l) => l.fulfilled < l.ordered - l.refunded);
  expect(fulfillmentStatusOf(state.lines)).toBe(
    shipped === 0 ? 'UNFULFILLED' : owedLeft ? 'PARTIALLY_FULFILLED' : 'FULFILLED',
  );
  if (state.cancelled) expect(['VOIDED', 'REFUNDED']).toContain(state.financial);
}

describe('order lifecycle', () => {
  it('reaches no impossible state and loses no money over random event sequences', () => {
    fc.assert(
      fc.property(scenario, ({ total, quantities, events }) => {
        let state = initialState(total, quantities);
        const moved: Movement[] = [];
        for (const event of events) {
          const outcome = applyEvent(state, event);
          if (!outcome.ok) continue;
          const before = state.financial;
          const shippedBefore = fulfillmentStatusOf(state.lines);
          state = outcome.state;
          moved.push(...outcome.movements);
          // The table allows the transition that happened (staying put is always allowed for shipping).
          if (state.financial !== before) {
            expect(FINANCIAL_TRANSITIONS[before][event.kind]).toContain(state.financial);
          }
          // Fulfillment status changes only as its table says; events it does not list leave it alone.
          const shipped = fulfillmentStatusOf(state.lines);
          const allowed = FULFILLMENT_TRANSITIONS[shippedBefore][event.kind];
          if (allowed) expect(allowed).toContain(shipped);
          else expect(shipped).toBe(shippedBefore);
          assertConsistent(state);
        }
        // The provider's movements add up to the ledger: money in minus money out, nothing unaccounted.
        const sum = (kind: Movement['kind']) => moved.filter((m) => m.kind === kind).reduce((s, m) => s + m.amount, 0);
        expect(sum('CAPTURE') + sum('SALE')).toBe(state.ledger.captured);
        expect(sum('REFUND')).toBe(state.ledger.refunded);
        expect(Number.isSafeInteger(state.ledger.captured - state.ledger.refunded)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the state unchanged when it refuses an event', () => {
    fc.assert(
      fc.property(scenario, ({ total, quantities, events }) => {
        let state = initialState(total, quantities);
        for (const event of events) {
          const snapshot = JSON.stringify(state);
          const outcome = applyEvent(state, event);
          expect(JSON.stringify(state)).toBe(snapshot);
          if (outcome.ok) state = outcome.state;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never refunds more than was captured, however refunds are split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 10 }),
        (total, parts) => {
          let state = applyEvent(initialState(total, [1]), { kind: 'sale', amount: total });
          if (!state.ok) throw new Error('sale refused');
          let refunded = 0;
          for (const amount of parts) {
            const outcome = applyEvent(state.state, { kind: 'refund', amount, lines: [] });
            if (outcome.ok) {
              refunded += amount;
              state = outcome;
            } else expect(outcome.code).toBe(state.state.financial === 'REFUNDED' ? 'NOT_ALLOWED' : 'AMOUNT_TOO_LARGE');
          }
          expect(refunded).toBeLessThanOrEqual(total);
          expect(state.state.financial).toBe(
            refunded === 0 ? 'PAID' : refunded === total ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
          );
        },
      ),
    );
  });

  it('walks the common paths', () => {
    let state = initialState(1000, [2, 1]);
    const step = (event: OrderEvent) => {
      const outcome = applyEvent(state, event);
      if (!outcome.ok) throw new Error(outcome.message);
      state = outcome.state;
    };
    step({ kind: 'authorize', amount: 1000 });
    expect(applyEvent(state, { kind: 'capture', amount: 1001 })).toMatchObject({ ok: false, code: 'AMOUNT_TOO_LARGE' });
    step({ kind: 'capture', amount: 1000 });
    step({ kind: 'fulfil', lines: [{ line: 0, quantity: 1 }] });
    expect(fulfillmentStatusOf(state.lines)).toBe('PARTIALLY_FULFILLED');
    step({ kind: 'refund', amount: 300, lines: [{ line: 1, quantity: 1 }] });
    expect(state.financial).toBe('PARTIALLY_REFUNDED');
    // The refunded line is no longer owed: shipping the rest of line 0 completes the order.
    expect(applyEvent(state, { kind: 'fulfil', lines: [{ line: 1, quantity: 1 }] })).toMatchObject({
      ok: false,
      code: 'QUANTITY_TOO_LARGE',
    });
    step({ kind: 'fulfil', lines: [{ line: 0, quantity: 1 }] });
    expect(fulfillmentStatusOf(state.lines)).toBe('FULFILLED');
    expect(applyEvent(state, { kind: 'cancel' })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    // Cancelling a shipment reopens the order; shipping what is left completes it again.
    step({ kind: 'cancelFulfillment', lines: [{ line: 0, quantity: 1 }] });
    expect(fulfillmentStatusOf(state.lines)).toBe('PARTIALLY_FULFILLED');
    expect(applyEvent(state, { kind: 'cancelFulfillment', lines: [{ line: 1, quantity: 1 }] })).toMatchObject({
      ok: false,
      code: 'QUANTITY_TOO_LARGE',
    });
    step({ kind: 'cancel' });
    expect(applyEvent(state, { kind: 'fulfil', lines: [{ line: 0, quantity: 1 }] })).toMatchObject({
      ok: false,
      code: 'ALREADY_CANCELLED',
    });
    expect(applyEvent(initialState(5, [1]), { kind: 'capture', amount: 5 })).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
  });
});
