import { tableShape, type PluginDefinition } from '../../../src/sdk';
import { ColumnPlanner } from '../../../src/engine/columns/column-planner';
import type { SelectedFields } from '../../../src/engine/columns/selected-fields';

interface ThingsTable {
  id: string;
  tenant_id: string;
  title: string;
  body_text: string;
  price: string;
  currency_code: string;
}

const owner = {
  name: 'things',
  columns: {
    Thing: {
      table: tableShape<ThingsTable>('things', {
        id: true,
        tenant_id: true,
        title: true,
        body_text: true,
        price: true,
        currency_code: true,
      }),
      always: ['id', 'tenant_id'],
      fields: { cost: ['price', 'currency_code'], summary: [] },
    },
  },
} as unknown as PluginDefinition;

const extension = {
  name: 'sync',
  columns: { Thing: { addsColumns: ['external_id'], fields: { remoteId: ['external_id'] } } },
} as unknown as PluginDefinition;

const selection = (fields: string[]): SelectedFields => new Map([['Thing', new Set(fields)]]);

interface PartsTable {
  id: string;
  tenant_id: string;
  thing_id: string;
  label: string;
  weight: string;
}

/** Parts of a thing: `Thing.labels` reads its parts' labels, whatever the query selects of Part. */
const parts = {
  name: 'parts',
  columns: {
    Part: {
      table: tableShape<PartsTable>('parts', { id: true, tenant_id: true, thing_id: true, label: true, weight: true }),
      always: ['id', 'tenant_id', 'thing_id'],
    },
    Thing: {
      fields: {
        labels: { own: [], otherTypes: { Part: ['label'] } },
        heaviest: { otherTypes: { Part: ['weight'] } },
      },
    },
  },
} as unknown as PluginDefinition;

describe('ColumnPlanner', () => {
  const planner = new ColumnPlanner([owner, extension], true);

  it('selects the always columns, declared fields, and snake_case columns of undeclared fields', () => {
    const choice = planner.choose(
      selection(['title', 'bodyText', 'cost', 'summary', 'remoteId', 'noSuchColumn']),
      'Thing',
    );
    expect([...choice.names].sort()).toEqual(
      ['body_text', 'currency_code', 'external_id', 'id', 'price', 'tenant_id', 'title'].sort(),
    );
  });

  it('answers every column without an analysed operation or for an undeclared type', () => {
    expect(planner.choose(undefined, 'Thing').names).toBe('all');
    expect(planner.choose(selection(['title']), 'Other').names).toBe('all');
  });

  it('gives one choice per operation and type, extended by a loader’s own keys', () => {
    const selected = selection(['title']);
    const choice = planner.choose(selected, 'Thing');
    expect(planner.choose(selected, 'Thing')).toBe(choice);
    expect(choice.with(['id'])).toBe(choice);
    expect(choice.with(['price']).names).toContain('price');
  });

  it('guards partial rows: an unselected column of the table throws, naming table and column', () => {
    const choice = planner.choose(selection(['title']), 'Thing');
    const read: Record<string, unknown>[] = [{ id: '1', tenant_id: 't', title: 'Tent' }];
    const [row] = choice.guard(read);
    expect(row.title).toBe('Tent');
    expect(row.then).toBeUndefined();
    expect({ ...row }).toEqual({ id: '1', tenant_id: 't', title: 'Tent' });
    expect(() => row.body_text).toThrow(/things\.body_text was read but not selected/);
    expect(() => row.external_id).toThrow(/things\.external_id/);
  });

  it('leaves rows as they are when not guarding (production)', () => {
    const production = new ColumnPlanner([owner, extension], false);
    const rows = [{ id: '1' }];
    expect(production.choose(selection(['title']), 'Thing').guard(rows)[0]).toBe(rows[0]);
  });

  it('selects columns of another type that a selected field reads, though the query selects nothing of it', () => {
    const planner = new ColumnPlanner([owner, extension, parts], true);
    const onlyThing = (fields: string[]) => planner.choose(selection(fields), 'Part').names;
    expect([...onlyThing(['labels'])].sort()).toEqual(['id', 'label', 'tenant_id', 'thing_id']);
    expect([...onlyThing(['title'])].sort()).toEqual(['id', 'tenant_id', 'thing_id']);
    // The reading field's own columns: none for `own: []`, the snake_case default when `own` is omitted.
    expect([...planner.choose(selection(['labels']), 'Thing').names].sort()).toEqual(['id', 'tenant_id']);
    const both: SelectedFields = new Map([
      ['Thing', new Set(['heaviest'])],
      ['Part', new Set(['label'])],
    ]);
    expect([...planner.choose(both, 'Part').names].sort()).toEqual(['id', 'label', 'tenant_id', 'thing_id', 'weight']);
  });

  it('refuses another type’s columns its table lacks, or another type no plugin gives a table', () => {
    const typo = {
      name: 'typo',
      columns: { Thing: { fields: { labels: { otherTypes: { Part: ['lable'] } } } } },
    } as unknown as PluginDefinition;
    expect(() => new ColumnPlanner([owner, parts, typo], true)).toThrow(/Part name columns parts lacks: lable/);
    const unknownType = {
      name: 'unknown',
      columns: { Thing: { fields: { labels: { otherTypes: { Widget: ['label'] } } } } },
    } as unknown as PluginDefinition;
    expect(() => new ColumnPlanner([owner, unknownType], true)).toThrow(/Widget name no table.*read by Thing\.labels/);
  });

  it('refuses declarations naming a column the table lacks, or a type without a table', () => {
    const typo = { name: 'typo', columns: { Thing: { fields: { title: ['titel'] } } } } as unknown as PluginDefinition;
    expect(() => new ColumnPlanner([owner, typo], true)).toThrow(/things lacks: titel/);
    expect(() => new ColumnPlanner([extension], true)).toThrow(/Thing name no table/);
  });
});
