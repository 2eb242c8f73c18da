/**
 * What the visitor asks: the words in the box, the outlets, the dates and the order, and the
 * changes the page's controls make to them. Running the search and writing the URL are the
 * caller's (`search-state.svelte.ts`): these only change the inputs.
 */
import type { SearchQuery, SortOrder } from '../../lib/search/types.ts';
import { withoutQueryWord } from '../../lib/search/query/query-operators.ts';
import { queryOf, type SearchInputs } from '../../protocol/search-request.ts';
import type { CategoricalFacet } from './active-filters.ts';

export class QueryInputs implements SearchInputs {
  text = $state('');
  outlets: string[] = $state.raw([]);
  from = $state('');
  to = $state('');
  sort: SortOrder = $state('relevance');

  readonly hasFilters = $derived(this.outlets.length > 0 || this.from !== '' || this.to !== '');

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
    this.outlets = inputs.outlets;
    this.from = inputs.from;
    this.to = inputs.to;
    this.sort = inputs.sort;
  }

  toggleOutlet(name: string): void {
    this.outlets = this.outlets.includes(name) ? this.outlets.filter((o) => o !== name) : [...this.outlets, name];
  }

  setDateRange(from: string, to: string): void {
    // A reversed range is what a visitor means the other way round.
    [this.from, this.to] = from && to && from > to ? [to, from] : [from, to];
  }

  /** Unselects one value of a categorical facet. */
  removeValue(facet: CategoricalFacet, value: string): void {
    if (facet === 'outlet') this.outlets = this.outlets.filter((o) => o !== value);
  }

  clearOutlets(): void {
    this.outlets = [];
  }

  clearDates(): void {
    this.from = this.to = '';
  }

  /** Drops one of the typed words (a "no results" suggestion). */
  dropTerm(term: string): void {
    this.text = withoutQueryWord(this.text, term);
  }
}
