import { describe, expect, it } from 'vitest';
import { orderFacetRows, visibleFacetRows } from '../../src/ui/state/facet-order.ts';

const COUNTS = [
  { name: '联合早报', count: 5 },
  { name: '法广', count: 3 },
  { name: 'BBC', count: 0 },
  { name: '美国之音', count: 0 },
];
const names = (rows: Array<{ name: string }>) => rows.map((row) => row.name);

describe('orderFacetRows', () => {
  it('puts the selected values first (unknown ones before them), then the rest by count', () => {
    const rows = orderFacetRows(COUNTS, ['美国之音', '法广', 'NoSuchOutlet']);
    expect(names(rows)).toEqual(['NoSuchOutlet', '法广', '美国之音', '联合早报', 'BBC']);
    expect(rows[0]).toEqual({ name: 'NoSuchOutlet', count: 0, isSelected: true, isUnknown: true });
    expect(rows.filter((row) => row.isSelected)).toHaveLength(3);
  });
});

describe('visibleFacetRows', () => {
  it('hides values with no result unless selected, and "show all" reveals them', () => {
    const rows = orderFacetRows(COUNTS, ['美国之音']);
    expect(visibleFacetRows(rows, { showAll: false, frozen: null })).toEqual({ rows: rows.slice(0, 3), hidden: 1 });
    expect(names(visibleFacetRows(rows, { showAll: true, frozen: null }).rows)).toEqual(['美国之音', '联合早报', '法广', 'BBC']);
  });

  it('keeps a frozen order: the value just selected stays where it was, and nothing frozen disappears', () => {
    const before = visibleFacetRows(orderFacetRows(COUNTS, []), { showAll: true, frozen: null });
    const frozen = names(before.rows);
    // Ticking 法广: unfrozen it would jump to the top; the counts also change under the pointer.
    const after = orderFacetRows([{ name: '联合早报', count: 0 }, ...COUNTS.slice(1)], ['法广']);
    expect(names(visibleFacetRows(after, { showAll: false, frozen }).rows)).toEqual(frozen);
    expect(names(visibleFacetRows(after, { showAll: false, frozen: null }).rows)).toEqual(['法广']);
    // A value the frozen order does not hold comes after it.
    const withNew = orderFacetRows([{ name: 'DW', count: 9 }, ...COUNTS], []);
    expect(names(visibleFacetRows(withNew, { showAll: false, frozen: ['法广', '联合早报'] }).rows)).toEqual(['法广', '联合早报', 'DW']);
  });
});
