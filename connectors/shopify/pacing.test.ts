import { FakeClock } from '../../test/fake-shopify/clock';
import { UpstreamError } from './errors';
import { CostPacer } from './pacing';
import type { QueryCost } from './types';

const cost = (requested: number, available: number, max = 1000, restoreRate = 50): QueryCost => ({
  requestedQueryCost: requested,
  actualQueryCost: requested,
  throttleStatus: { maximumAvailable: max, currentlyAvailable: available, restoreRate },
});

describe('cost pacer', () => {
  test('computes the wait from the refill rate, and counts time already passed', () => {
    const clock = new FakeClock();
    const pacer = new CostPacer(clock);
    expect(pacer.waitMsFor(100)).toBe(0); // nothing known yet
    pacer.observe(cost(10, 0));
    expect(pacer.waitMsFor(100)).toBe(2000);
    clock.advance(1500);
    expect(pacer.waitMsFor(100)).toBe(500);
    expect(pacer.waitMsFor(5000)).toBe(20_000 - 1500); // a cost above the maximum waits for a full bucket
  });

  test('concurrent queries reserve points, so they do not all spend the same budget', async () => {
    const clock = new FakeClock();
    const pacer = new CostPacer(clock, { defaultCost: 10, maxThrottleRetries: 0 });
    // Shopify reports: query Q costs 60, the bucket (100, +10/s) is full.
    await pacer.run('Q', async () => ({ data: {}, cost: cost(60, 100, 100, 10) }));
    const send = async () => ({ data: {} });
    await Promise.all([pacer.run('Q', send), pacer.run('Q', send)]);
    // The first takes 60 of 100; without its reservation the second would not wait either.
    expect(clock.sleeps).toEqual([2000]);
  });

  test('THROTTLED is retried after the computed wait; other failures pass straight through', async () => {
    const clock = new FakeClock();
    const pacer = new CostPacer(clock);
    const attempts = jest
      .fn()
      .mockRejectedValueOnce(new UpstreamError({ kind: 'throttled', cost: cost(200, 50) }))
      .mockResolvedValueOnce({ data: { ok: true }, cost: cost(200, 800) });
    await expect(pacer.run('Q', attempts)).resolves.toMatchObject({ data: { ok: true } });
    expect(clock.sleeps).toEqual([3000]);
    const boom = new UpstreamError({ kind: 'http', status: 500 });
    await expect(pacer.run('Q', () => Promise.reject(boom))).rejects.toBe(boom);
  });
});
