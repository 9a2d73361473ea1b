import { createHmac } from 'node:crypto';
import { readWebhookMeta, verifyWebhookHmac } from './webhook-verify';

const secret = 'shpss_app_secret';
const body = Buffer.from('{"id":123,"title":"Shirt",  "price":"10.00"}');
const sign = (b: Buffer | string, s = secret) => createHmac('sha256', s).update(b).digest('base64');

describe('webhook HMAC verification', () => {
  test('a correct signature of the raw body verifies', () => {
    expect(verifyWebhookHmac(body, sign(body), secret)).toBe(true);
    expect(verifyWebhookHmac(body.toString('utf8'), sign(body), secret)).toBe(true);
  });

  test('a signature made with another secret is rejected', () => {
    expect(verifyWebhookHmac(body, sign(body, 'another'), secret)).toBe(false);
  });

  test('a missing, empty, repeated or malformed header is rejected without throwing', () => {
    expect(verifyWebhookHmac(body, undefined, secret)).toBe(false);
    expect(verifyWebhookHmac(body, '', secret)).toBe(false);
    expect(verifyWebhookHmac(body, [sign(body), sign(body)], secret)).toBe(false);
    expect(verifyWebhookHmac(body, 'not base64 at all!', secret)).toBe(false);
    expect(verifyWebhookHmac(body, sign(body).slice(0, 20), secret)).toBe(false);
    expect(verifyWebhookHmac(body, createHmac('sha256', secret).update(body).digest('hex'), secret)).toBe(false);
  });

  test('a tampered body is rejected, including the same JSON re-serialised', () => {
    const header = sign(body);
    const tampered = Buffer.from(body);
    tampered[body.indexOf('10.00')] = '9'.charCodeAt(0);
    expect(verifyWebhookHmac(tampered, header, secret)).toBe(false);
    expect(verifyWebhookHmac(JSON.stringify(JSON.parse(body.toString())), header, secret)).toBe(false);
  });

  test('any of several secrets verifies (rotation); an empty secret never does', () => {
    expect(verifyWebhookHmac(body, sign(body), ['old_secret', secret])).toBe(true);
    expect(verifyWebhookHmac(body, sign(body, ''), [''])).toBe(false);
  });
});

describe('webhook delivery headers', () => {
  const headers = {
    'x-shopify-topic': 'products/update',
    'x-shopify-shop-domain': 'acme.myshopify.com',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
    'x-shopify-api-version': '2025-07',
    'x-shopify-triggered-at': '2026-01-01T10:00:00.000Z',
  };

  test('reads topic, shop, event id, api version and trigger time', () => {
    expect(readWebhookMeta(headers)).toEqual({
      topic: 'products/update',
      shopDomain: 'acme.myshopify.com',
      eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
      webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      apiVersion: '2025-07',
      triggeredAt: '2026-01-01T10:00:00.000Z',
    });
  });

  test('falls back to the webhook id as event id; header names are case-insensitive', () => {
    const { 'x-shopify-event-id': _omit, ...rest } = headers;
    const mixed = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k.replace(/(^|-)x/g, '$1X'), v]));
    expect(readWebhookMeta(mixed)?.eventId).toBe('b54557e4-bdd9-4b37-8a5f-bf7d70bcd043');
  });

  test('a delivery without topic or shop is not a Shopify webhook', () => {
    expect(readWebhookMeta({ ...headers, 'x-shopify-topic': undefined })).toBeUndefined();
    expect(readWebhookMeta({ ...headers, 'x-shopify-shop-domain': '' })).toBeUndefined();
  });
});
