/**
 * What the visitor asks: the words in the box, the categorical filters (outlet, author, tag, …),
 * the dates and the order, and the changes the page's controls make to them. Running the search
 * and writing the URL are the caller's (`search-state.svelte.ts`): these only change the inputs.
 */
import { hasFacetFilters, OUTLET_FACET } from '../../lib/search/categorical-facets.ts';
import type { SearchQuery, SortOrder } from '../../lib/search/types.ts';
import { withoutQueryWord } from '../../lib/search/query/query-operators.ts';
import { queryOf, type SearchInputs } from '../../protocol/search-request.ts';
import { toggledFilter } from './facet-filters.ts';

export class QueryInputs implements SearchInputs {
  text = $state('');
  /** Selected values by facet name (`categorical-facets.ts`); a facet without values is absent. */
  filters: Record<string, string[]> = $state.raw({});
  from = $state('');
  to = $state('');
  sort: SortOrder = $state('relevance');

  readonly hasFilters = $derived(hasFacetFilters(this.filters) || this.from !== '' || this.to !== '');

  /** The selected outlets (`filters.outlet`). */
  get outlets(): string[] {
    return this.filters[OUTLET_FACET.name] ?? [];
  }

  /** The values selected in facet `facet`. */
  selected(facet: string): string[] {
    return this.filters[facet] ?? [];
  }

  /** Words typed or a filter set: not the bare listing. */
  get isQuery(): boolean {
    return this.text.trim() !== '' || this.hasFilters;
  }

  /** The worker query for these inputs (no page size). */
  query(): SearchQuery {
    return queryOf(this);
  }

  /** Takes every input from `inputs` (the URL's, Back/Forward). */
  apply(inputs: SearchInputs): void {
    this.text = inputs.text;
    this.filters = inputs.filters;
    this.from = inputs.from;
    this.to = inputs.to;
    this.sort = inputs.sort;
  }

  /** Selects one value of a categorical facet, or unselects it when it was selected. */
  toggleValue(facet: string, value: string): void {
    this.filters = toggledFilter(this.filters, facet, value);
  }

  /** Narrows facet `facet` to `value` alone (the reader's author link). */
  onlyValue(facet: string, value: string): void {
    this.filters = toggledFilter(this.filters, facet, null, [value]);
  }

  setDateRange(from: string, to: string): void {
    // A reversed range is what a visitor means the other way round.
    [this.from, this.to] = from && to && from > to ? [to, from] : [from, to];
  }

  /** Unselects one value of a categorical facet. */
  removeValue(facet: string, value: string): void {
    if (this.selected(facet).includes(value)) this.toggleValue(facet, value);
  }

  /** Clears one categorical facet's selection. */
  clearFacet(facet: string): void {
    this.filters = toggledFilter(this.filters, facet, null);
  }

  /** Clears every categorical facet's selection. */
  clearFacets(): void {
    this.filters = {};
  }

  clearDates(): void {
    this.from = this.to = '';
  }

  /** Drops one of the typed words (a "no results" suggestion). */
  dropTerm(term: string): void {
    this.text = withoutQueryWord(this.text, term);
  }
}
