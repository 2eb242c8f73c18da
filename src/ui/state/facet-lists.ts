/**
 * Which categorical facets the filter panel shows: pure, so the search state, the widget and the
 * unit tests share it. Their values with counts are `facet-values-list.ts` (the controls' chunk).
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';

/** A facet beyond the outlet shows from this many values in the archive on: one value narrows nothing. */
export const MIN_FACET_VALUES = 2;

/** The facets beyond the outlet that the archive has enough values of, in the manifest's order. */
export function shownColumns(manifest: Manifest | null): string[] {
  return (manifest?.columns ?? []).filter((column) => column.values >= MIN_FACET_VALUES).map((column) => column.name);
}
