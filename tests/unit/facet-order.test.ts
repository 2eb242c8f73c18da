import { describe, expect, it } from 'vitest';
import { FACET_LIST_LIMIT, orderFacetRows, visibleFacetRows } from '../../src/ui/state/facet-order.ts';

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

describe('orderFacetRows for a facet whose counts hold only the values the answer counted (author, tag)', () => {
  it('lists a selected value missing from the counts at 0, unknown only when the archive does not have it', () => {
    const counts = [
      { name: '王小明', count: 4 },
      { name: '李四', count: 1 },
    ];
    const rows = orderFacetRows(counts, ['赵六', '无此人', '李四'], new Set(['无此人']));
    expect(rows.map((row) => [row.name, row.count, row.isUnknown])).toEqual([
      ['无此人', 0, true],
      ['李四', 1, false],
      ['赵六', 0, false],
      ['王小明', 4, false],
    ]);
  });
});

describe('visibleFacetRows', () => {
  it('hides values with no result unless selected, and "show all" reveals them', () => {
    const rows = orderFacetRows(COUNTS, ['美国之音']);
    expect(visibleFacetRows(rows, { showAll: false, frozen: null })).toEqual({ rows: rows.slice(0, 3), hidden: 1, hiddenEmpty: 1 });
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

describe('visibleFacetRows on a long list (a tag facet with hundreds of values)', () => {
  const many = Array.from({ length: 40 }, (_, i) => ({ name: `标签${i}`, count: 40 - i }));

  it(`lists the first ${FACET_LIST_LIMIT} by count; "show all" lists every one`, () => {
    const shown = visibleFacetRows(orderFacetRows([...many, { name: '空', count: 0 }], []), { showAll: false, frozen: null });
    expect(names(shown.rows)).toEqual(many.slice(0, FACET_LIST_LIMIT).map((v) => v.name));
    expect(shown).toMatchObject({ hidden: 41 - FACET_LIST_LIMIT, hiddenEmpty: 1 });
    expect(visibleFacetRows(orderFacetRows(many, []), { showAll: true, frozen: null }).rows).toHaveLength(40);
  });

  it('always lists the selected values and the frozen ones, past the limit too', () => {
    const rows = orderFacetRows(many, ['标签35']);
    const shown = visibleFacetRows(rows, { showAll: false, frozen: null });
    expect(names(shown.rows)[0]).toBe('标签35');
    expect(shown.rows).toHaveLength(FACET_LIST_LIMIT);
    const frozen = ['标签39', ...many.slice(0, 12).map((v) => v.name)];
    const held = visibleFacetRows(orderFacetRows(many, []), { showAll: false, frozen });
    expect(names(held.rows)).toEqual(frozen);
  });
});
