/**
 * The filters a search has on, as the chips above the results show them (ActiveFilters.svelte):
 * one record per categorical value (outlet, author, tag, …), one for
 * the date range, one for the order when it is not the default. Pure: the inputs, the manifest
 * and the strings come in, so the page and the unit tests share it.
 */
import { OUTLET_FACET } from '../../lib/search/categorical-facets.ts';
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { SortOrder } from '../../lib/search/types.ts';
import { formatDate, type Messages } from '../i18n/i18n.ts';
import { shownSort } from './shown-sort.ts';

/** A categorical facet's name (`outlet`, `author`, `tag`, …: `categorical-facets.ts`), as the URL parameter it is read from. */
export type CategoricalFacet = string;

/** What a chip stands for: removing it removes exactly this. */
export type ActiveFilterFacet = CategoricalFacet | 'date' | 'sort';

export interface ActiveFilter {
  facet: ActiveFilterFacet;
  /** The value as the state holds it (an outlet's name, `from..to`, the sort order). */
  value: string;
  /** The value as a reader reads it. */
  label: string;
  /** A value the archive does not have (from a URL): the filter can match nothing. */
  isUnknown: boolean;
}

/** The inputs the chips are made from (the state's `QueryInputs`, or a URL's). */
export interface FilterInputs {
  text: string;
  /** Selected values per categorical facet, in the order the facets were first chosen. */
  filters: Readonly<Record<CategoricalFacet, readonly string[]>>;
  from: string;
  to: string;
  sort: SortOrder;
}

export { hasRankedWords, shownSort } from './shown-sort.ts';

/** A facet's name as a reader reads it: the legend of its box in the filter panel. */
export function facetLegend(facet: CategoricalFacet, t: Messages): string {
  return facet === OUTLET_FACET.name ? t.outletsLegend : (t.facetLabels[facet]?.legend ?? facet);
}

/**
 * Selected values the archive does not have, by facet: the outlets from the manifest (which lists
 * them all), the other facets as the latest answer reported them (`Facets.unknown`: their names
 * stay in the worker). None before the manifest arrives.
 */
export function unknownSelected(filters: FilterInputs['filters'], manifest: Manifest | null, answered: Readonly<Record<string, readonly string[]>> | undefined): Record<CategoricalFacet, ReadonlySet<string>> {
  const unknown: Record<CategoricalFacet, ReadonlySet<string>> = {};
  if (!manifest) return unknown;
  const outlets = new Set(manifest.outlets.map((outlet) => outlet.name));
  for (const facet of Object.keys(filters)) {
    unknown[facet] = facet === OUTLET_FACET.name ? new Set(filters[facet]!.filter((value) => !outlets.has(value))) : new Set(answered?.[facet] ?? []);
  }
  return unknown;
}

/**
 * The chips for `inputs`, in the order a reader set them up: categorical values (each facet in
 * turn, values in the order chosen), the date range, the order. `nameOf` labels a value as the
 * reader reads it (the traditional UI's names); without it, as stored.
 *
 * @example activeFilters({ text: '', filters: { outlet: ['BBC'] }, from: '2021-01-01', to: '', sort: 'relevance' }, manifest, t)
 * // [{ facet: 'outlet', value: 'BBC', label: 'BBC', isUnknown: false }, { facet: 'date', value: '2021-01-01..', label: '2021年1月1日起', isUnknown: false }]
 */
export function activeFilters(
  inputs: FilterInputs,
  manifest: Manifest | null,
  t: Messages,
  answeredUnknown?: Readonly<Record<string, readonly string[]>>,
  nameOf?: (facet: CategoricalFacet, value: string) => string,
): ActiveFilter[] {
  const unknown = unknownSelected(inputs.filters, manifest, answeredUnknown);
  const chips: ActiveFilter[] = [];
  for (const facet of Object.keys(inputs.filters)) {
    for (const value of inputs.filters[facet]!) {
      const label = nameOf ? nameOf(facet, value) : value || (facet === OUTLET_FACET.name ? t.unknownOutlet : value);
      chips.push({ facet, value, label, isUnknown: unknown[facet]?.has(value) ?? false });
    }
  }
  const { from, to } = inputs;
  if (from || to) {
    const label = from && to ? t.dateRangeChip(formatDate(from, t), formatDate(to, t)) : from ? t.dateFromChip(formatDate(from, t)) : t.dateToChip(formatDate(to, t));
    const span = manifest?.dates;
    // A range that misses the archive's dates altogether matches nothing, as an unknown value does.
    const isUnknown = span != null && ((from !== '' && from > span.last) || (to !== '' && to < span.first));
    chips.push({ facet: 'date', value: `${from}..${to}`, label, isUnknown });
  }
  const sort = shownSort(inputs.text, inputs.sort);
  if (sort !== shownSort(inputs.text, 'relevance')) {
    chips.push({ facet: 'sort', value: inputs.sort, label: sort === 'oldest' ? t.sortOldest : t.sortNewest, isUnknown: false });
  }
  return chips;
}

/**
 * The line that says which chips match nothing, in the reader's words; '' when none does.
 */
export function unknownFiltersText(chips: readonly ActiveFilter[], manifest: Manifest | null, t: Messages): string {
  const unknown = chips.filter((chip) => chip.isUnknown);
  if (unknown.length === 0) return '';
  const lines: string[] = [];
  const facets = [...new Set(unknown.map((chip) => chip.facet))].filter((facet) => facet !== 'date' && facet !== 'sort');
  for (const facet of facets) {
    const values = unknown.filter((chip) => chip.facet === facet).map((chip) => t.quoted(chip.label));
    lines.push(t.unknownValues(facetLegend(facet, t), values.join(t.wordSeparator)));
  }
  const span = manifest?.dates;
  if (unknown.some((chip) => chip.facet === 'date') && span) lines.push(t.datesOutsideArchive(formatDate(span.first, t), formatDate(span.last, t)));
  return lines.join(' ');
}
