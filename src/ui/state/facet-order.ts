/**
 * The order of a facet's list (outlets; authors and tags alike): selected values first, then by
 * count; values with no result hidden until "show all"; and an order that can be frozen, so that
 * the box just ticked does not jump away under the pointer when the answer arrives. Pure: the
 * component keeps the frozen order and the "show all" switch.
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
  /** Show values with no result too. */
  showAll: boolean;
  /** The names in the order shown when the list was frozen, or null: values not in it come after, in their own order. */
  frozen: readonly string[] | null;
}

/**
 * Orders a facet's values: the selected ones (those the archive does not have first, then by
 * count), then the others by count; ties keep the order of `counts`.
 *
 * @param counts the archive's values with their counts, by count (as `outletCounts` gives them)
 * @example orderFacetRows([{ name: 'A', count: 5 }, { name: 'B', count: 2 }], ['B']).map((row) => row.name) // ['B', 'A']
 */
export function orderFacetRows(counts: readonly FacetCount[], selected: readonly string[]): FacetRow[] {
  const chosen = new Set(selected);
  const rows = counts.map((value) => ({ ...value, isSelected: chosen.has(value.name), isUnknown: false }));
  const known = new Set(counts.map((value) => value.name));
  const unknown = selected.filter((name) => !known.has(name)).map((name) => ({ name, count: 0, isSelected: true, isUnknown: true }));
  const byCount = (a: FacetRow, b: FacetRow) => b.count - a.count;
  return [...unknown, ...rows.filter((row) => row.isSelected).sort(byCount), ...rows.filter((row) => !row.isSelected).sort(byCount)];
}

/**
 * The rows to list, and how many are hidden: a value with no result is hidden unless it is
 * selected, `showAll` is on, or the frozen order holds it (nothing disappears under the pointer).
 *
 * @example visibleFacetRows(rows, { showAll: false, frozen: null }) // { rows: [...rows with a count or selected], hidden: 3 }
 */
export function visibleFacetRows(ordered: readonly FacetRow[], { showAll, frozen }: FacetListOptions): { rows: FacetRow[]; hidden: number } {
  const frozenAt = new Map(frozen?.map((name, at) => [name, at]));
  const isShown = (row: FacetRow) => showAll || row.count > 0 || row.isSelected || frozenAt.has(row.name);
  const shown = ordered.filter(isShown);
  if (frozen) {
    const rank = (row: FacetRow) => frozenAt.get(row.name) ?? frozen.length;
    // A stable sort: values the frozen order does not hold keep their own order after it.
    shown.sort((a, b) => rank(a) - rank(b));
  }
  return { rows: shown, hidden: ordered.length - shown.length };
}
