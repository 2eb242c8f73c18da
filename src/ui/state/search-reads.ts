/**
 * What components read from the search state (`search-state.svelte.ts`, which adds the intents
 * and the lifecycle): the language's strings, the inputs, the results and their status line, the
 * reader, the error shown. Each read is the part's own, or made from the parts as they are now.
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { Facets, SortOrder } from '../../lib/search/types.ts';
import { OUTLET_FACET } from '../../lib/search/categorical-facets.ts';
import type { Lang, Messages } from '../i18n/i18n.ts';
import type { SearchAnswer } from '../../protocol/worker-protocol.ts';
import type { IndexOpening } from './index-opening.svelte.ts';
import type { Locale } from './locale.svelte.ts';
import type { QueryInputs } from './query-inputs.svelte.ts';
import type { Reader } from './reader.svelte.ts';
import type { Results } from './results.svelte.ts';
import type { ShownErrors } from './shown-errors.svelte.ts';
import { isPartialAnswer, queryCutText, statusText } from './status-text.ts';
import type { SummaryLoader } from './summary-loader.svelte.ts';
import type { ReaderState, ResultInfo, ShownError } from './types.ts';
import { serializeUrlState, type UrlState } from './url-state.ts';
import { activeFilters, unknownFiltersText, unknownSelected, type ActiveFilter } from './active-filters.ts';
import type { FacetValueTable } from '../../lib/search/format/facet-values.ts';

export abstract class SearchReads {
  /** Absolute URL of the hosted page when articles open there, else null (the reader). */
  abstract readonly pageUrl: string | null;
  protected abstract readonly locale: Locale;
  protected abstract readonly errors: ShownErrors;
  protected abstract readonly index: IndexOpening;
  protected abstract readonly inputs: QueryInputs;
  protected abstract readonly results: Results;
  protected abstract readonly readerPart: Reader;
  protected abstract readonly loader: SummaryLoader;
  /**
   * Every value of the author, tag, … facets by facet name, with archive-wide counts and
   * traditional forms (the index's values files), once asked for (`loadFacetValues`) and in.
   */
  abstract readonly facetTables: Readonly<Record<string, FacetValueTable>> | null;
  /** The search and the open article as the URL writes them. */
  protected abstract urlState(): UrlState;

  get manifest(): Manifest | null {
    return this.index.manifest;
  }
  get indexStatus(): 'loading' | 'ready' | 'error' {
    return this.index.status;
  }
  /** The error shown, with its Retry. */
  get error(): ShownError | null {
    return this.errors.error;
  }

  get lang(): Lang {
    return this.locale.lang;
  }
  get t(): Messages {
    return this.locale.t;
  }
  /** False until the strings of `lang` have arrived: the App shows nothing in a wrong language. */
  get hasMessages(): boolean {
    return this.locale.hasMessages;
  }

  get text(): string {
    return this.inputs.text;
  }
  set text(text: string) {
    this.inputs.text = text;
  }
  get outlets(): string[] {
    return this.inputs.outlets;
  }
  /** Selected values by facet name (`{ outlet: […], author: […], tag: […] }`). */
  get filters(): Record<string, string[]> {
    return this.inputs.filters;
  }
  get from(): string {
    return this.inputs.from;
  }
  get to(): string {
    return this.inputs.to;
  }
  get sort(): SortOrder {
    return this.inputs.sort;
  }
  get hasFilters(): boolean {
    return this.inputs.hasFilters;
  }
  /** The chips above the results: each categorical value, the date range, an order other than the default. */
  get activeFilters(): ActiveFilter[] {
    const { text, filters, from, to, sort } = this.inputs;
    return activeFilters({ text, filters, from, to, sort }, this.manifest, this.t, this.answer?.facets.unknown, (facet, value) => this.valueName(facet, value));
  }
  /** The line that says which active filters match nothing in the archive ('' when all do). */
  get unknownFiltersText(): string {
    return unknownFiltersText(this.activeFilters, this.manifest, this.t);
  }

  /** The latest answer, its hits grown by "Load more". */
  get answer(): SearchAnswer | null {
    return this.results.answer;
  }
  /** Query text of `answer`: snippets and marks are made for it. */
  get answerText(): string {
    return this.results.answerText;
  }
  get isSearching(): boolean {
    return this.results.isSearching;
  }
  /** The results shown answer an older search while a newer one runs. */
  get isStale(): boolean {
    return this.results.isStale;
  }
  get isLoadingMore(): boolean {
    return this.results.isLoadingMore;
  }

  /** The open article, or null. */
  get reader(): ReaderState | null {
    return this.readerPart.state;
  }

  /**
   * The results are busy while a search runs and while they answer other words than the box's
   * (typed, not searched yet): the list's `aria-busy`.
   */
  get isBusy(): boolean {
    return this.isSearching || this.results.searchedText !== this.text.trim();
  }

  /** True while the answer shown covers only the newest articles (a progressive search goes on). */
  get isPartial(): boolean {
    return isPartialAnswer(this.answer);
  }

  /** Status line: the number of results as digits (or what the page is waiting for). */
  get statusText(): string {
    const { answer, manifest, indexStatus, isSearching } = this;
    const { isManifestListing } = this.results;
    const searchFailed = this.errors.isShown(this.results.retry);
    return statusText({ answer, manifest, indexStatus, isSearching, isManifestListing, isQuery: this.inputs.isQuery, searchFailed }, this.t);
  }

  /** What the query limits cut from the query shown, as sentences (empty when nothing). */
  get queryCutText(): string {
    return queryCutText(this.answer, this.t);
  }

  /** Article numbers of the rows to list: the results, or the manifest's newest before any answer. */
  get rows(): number[] {
    return this.results.rows;
  }

  /** True once an answer's first page shows every row's summary (or says it could not be loaded). */
  get isFirstPageShown(): boolean {
    return this.results.isFirstPageShown;
  }

  get hasMore(): boolean {
    return this.results.hasMore;
  }

  /** Near-duplicates collapsed under result `number` (article numbers, in result order). */
  similarOf(number: number): number[] {
    return this.results.similarOf(number);
  }

  /** True when result `number` shows its near-duplicates. */
  isExpanded(number: number): boolean {
    return this.results.isExpanded(number);
  }

  /** Shows or hides the near-duplicates under result `number`, in place. */
  toggleSimilar(number: number): void {
    this.results.toggleSimilar(number);
  }

  /** What a row can show now. */
  infoOf(number: number): ResultInfo | null {
    return this.results.infoOf(number);
  }

  /** True when the row's summary could not be loaded. */
  hasFailedSummary(number: number): boolean {
    return this.loader.failed.has(number);
  }

  /** The facets the filter panel shows: the latest answer's, one paint after its results (`Results.panelFacets`). */
  get panelFacets(): Facets | null {
    return this.results.panelFacets;
  }

  /** Outlets with their counts for the current query (manifest counts before any answer), by count. */
  get outletCounts(): Array<{ name: string; count: number }> {
    return this.results.outletCounts;
  }

  /**
   * A facet's value as a reader of this language reads it: the traditional UI's outlet, author and
   * tag names in traditional characters (an outlet's from a small table, the others from the
   * index's values files); the stored name otherwise, and for filters and URLs always.
   */
  valueName(facet: string, value: string): string {
    if (facet === OUTLET_FACET.name) return value ? this.t.displayName(value) : this.t.unknownOutlet;
    const table = this.lang === 'zh-Hant' ? this.facetTables?.[facet] : undefined;
    const code = table ? table.names.indexOf(value) : -1;
    return (code >= 0 ? table!.traditional[code] : undefined) ?? value;
  }

  /** Selected values of facet `facet` the archive does not have: known for the outlet from the manifest, for the others from the latest answer. */
  unknownValues(facet: string): ReadonlySet<string> {
    return unknownSelected(this.inputs.filters, this.manifest, this.answer?.facets.unknown)[facet] ?? new Set();
  }

  /** Link to the current search narrowed to one value of a facet (the reader's author link). */
  filterHref(facet: string, value: string): string {
    const { search } = serializeUrlState({ ...this.urlState(), filters: { ...this.inputs.filters, [facet]: [value] }, articleId: '' });
    return this.pageUrl ? new URL(search || '?', this.pageUrl).href : search || '?';
  }

  /** Shareable link to an article, on this page's current search. */
  articleHref(id: string): string {
    const { search } = serializeUrlState({ ...this.urlState(), articleId: '' });
    const href = `${search || '?'}#a=${id}`;
    return this.pageUrl ? new URL(href, this.pageUrl).href : href;
  }

  /** An attachment for a result row: loads its summary when it is on screen. */
  watch(number: number) {
    return this.loader.watch(number);
  }
}
