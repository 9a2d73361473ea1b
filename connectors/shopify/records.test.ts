import { productFromWebhook } from './map-webhook';
import { toProduct } from './map-graphql';
import { productStatus } from './records';

describe('product statuses from Shopify', () => {
  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['active', 'ACTIVE'],
    ['archived', 'ARCHIVED'],
    ['DRAFT', 'DRAFT'],
    ['unlisted', 'DRAFT'],
    [undefined, 'DRAFT'],
    [42, 'DRAFT'],
  ])('maps %p to %p', (given, expected) => {
    expect(productStatus(given)).toBe(expected);
  });

  it('reads webhook payloads and sync nodes alike, an unknown status as DRAFT', () => {
    const webhook = (status: unknown) =>
      productFromWebhook({ id: 1, title: 'T', handle: 't', status, created_at: 'x', updated_at: 'x' }).status;
    const node = (status: unknown) =>
      toProduct({ id: 'gid://shopify/Product/1', title: 'T', handle: 't', status, createdAt: 'x', updatedAt: 'x' })
        .status;
    expect([webhook('active'), webhook('unlisted'), node('ARCHIVED'), node('UNLISTED')]).toEqual([
      'ACTIVE',
      'DRAFT',
      'ARCHIVED',
      'DRAFT',
    ]);
  });
});
