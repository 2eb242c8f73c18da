/**
 * The order of a facet's list (outlets; authors and tags alike): selected values first, then by
 * count; the first ten with a result listed, the rest and the values with no result behind "show
 * all"; and an order that can be frozen, so that the box just ticked does not jump away under the
 * pointer when the answer arrives. Pure: the component keeps the frozen order and the switch.
 */

/** A value with its count for the current query. */
export interface FacetCount {
  name: string;
  count: number;
}

/** A row of the list. */
export interface FacetRow extends FacetCount {
  isSelected: boolean;
  /** Selected (from a URL) but not a value the archive has. */
  isUnknown: boolean;
}

export interface FacetListOptions {
  /** Show every value: those past the first {@link FACET_LIST_LIMIT} and those with no result. */
  showAll: boolean;
  /** The names in the order shown when the list was frozen, or null: values not in it come after, in their own order. */
  frozen: readonly string[] | null;
}

/**
 * Orders a facet's values: the selected ones (those the archive does not have first, then by
 * count), then the others by count; ties keep the order of `counts`. A selected value `counts`
 * does not hold is listed at 0: as unknown when `unknown` says so, or, without `unknown`, always
 * (the outlet's `counts` hold every value the archive has; an author's or a tag's only those the
 * answer counted).
 *
 * @param counts the values with their counts, by count (as `outletCounts` gives them)
 * @param unknown the selected values the archive does not have, when `counts` cannot tell
 * @example orderFacetRows([{ name: 'A', count: 5 }, { name: 'B', count: 2 }], ['B']).map((row) => row.name) // ['B', 'A']
 */
export function orderFacetRows(counts: readonly FacetCount[], selected: readonly string[], unknown?: ReadonlySet<string>): FacetRow[] {
  const chosen = new Set(selected);
  const isUnknown = (name: string) => unknown?.has(name) ?? false;
  const rows = counts.map((value) => ({ ...value, isSelected: chosen.has(value.name), isUnknown: isUnknown(value.name) }));
  const listed = new Set(counts.map((value) => value.name));
  const missing = selected.filter((name) => !listed.has(name)).map((name) => ({ name, count: 0, isSelected: true, isUnknown: unknown ? isUnknown(name) : true }));
  const byCount = (a: FacetRow, b: FacetRow) => b.count - a.count;
  const selectedRows = [...rows.filter((row) => row.isSelected), ...missing.filter((row) => !row.isUnknown)].sort(byCount);
  return [...missing.filter((row) => row.isUnknown), ...selectedRows, ...rows.filter((row) => !row.isSelected).sort(byCount)];
}

/**
 * How many values a facet lists before "show all" (InstantSearch's refinement list shows 10): a
 * tag facet can have hundreds of values, and every one listed is laid out again on each answer.
 */
export const FACET_LIST_LIMIT = 10;

/** What {@link visibleFacetRows} lists and what it holds back. */
export interface VisibleFacetRows {
  rows: FacetRow[];
  /** Values not listed. */
  hidden: number;
  /** Of those, the values with no result. */
  hiddenEmpty: number;
}

/**
 * The rows to list, and how many are hidden: a value with no result, and any value past the first
 * {@link FACET_LIST_LIMIT}, is hidden unless it is selected, `showAll` is on, or the frozen order
 * holds it (nothing disappears under the pointer).
 *
 * @example visibleFacetRows(rows, { showAll: false, frozen: null }) // { rows: [...the first 10 with a count, or selected], hidden: 3, hiddenEmpty: 1 }
 */
export function visibleFacetRows(ordered: readonly FacetRow[], { showAll, frozen }: FacetListOptions): VisibleFacetRows {
  const frozenAt = new Map(frozen?.map((name, at) => [name, at]));
  const mustShow = (row: FacetRow) => row.isSelected || frozenAt.has(row.name);
  const shown = showAll ? [...ordered] : ordered.filter((row) => row.count > 0 || mustShow(row));
  if (frozen) {
    const rank = (row: FacetRow) => frozenAt.get(row.name) ?? frozen.length;
    // A stable sort: values the frozen order does not hold keep their own order after it.
    shown.sort((a, b) => rank(a) - rank(b));
  }
  const rows = showAll ? shown : shown.filter((row, at) => at < FACET_LIST_LIMIT || mustShow(row));
  const listed = new Set(rows);
  return { rows, hidden: ordered.length - rows.length, hiddenEmpty: ordered.filter((row) => row.count === 0 && !listed.has(row)).length };
}
