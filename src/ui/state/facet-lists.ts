/**
 * Which categorical facets the filter panel shows, and their values with counts: pure, so the
 * search state, the widget and the unit tests share it.
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { Facets } from '../../lib/search/types.ts';
import type { FacetValueTable } from '../../lib/search/format/facet-values.ts';

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
 * The values of facet `name` with their counts, by count then name. With an answer that counted
 * the facet: its counts (by name, or by code named through `table`), and with `table` every other
 * value the archive has at 0 (hidden until "show all"). Without (the start page: the bare listing's
 * answer comes from the manifest, which counts only outlets and dates): `table`'s archive-wide
 * counts. Values no article holds any more (a code kept from an earlier build) are never listed.
 * Empty until an answer has counted the facet or the table is in.
 *
 * @example facetValues({ counts: { tag: { 香港: 3 } } }, { names: ['台湾', '香港'], counts: [9, 4], traditional: {} }, 'tag') // [{ name: '香港', count: 3 }, { name: '台湾', count: 0 }]
 * @example facetValues(undefined, { names: ['台湾', '香港'], counts: [9, 4], traditional: {} }, 'tag') // [{ name: '台湾', count: 9 }, { name: '香港', count: 4 }]
 */
export function facetValues(answer: Pick<Facets, 'counts' | 'byCode'> | undefined, table: FacetValueTable | undefined, name: string): FacetValue[] {
  const counts = new Map<string, number>();
  const byName = answer?.counts[name];
  const byCode = answer?.byCode?.[name];
  const isCounted = byName !== undefined || byCode !== undefined;
  for (const [value, count] of Object.entries(byName ?? {})) counts.set(value, count);
  if (byCode && table) for (const [code, count] of Object.entries(byCode)) counts.set(table.names[Number(code)] ?? '', count);
  counts.delete('');
  if (table) {
    table.names.forEach((value, code) => {
      if (table.counts[code]! > 0 && !counts.has(value)) counts.set(value, isCounted ? 0 : table.counts[code]!);
    });
  }
  const values = [...counts].map(([value, count]) => ({ name: value, count }));
  return values.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
