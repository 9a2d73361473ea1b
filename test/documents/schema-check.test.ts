import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { compareSchemas, deprecationsWithoutReason } from '../../scripts/schema-compat';
import { compareWithRelease, FEDERATED, RELEASED_SUPERGRAPH, SUPERGRAPH } from '../../scripts/schema-baseline';

const BEFORE = `
  type Query { product(id: ID!): Product }
  type Product { id: ID! title: String! legacyCode: String }
  enum Sort { TITLE PRICE }
`;

describe('breaking-change check', () => {
  it('passes additions and reasoned deprecations', () => {
    const after = `
      type Query { product(id: ID!): Product products: [Product!]! }
      type Product { id: ID! title: String! legacyCode: String @deprecated(reason: "Use sku.") sku: String }
      enum Sort { TITLE PRICE CREATED }
    `;
    expect(compareSchemas(BEFORE, after, [])).toEqual({ unintended: [], intended: [], problems: [] });
  });

  it('fails on a removed field and a narrowed argument unless listed as intended with a reason', () => {
    const after = `
      type Query { product(id: ID!, locale: String!): Product }
      type Product { id: ID! title: String! }
      enum Sort { TITLE PRICE }
    `;
    const report = compareSchemas(BEFORE, after, []);
    expect(report.unintended.map((c) => c.description).sort()).toEqual([
      'A required arg locale on Query.product was added.',
      'Product.legacyCode was removed.',
    ]);
    const listed = compareSchemas(BEFORE, after, [
      { change: 'Product.legacyCode was removed.', reason: 'Unused since 2024; announced in the changelog.' },
      { change: 'A required arg locale on Query.product was added.', reason: '' },
    ]);
    expect(listed.intended.map((c) => c.description)).toEqual(['Product.legacyCode was removed.']);
    expect(listed.unintended.map((c) => c.description)).toEqual(['A required arg locale on Query.product was added.']);
    expect(listed.problems).toEqual([
      'intended change "A required arg locale on Query.product was added." gives no reason',
    ]);
  });

  it('names every @deprecated that gives no reason', () => {
    const sdl = `
      type Query { a: Int @deprecated b(x: Int @deprecated(reason: " ")): Int c: Int @deprecated(reason: "Use a.") }
      enum E { ONE @deprecated TWO }
      input I { f: Int @deprecated }
    `;
    expect(deprecationsWithoutReason(sdl)).toEqual(['Query.a', 'Query.b.x', 'E.ONE', 'I.f']);
  });

  it("checks the supergraph too: a remote service's field removed is a breaking change of the contract", () => {
    const root = mkdtempSync(join(tmpdir(), 'rg-supergraph-'));
    mkdirSync(join(root, 'schema'));
    const released = readFileSync(join(__dirname, '../..', RELEASED_SUPERGRAPH), 'utf8');
    expect(released).toMatch(/^ {2}rating: Float$/m);
    writeFileSync(join(root, RELEASED_SUPERGRAPH), released);
    writeFileSync(join(root, SUPERGRAPH), released.replace(/^ {2}rating: Float$/m, ''));
    const baseline = compareWithRelease(root, FEDERATED);
    expect(baseline.report.unintended.map((c) => c.description)).toContain('Product.rating was removed.');
  });

  it('passes on this repository against the released schema (npm run schema:check)', () => {
    const out = execFileSync('npx', ['tsx', join(__dirname, '../../scripts/schema-check.ts')], { encoding: 'utf8' });
    expect(out).toContain('schema:check: no unintended breaking change since the release');
  });
});
