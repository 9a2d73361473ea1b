import { request } from 'node:http';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { SUITE } from '../domain/orders-fixtures';
import { freshEmail, PASSWORD, SIGN_IN, signUp } from './account-fixtures';

jest.setTimeout(120_000);

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: {
    data?: { customerAccessTokenCreate: { customerAccessToken: unknown; customerUserErrors: unknown[] } } | null;
    errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
  };
}

/** A sign-in sent from a given loopback address (127.0.0.0/8 all reach the server): a real other client. */
function signInFrom(t: TestGateway, auth: Auth, from: string, email: string, password: string): Promise<Answer> {
  const url = new URL('/graphql', t.url);
  const body = JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...auth } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const throttled = (a: Answer) =>
  a.status === 429 && Number(a.retryAfter) > 0 && a.body.errors?.[0]?.extensions?.code === 'THROTTLED';

describeEachDatabase('sign-in throttling', SUITE, (get) => {
  it('stops brute force on one account from many addresses early, the right password included', async () => {
    const t = get();
    const email = freshEmail('victim');
    await signUp(t, 'alpha', email);
    const answers: Answer[] = [];
    for (let i = 0; i < 12; i++) {
      answers.push(await signInFrom(t, t.storefront('alpha'), `127.0.1.${i + 1}`, email, `guess number ${i}`));
    }
    // Ten attempts per account, then refused, whatever the address.
    expect(answers.slice(0, 10).every((a) => a.status === 200)).toBe(true);
    expect(answers.slice(10).every(throttled)).toBe(true);
    const right = await signInFrom(t, t.storefront('alpha'), '127.0.1.99', email, PASSWORD);
    expect(throttled(right)).toBe(true);
    // An unknown email is throttled the same way: throttling tells nothing about which accounts exist.
    const nobody = freshEmail('nobody');
    const unknown: Answer[] = [];
    for (let i = 0; i < 11; i++)
      unknown.push(await signInFrom(t, t.storefront('alpha'), `127.0.2.${i + 1}`, nobody, 'x'));
    expect(unknown.map((a) => a.status)).toEqual([...Array(10).fill(200), 429]);
    // Another tenant's account of the same email is not affected (buckets are per tenant).
    await signUp(t, 'beta', email);
    const beta = await signInFrom(t, t.storefront('beta'), '127.0.1.50', email, PASSWORD);
    expect(beta.status).toBe(200);
    expect(beta.body.data!.customerAccessTokenCreate.customerAccessToken).not.toBeNull();
  });

  it('stops credential stuffing (many accounts, one address) early', async () => {
    const t = get();
    const from = '127.0.3.1';
    const answers: Answer[] = [];
    // Thirty attempts per address, then one per 10 s: a slow run may earn one or two back, never ten.
    while (answers.length < 40 && !answers.some(throttled)) {
      answers.push(await signInFrom(t, t.storefront('alpha'), from, freshEmail('stuffed'), 'leaked password 1'));
    }
    const firstRefused = answers.findIndex(throttled);
    expect(firstRefused).toBeGreaterThanOrEqual(30);
    expect(firstRefused).toBeLessThan(40);
    expect(answers.slice(0, 30).every((a) => a.status === 200)).toBe(true);
    // Another client is not held back by this one.
    const other = await signInFrom(t, t.storefront('alpha'), '127.0.3.2', freshEmail('other'), 'a password 2');
    expect(other.status).toBe(200);
  });
});
