import { encodeGlobalId, localIdOf, parseGlobalId } from '../../src/sdk';

describe('global ids', () => {
  it('encode type and local id as opaque base64url, the same each time, and decode back', () => {
    const id = encodeGlobalId('ProductVariant', '42');
    expect(id).toBe(Buffer.from('gid://retail/ProductVariant/42').toString('base64url'));
    expect(encodeGlobalId('ProductVariant', 42)).toBe(id);
    expect(encodeGlobalId('Product', '42')).not.toBe(id);
    expect(parseGlobalId(id)).toEqual({ type: 'ProductVariant', id: '42' });
    expect(localIdOf(id, 'Product')).toBeNull();
  });

  it('stay right past the bound of remembered encodings', () => {
    for (let i = 0; i < 25_000; i++) {
      const id = encodeGlobalId('Order', i);
      if (i % 997 === 0) expect(localIdOf(id, 'Order')).toBe(String(i));
    }
    expect(parseGlobalId(encodeGlobalId('Order', 7))).toEqual({ type: 'Order', id: '7' });
  });
});
