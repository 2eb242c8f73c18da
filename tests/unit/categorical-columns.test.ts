import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/article/types.ts';
import { buildColumn } from '../../src/lib/search/build/build-columns.ts';
import { DEFAULT_FACET_COLUMNS } from '../../src/lib/search/categorical-facets.ts';
import { createDocsTable, decodeFacetRowsInto, encodeFacetRows } from '../../src/lib/search/format/docs-table.ts';
import { countFacets, type ResolvedFilters } from '../../src/lib/search/query/facets.ts';

const TAG = DEFAULT_FACET_COLUMNS.find((facet) => facet.name === 'tag')!;
const article = (tags: string[]): Article => ({ id: '', title: '', url: '', outlet: 'o', author: '', tags, date: '', text: '', html: '', file: '' });

describe('buildColumn', () => {
  it('keeps the previous codes and gives new values the next ones, most frequent first', () => {
    const column = buildColumn([article(['b', 'c']), undefined, article(['c'])], TAG, ['a', 'b']);
    expect(column.values).toEqual(['a', 'b', 'c']);
    expect(column.rows).toEqual([[1, 2], [], [2]]);
    expect(column.inUse).toBe(2);
  });
});

describe('a docs block\'s facet rows', () => {
  it('round-trip each row\'s outlet and values, none, one or several', () => {
    const table = createDocsTable(4, 1, 2);
    table.outlet.set([0, 0, 1, 1]);
    table.columns[0] = [[], [3], [0, 1, 2], []];
    table.columns[1] = [[7], [], [], [200]];
    const read = createDocsTable(4, 1, 2);
    decodeFacetRowsInto(read, encodeFacetRows(table, 0, 4), 0);
    expect(read.columns).toEqual(table.columns);
    expect([...read.outlet]).toEqual([0, 0, 1, 1]);
  });

  it('are refused by a table that expects another number of columns', () => {
    const table = createDocsTable(2, 1, 1);
    expect(() => decodeFacetRowsInto(createDocsTable(2, 1, 2), encodeFacetRows(table, 0, 2), 0)).toThrow(/categorical columns/);
  });
});

describe('countFacets', () => {
  // Articles 0–3: outlets a a b b; tags: 0 {x}, 1 {x, y}, 2 {y}, 3 {}.
  const table = createDocsTable(4, 1, 1);
  table.outlet.set([0, 0, 1, 1]);
  table.columns[0] = [[0], [0, 1], [1], []];
  table.day.set([1, 1, 1, 1]);
  const names = { names: ['outlet', 'tag'], values: [['a', 'b'], ['x', 'y']] };
  const filters = (outlet: number[] | null, tag: number[] | null): ResolvedFilters => ({ categorical: [outlet && new Set(outlet), tag && new Set(tag)], fromDay: 0, toDay: Infinity });

  it('counts every value of a multi-valued facet', () => {
    expect(countFacets([0, 1, 2, 3], table, names, filters(null, null)).counts).toEqual({ outlet: { a: 2, b: 2 }, tag: { x: 2, y: 2 } });
  });

  it('applies every filter but a facet\'s own to its counts', () => {
    const counts = countFacets([0, 1, 2, 3], table, names, filters([1], [0])).counts;
    expect(counts['outlet']).toEqual({ a: 2 }); // tag x: articles 0 and 1, both outlet a
    expect(counts['tag']).toEqual({ y: 1 }); // outlet b: articles 2 and 3; only 2 has a tag
  });

  it('counts a facet whose names are not loaded by code, with the same filters', () => {
    const facets = countFacets([0, 1, 2, 3], table, { names: ['outlet', 'tag'], values: [['a', 'b'], null], codes: [2, 2] }, filters([1], null));
    expect(facets.counts).toEqual({ outlet: { a: 2, b: 2 } });
    expect(facets.byCode).toEqual({ tag: { 1: 1 } }); // outlet b: articles 2 and 3; only 2 has a tag, y
  });

  it('leaves out a facet whose names are not loaded and whose codes are not known', () => {
    expect(countFacets([0], table, { names: ['outlet', 'tag'], values: [['a', 'b'], null] }, filters(null, null)).counts).toEqual({ outlet: { a: 1 } });
  });
});
