import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/search/format/index-format.ts';
import { shownColumns } from '../../src/ui/state/facet-lists.ts';
import { facetValues, storedFilters } from '../../src/ui/state/facet-values-list.ts';
import { toggledFilter } from '../../src/ui/state/facet-filters.ts';

describe('shownColumns', () => {
  it('shows a facet beyond the outlet only when the archive has two values of it or more', () => {
    const column = (name: string, values: number) => ({ name, key: `${name}s`, file: 'values-0.bin', bytes: 1, values, codes: values });
    expect(shownColumns({ columns: [column('author', 1), column('tag', 2)] } as unknown as Manifest)).toEqual(['tag']);
    expect(shownColumns(null)).toEqual([]);
  });
});

describe('facetValues', () => {
  const table = { names: ['台湾', '香港', '经济', '旧标签'], counts: [9, 4, 2, 0], traditional: { 0: '台灣', 2: '經濟' } };

  it('lists the counted values by count then name', () => {
    expect(facetValues({ counts: { tag: { 香港: 3, 台湾: 5, 澳门: 3 } } }, undefined, 'tag')).toEqual([
      { name: '台湾', count: 5 },
      { name: '澳门', count: 3 },
      { name: '香港', count: 3 },
    ]);
    expect(facetValues(undefined, undefined, 'tag')).toEqual([]);
  });

  it('lists every value the archive has, at 0 when the answer did not count it, never one no article holds', () => {
    expect(facetValues({ counts: { tag: { 香港: 3 } } }, table, 'tag')).toEqual([
      { name: '香港', count: 3 },
      { name: '台湾', count: 0 },
      { name: '经济', count: 0 },
    ]);
  });

  it('names the counts an answer gave by code', () => {
    expect(facetValues({ counts: {}, byCode: { tag: { 2: 1, 0: 7 } } }, table, 'tag')).toEqual([
      { name: '台湾', count: 7 },
      { name: '经济', count: 1 },
      { name: '香港', count: 0 },
    ]);
    // Not named yet: nothing to list.
    expect(facetValues({ counts: {}, byCode: { tag: { 2: 1 } } }, undefined, 'tag')).toEqual([]);
  });

  it('gives the archive-wide counts before any answer, or with one that did not count the facet (the start page)', () => {
    expect(facetValues({ counts: { outlet: { BBC: 1 } } }, table, 'tag')).toEqual(facetValues(undefined, table, 'tag'));
    expect(facetValues(undefined, table, 'tag')).toEqual([
      { name: '台湾', count: 9 },
      { name: '香港', count: 4 },
      { name: '经济', count: 2 },
    ]);
  });
});

describe('storedFilters', () => {
  const table = { names: ['张三', 'Reuters'], counts: [3, 1], traditional: { 0: '張三' } };
  it('turns a traditional form into the stored name, leaves others, and says when nothing changes', () => {
    expect(storedFilters({ author: ['張三', '无此人'], outlet: ['法廣'] }, (facet) => (facet === 'author' ? table : undefined))).toEqual({ author: ['张三', '无此人'], outlet: ['法廣'] });
    expect(storedFilters({ author: ['张三', '張三'] }, () => table)).toEqual({ author: ['张三'] });
    expect(storedFilters({ author: ['张三'] }, () => table)).toBeNull();
  });
});

describe('toggledFilter', () => {
  it('adds, removes and clears one facet\'s values, dropping a facet left empty', () => {
    const one = toggledFilter({ outlet: ['法广'] }, 'tag', '香港');
    expect(one).toEqual({ outlet: ['法广'], tag: ['香港'] });
    expect(toggledFilter(one, 'tag', '香港')).toEqual({ outlet: ['法广'] });
    expect(toggledFilter(one, 'outlet', null)).toEqual({ tag: ['香港'] });
  });
});
