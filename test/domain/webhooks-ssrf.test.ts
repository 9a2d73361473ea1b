import { addressAllowed } from '../../connectors/webhooks/address-policy';
import { callbackUrlProblem } from '../../connectors/webhooks/callback-url';
import { safePost, systemResolve, type SendOptions } from '../../connectors/webhooks/safe-send';
import { describeUnless } from '../kit/skip';
import { opensslMissing, selfSignedCertificate } from '../kit/tls';
import { startWebhookReceiver, type WebhookReceiver } from '../kit/webhook-receiver';

const PRODUCTION = { allowLoopback: false };

const REFUSED_ADDRESSES = [
  '127.0.0.1',
  '127.8.9.10',
  '::1',
  '10.1.2.3',
  '172.16.0.9',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  'fd00::1',
  'fe80::1',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '::ffff:7f00:1',
  '64:ff9b::7f00:1',
  '224.0.0.1',
];

describe('callback address policy (production settings)', () => {
  it('refuses loopback, private, link-local, CGNAT, IPv6-mapped and NAT64 forms; allows public unicast', () => {
    for (const address of REFUSED_ADDRESSES)
      expect([address, addressAllowed(address, PRODUCTION)]).toEqual([address, false]);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) {
      expect(addressAllowed(address, PRODUCTION)).toBe(true);
    }
  });

  it('the development setting allows loopback only', () => {
    const dev = { allowLoopback: true };
    expect(addressAllowed('127.0.0.1', dev)).toBe(true);
    expect(addressAllowed('::ffff:127.0.0.1', dev)).toBe(true);
    expect(addressAllowed('10.0.0.1', dev)).toBe(false);
  });

  it('refuses at creation URLs that are not https, carry credentials, or name a refused address', () => {
    const refused = [
      'http://example.com/hook',
      'ftp://example.com/',
      'https://user:secret@example.com/',
      'https://127.0.0.1/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://10.0.0.1/hook',
      'https://2130706433/hook',
      'https://0x7f.1/hook',
      'https://localhost/hook',
      'https://a.localhost/hook',
      `https://example.com/${'x'.repeat(3000)}`,
    ];
    for (const url of refused) expect([url, callbackUrlProblem(url, PRODUCTION)]).toEqual([url, expect.any(String)]);
    expect(callbackUrlProblem('https://hooks.example.com/orders?x=1', PRODUCTION)).toBeNull();
  });
});

const missing = opensslMissing();

describeUnless(missing)('deliveries resolve and check the address when they are sent', () => {
  const tls = missing ? { key: '', cert: '' } : selfSignedCertificate();
  let receiver: WebhookReceiver;
  let elsewhere: WebhookReceiver;
  const send = (url: string, options: Partial<SendOptions>) =>
    safePost(url, { 'content-type': 'application/json' }, '{}', {
      policy: PRODUCTION,
      timeoutMs: 3_000,
      resolve: systemResolve,
      ca: tls.cert,
      ...options,
    });
  const port = () => new URL(receiver.url).port;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(tls);
    elsewhere = await startWebhookReceiver(tls, '127.0.0.2');
  });
  afterAll(async () => {
    await receiver.close();
    await elsewhere.close();
  });

  it('reaches a receiver the policy allows (the refusals below are not vacuous)', async () => {
    const result = await send(`${receiver.url}/ok`, {
      policy: { allowLoopback: false, allowAddresses: ['127.0.0.1'] },
    });
    expect(result).toEqual({ ok: true, status: 200, error: null });
    expect(receiver.received.map((r) => r.path)).toEqual(['/ok']);
  });

  it('refuses a loopback literal and an IPv6-mapped one without connecting', async () => {
    for (const url of [`${receiver.url}/literal`, `https://[::ffff:127.0.0.1]:${port()}/mapped`]) {
      expect(await send(url, {})).toEqual({
        ok: false,
        status: null,
        error: 'the callback host is not a public address',
      });
    }
    expect(receiver.received.map((r) => r.path)).not.toContain('/literal');
    expect(receiver.received.map((r) => r.path)).not.toContain('/mapped');
  });

  it('refuses a name that resolves to 127.0.0.1: localhost, and any name whose DNS answer is loopback', async () => {
    const local = await send(`https://localhost:${port()}/localhost`, {});
    expect(local.ok).toBe(false);
    expect(local.error).toMatch(/not a public address|did not resolve/);
    // A public-looking name whose DNS now answers 127.0.0.1 (DNS rebinding after the URL was accepted).
    const rebound = await send(`https://hooks.example.com:${port()}/rebound`, { resolve: async () => ['127.0.0.1'] });
    expect(rebound).toEqual({ ok: false, status: null, error: 'the callback host is not a public address' });
    // One refused address among public ones refuses the name.
    const mixed = await send(`https://hooks.example.com:${port()}/mixed`, {
      resolve: async () => ['93.184.216.34', '10.0.0.1'],
    });
    expect(mixed.error).toBe('the callback host is not a public address');
    expect(receiver.received.map((r) => r.path)).toEqual(['/ok']);
  });

  it('does not follow a redirect, so a redirect to a private address reaches nothing', async () => {
    receiver.answer('/redirect', { status: 302, headers: { location: `${elsewhere.url}/internal` } });
    const result = await send(`${receiver.url}/redirect`, {
      policy: { allowLoopback: false, allowAddresses: ['127.0.0.1'] },
    });
    expect(result).toEqual({ ok: false, status: 302, error: 'redirects are not followed' });
    expect(elsewhere.received).toEqual([]);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    receiver.hang('/slow');
    const result = await send(`${receiver.url}/slow`, {
      policy: { allowLoopback: true },
      timeoutMs: 200,
    });
    expect(result).toEqual({ ok: false, status: null, error: 'timed out' });
  });
});
