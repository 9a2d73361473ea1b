import { VerifiedTokens } from '../../src/auth/verified-tokens';
import type { Principal } from '../../src/sdk';

const principal = (subject: string): Principal => ({ kind: 'admin', subject, roles: ['admin'], scopes: [] });

describe('verified admin tokens', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('answers a remembered token until it expires, then forgets it', () => {
    const tokens = new VerifiedTokens(clock);
    tokens.remember('a.b.c', principal('alice'), now + 60_000);
    expect(tokens.get('a.b.c')?.subject).toBe('alice');
    expect(tokens.get('x.y.z')).toBeUndefined();
    now += 59_999;
    expect(tokens.get('a.b.c')?.subject).toBe('alice');
    now += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
  });

  it('trusts a long-lived token for five minutes at most, then asks for a new verification', () => {
    const tokens = new VerifiedTokens(clock);
    tokens.remember('long', principal('bob'), now + 24 * 3600_000);
    now += 5 * 60_000 - 1;
    expect(tokens.get('long')?.subject).toBe('bob');
    now += 1;
    expect(tokens.get('long')).toBeUndefined();
  });

  it('keeps at most 10,000 tokens, dropping the oldest first', () => {
    const tokens = new VerifiedTokens(clock);
    for (let i = 0; i <= 10_000; i++) tokens.remember(`t${i}`, principal(`p${i}`), now + 60_000);
    expect(tokens.get('t0')).toBeUndefined();
    expect(tokens.get('t1')?.subject).toBe('p1');
    expect(tokens.get('t10000')?.subject).toBe('p10000');
  });
});
