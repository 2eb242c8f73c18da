import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/search/format/index-format.ts';
import { facetValues, shownColumns } from '../../src/ui/state/facet-lists.ts';
import { toggledFilter } from '../../src/ui/state/facet-filters.ts';

describe('shownColumns', () => {
  it('shows a facet beyond the outlet only when the archive has two values of it or more', () => {
    const column = (name: string, values: number) => ({ name, key: `${name}s`, file: 'values-0.bin', bytes: 1, values });
    expect(shownColumns({ columns: [column('author', 1), column('tag', 2)] } as unknown as Manifest)).toEqual(['tag']);
    expect(shownColumns(null)).toEqual([]);
  });
});

describe('facetValues', () => {
  it('lists the counted values by count then name, and keeps a selected value the answer does not count', () => {
    expect(facetValues({ tag: { 香港: 3, 台湾: 5, 澳门: 3 } }, 'tag', ['经济', '香港'])).toEqual([
      { name: '台湾', count: 5 },
      { name: '澳门', count: 3 },
      { name: '香港', count: 3 },
      { name: '经济', count: 0 },
    ]);
    expect(facetValues(undefined, 'tag', [])).toEqual([]);
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
