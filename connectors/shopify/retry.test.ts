import { FakeClock } from '../../test/fake-shopify/clock';
import { UpstreamError } from './errors';
import { backoffMs, defaultRetryPolicy, parseRetryAfterMs, retryDelayMs, withRetry } from './retry';

const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 };
const http = (status: number, retryAfter?: string) => new UpstreamError({ kind: 'http', status, retryAfter });

describe('retry policy', () => {
  test('Retry-After is read as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs('1.5', now)).toBe(1500);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  test('backoff doubles up to the cap, jitter only ever shortens it by half', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffMs(3, { ...policy, random: () => 0 })).toBe(200);
  });

  test('only 429, 5xx and network failures are retried', () => {
    expect(retryDelayMs(http(429, '3'), 1, policy, 0)).toBe(3000);
    expect(retryDelayMs(http(429), 1, policy, 0)).toBe(100);
    expect(retryDelayMs(http(502), 2, policy, 0)).toBe(200);
    expect(retryDelayMs(new UpstreamError({ kind: 'network', timedOut: true }), 1, policy, 0)).toBe(100);
    for (const status of [400, 401, 403, 404, 422]) expect(retryDelayMs(http(status), 1, policy, 0)).toBeUndefined();
    expect(retryDelayMs(new UpstreamError({ kind: 'throttled' }), 1, policy, 0)).toBeUndefined();
    expect(retryDelayMs(new UpstreamError({ kind: 'graphql', codes: [] }), 1, policy, 0)).toBeUndefined();
    expect(retryDelayMs(new Error('bug'), 1, policy, 0)).toBeUndefined();
  });

  test('withRetry stops after maxRetries and rethrows the last failure', async () => {
    const clock = new FakeClock();
    const fn = jest.fn(() => Promise.reject(http(500)));
    await expect(withRetry(fn, { ...policy, maxRetries: 2 }, clock)).rejects.toMatchObject({
      failure: { kind: 'http', status: 500 },
    });
    expect(fn).toHaveBeenCalledTimes(3);
    expect(clock.sleeps).toEqual([100, 200]);
  });
});
