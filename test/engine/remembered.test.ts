import { remembered } from '../../src/sdk';

describe('remembered answers', () => {
  it('computes each key once, and again only after the bound made it forget', () => {
    const computed: string[] = [];
    const upper = remembered(2, (key: string) => (computed.push(key), key.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
    expect(upper('c')).toBe('C'); // full: forgets a and b
    expect(upper('a')).toBe('A');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
