/**
 * Which categorical facets the filter panel shows, and their values with counts: pure, so the
 * search state, the widget and the unit tests share it.
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { Facets } from '../../lib/search/types.ts';

/** One value of a facet, with the articles it would match. */
export interface FacetValue {
  name: string;
  count: number;
}

/** A facet beyond the outlet shows from this many values in the archive on: one value narrows nothing. */
export const MIN_FACET_VALUES = 2;

/** The facets beyond the outlet that the archive has enough values of, in the manifest's order. */
export function shownColumns(manifest: Manifest | null): string[] {
  return (manifest?.columns ?? []).filter((column) => column.values >= MIN_FACET_VALUES).map((column) => column.name);
}

/**
 * The values of facet `name` with their counts in the latest answer, by count then name; values
 * selected in `selected` stay listed (at 0) even when the answer does not count them, so that a
 * ticked box never disappears. Empty until an answer has counted the facet.
 *
 * @example facetValues({ tag: { 香港: 3, 台湾: 5 } }, 'tag', ['经济']) // [{ name: '台湾', count: 5 }, { name: '香港', count: 3 }, { name: '经济', count: 0 }]
 */
export function facetValues(counts: Facets['counts'] | undefined, name: string, selected: readonly string[]): FacetValue[] {
  const facet = counts?.[name] ?? {};
  const values = Object.entries(facet).map(([value, count]) => ({ name: value, count }));
  for (const value of selected) if (!Object.hasOwn(facet, value)) values.push({ name: value, count: 0 });
  return values.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
