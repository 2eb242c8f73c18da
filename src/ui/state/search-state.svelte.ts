/**
 * What the page shows and the intents that change it, composed of small parts: the index
 * (`index-opening`), the query inputs (`query-inputs`), the results (`results`), the reader
 * (`reader`), the language (`locale`), the error shown (`shown-errors`), the status texts
 * (`status-text`). Components read this object and call its intents; the worker
 * (`StateConnection`, passed in), the URL and the timers are reached from here only.
 */
import { createContext } from 'svelte';
import type { TextRange } from '../../lib/search/query/highlight.ts';
import { OUTLET_FACET } from '../../lib/search/categorical-facets.ts';
import type { SortOrder } from '../../lib/search/types.ts';
import { preferredChinese, type Lang } from '../i18n/i18n.ts';
import { resolveIndexFolder } from '../client/preopen.ts';
import { PAGE_SIZE } from '../../protocol/search-request.ts';
import type { LoadProgress } from '../../protocol/worker-protocol.ts';
import { connectWorker } from './connect-worker.ts';
import type { HistoryMode, HistorySync } from './history-sync.ts';
import { IndexOpening } from './index-opening.svelte.ts';
import { Locale } from './locale.svelte.ts';
import { QueryInputs } from './query-inputs.svelte.ts';
import { rememberedLang, rememberLang } from './remembered-lang.ts';
import { Reader } from './reader.svelte.ts';
import { Results } from './results.svelte.ts';
import { SearchReads } from './search-reads.ts';
import { ShownErrors } from './shown-errors.svelte.ts';
import { SummaryLoader } from './summary-loader.svelte.ts';
import type { VocabularyPrefetch } from './vocabulary-prefetch-once.ts';
import type { FacetValueTable } from '../../lib/search/format/facet-values.ts';
import type { SearchEvent, SearchStateOptions, StateConnection, StateWorker } from './types.ts';
import type { ActiveFilter } from './active-filters.ts';
import { DEFAULT_URL_STATE, sameUrlState, type UrlState } from './url-state.ts';

export { PAGE_SIZE } from '../../protocol/search-request.ts';
export type { ErrorMessage, HandedOver, ReaderState, ResultInfo, SearchEvent, SearchStateOptions, ShownError, StateConnection, StateWorker } from './types.ts';


export class SearchState extends SearchReads {
  progress: LoadProgress | null = $state.raw(null);

  readonly placeholder: string | undefined;
  /** Absolute URL of the hosted page when articles open there, else null (the reader). */
  readonly pageUrl: string | null;

  protected readonly locale: Locale;
  protected readonly errors: ShownErrors;
  protected readonly index: IndexOpening;
  protected readonly inputs = new QueryInputs();
  protected readonly results: Results;
  protected readonly readerPart: Reader;
  protected readonly loader: SummaryLoader;
  facetTables: Readonly<Record<string, FacetValueTable>> | null = $state.raw(null);
  /** The worker has been asked for `facetTables` (again after a failure). */
  private facetTablesAsked = false;
  private readonly prefetch: VocabularyPrefetch | null;
  private readonly onEvent: (event: SearchEvent) => void;
  private readonly client: StateWorker;
  private readonly history: HistorySync | null;
  private readonly initialArticleId: string;
  /**
   * A typed search waiting for the end of its input event's task (keystrokes of one task are
   * coalesced, nothing more: the worker answers in a few milliseconds and late answers are
   * dropped, so waiting for typing to settle only adds latency); a newer intent cancels it.
   */
  private typedSearch = 0;
  /** The typing's URL update, written after the keystroke's frame. */
  private typedUrl: ReturnType<typeof setTimeout> | undefined;
  /** The visitor typed other words than the URL's before the App mounted: the URL follows them at start. */
  private readonly typedAhead: boolean;

  /**
   * @param connect the worker for the index folder (absolute): by default the one the hosted page
   *   started ahead (`preopen.ts`) or a new one; tests pass a fake
   */
  constructor(options: SearchStateOptions, connect: (indexFolder: string) => StateConnection = connectWorker) {
    super();
    const indexUrl = resolveIndexFolder(options.indexUrl);
    const pageSize = options.pageSize && options.pageSize > 0 ? Math.floor(options.pageSize) : PAGE_SIZE;
    this.placeholder = options.placeholder || undefined;
    this.pageUrl = options.pageUrl ? new URL(options.pageUrl, document.baseURI).href : null;
    const onEvent = options.onEvent ?? (() => undefined);
    // A stopped App (the widget set up again, or removed) tells its host nothing more.
    this.onEvent = (event) => {
      if (!this.errors.stopped) onEvent(event);
    };
    this.errors = new ShownErrors(() => this.t, this.onEvent);
    const log = (error: unknown) => this.errors.log(error);
    this.locale = new Locale(preferredChinese(navigator.languages ?? [navigator.language]), log);
    const handed = options.handOver?.(indexUrl) ?? null;
    const connection = handed ?? connect(indexUrl);
    this.client = connection.client;
    this.client.onProgress = (progress) => (this.progress = progress);
    this.client.onMode = (mode) => this.onEvent({ type: 'mode', detail: { mode } });
    this.prefetch = options.prefetch ? new options.prefetch(this.client) : null;
    this.index = new IndexOpening(
      this.client,
      indexUrl,
      connection.opening,
      (manifest) => {
        this.results.manifestArrived(manifest);
        this.errors.clear(this.retryOpen);
      },
      (error) => this.errors.show(error, 'open', this.retryOpen),
    );
    this.history = options.history ? new options.history(() => this.urlState(), (state) => this.restore(state)) : null;
    this.loader = new SummaryLoader(
      (numbers, text) => this.client.request('summaries', { numbers, text }),
      () => (this.answer ? this.answerText : ''),
      (error) => {
        if (this.indexStatus !== 'error') this.errors.show(error, 'summaries', this.retrySummaries);
      },
    );
    this.results = new Results({
      client: this.client,
      inputs: this.inputs,
      loader: this.loader,
      pageSize,
      manifest: () => this.manifest,
      indexFailed: () => this.indexStatus === 'error',
      fail: (error, retry) => this.errors.show(error, 'search', retry),
      clearError: (retry) => this.errors.clear(retry),
      settled: (text, total) => {
        this.onEvent({ type: 'query', detail: { query: text, total } });
        if (text.trim()) this.prefetch?.schedule();
      },
    });
    this.readerPart = new Reader({
      client: this.client,
      t: () => this.t,
      messageFor: (error) => this.errors.messageFor(error, 'article'),
      onEvent: this.onEvent,
      log,
    });
    const fromUrl = this.history?.read() ?? { ...DEFAULT_URL_STATE, ...options.initial };
    // The hosted page's reader may have chosen a language on this site before (the widget follows its host's settings).
    const remembered = this.history ? rememberedLang() : undefined;
    this.locale.start(options.lang ?? fromUrl.lang ?? remembered ?? options.defaultLang ?? this.locale.chinese, fromUrl.lang);
    this.initialArticleId = fromUrl.articleId;
    this.inputs.apply(fromUrl);
    const typed = options.typed ?? handed?.typed;
    this.typedAhead = typed !== undefined && typed !== fromUrl.text;
    if (this.typedAhead) this.inputs.text = typed!;
    const head = connection.takeHeadStart(this.results.firstPageQuery());
    if (head) this.results.adoptHeadStart(head);
  }

  /** The index files the worker fetched and the open build (the hosted page's service worker stores them: src/offline/). */
  fetchedFiles(): Promise<{ build: string; paths: string[] }> {
    return this.client.request('fetched', {});
  }

  /**
   * Fetches every value of the author, tag, … facets with their archive-wide counts and traditional
   * forms (`facetTables`), once: the filter panel asks when its controls are laid out (after the
   * first results), the reader when it shows an author.
   */
  loadFacetValues(): void {
    if (this.facetTablesAsked || !this.manifest?.columns.length) return;
    this.facetTablesAsked = true;
    this.client.request('facetValues', {}).then(
      (tables) => (this.facetTables = tables),
      (error: unknown) => {
        // The lists keep what the answers counted; the next call asks again.
        this.facetTablesAsked = false;
        this.errors.log(error);
      },
    );
  }

  /**
   * The selected values as the index stores them (`storedFilters`: a URL's traditional form
   * `author=張三` for 张三, once the values tables say so): searched again, the URL rewritten in place.
   */
  useStoredNames(filters: Record<string, string[]>): void {
    this.inputs.filters = filters;
    this.results.run();
    this.writeUrl('replace');
  }

  /** Opens the index, runs the query from the URL, opens its article (call once mounted). */
  start(): () => void {
    const stopListening = this.history?.listen();
    void this.index.open();
    this.results.run();
    if (this.typedAhead) this.writeUrl('typing');
    if (this.initialArticleId) this.readerPart.show({ id: this.initialArticleId }, this.initialArticleId, this.text.trim());
    return () => {
      this.errors.stopped = true;
      stopListening?.();
      this.cancelTyped();
      this.prefetch?.cancel();
      this.loader.disconnect();
      this.results.stop();
      this.client.terminate();
    };
  }

  // ---- Intents ----

  setText(text: string, isComposing = false): void {
    this.inputs.text = text;
    // Mid-IME (pinyin being composed) the letters are not the query yet: wait for compositionend.
    if (isComposing) return;
    // In a microtask, not a timer: the request leaves before the keystroke's frame is rendered
    // (a timer waits for that frame); the URL (history.replaceState) after it.
    const search = this.cancelTyped();
    queueMicrotask(() => {
      if (search !== this.typedSearch) return;
      this.results.run();
      this.typedUrl = setTimeout(() => this.writeUrl('typing'));
    });
  }

  /** Cancels a typed search not yet sent (and its URL update); returns the number of the next one. */
  private cancelTyped(): number {
    clearTimeout(this.typedUrl);
    return ++this.typedSearch;
  }

  /** Runs the typed query now (Enter), committing a history entry. */
  submit(): void {
    this.commit();
  }

  toggleOutlet(name: string): void {
    this.toggleFilter(OUTLET_FACET.name, name);
  }

  /** Selects or unselects one value of a categorical facet (`outlet`, `author`, `tag`, …). */
  toggleFilter(facet: string, value: string): void {
    this.inputs.toggleValue(facet, value);
    this.commit();
  }

  /** Closes the reader and narrows the search to one value of a facet (the reader's author link). */
  filterBy(facet: string, value: string): void {
    // A new history entry over the reader's: Back returns to the article the link was in.
    if (this.reader) this.readerPart.close();
    this.inputs.onlyValue(facet, value);
    this.commit();
  }

  setDateRange(from: string, to: string): void {
    this.inputs.setDateRange(from, to);
    this.commit();
  }

  setSort(sort: SortOrder): void {
    this.inputs.sort = sort;
    this.commit();
  }

  clearOutlets(): void {
    this.clearFacet(OUTLET_FACET.name);
  }

  /** Clears one categorical facet's selection. */
  clearFacet(facet: string): void {
    this.inputs.clearFacet(facet);
    this.commit();
  }

  clearDates(): void {
    this.inputs.clearDates();
    this.commit();
  }

  clearFilters(): void {
    this.inputs.clearFacets();
    this.inputs.clearDates();
    this.commit();
  }

  /** Removes what one chip above the results stands for (`activeFilters`). */
  removeFilter(filter: ActiveFilter): void {
    if (filter.facet === 'date') this.inputs.clearDates();
    else if (filter.facet === 'sort') this.inputs.sort = 'relevance';
    else this.inputs.removeValue(filter.facet, filter.value);
    this.commit();
  }

  /** The chips' "clear all": every filter, and the order back to the default. */
  clearAllFilters(): void {
    this.inputs.clearFacets();
    this.inputs.clearDates();
    this.inputs.sort = 'relevance';
    this.commit();
  }

  /** Searches `text` instead of what was typed (the rewrites line's literal search), committing a history entry. */
  searchText(text: string): void {
    this.inputs.text = text;
    this.commit();
  }

  /** Searches again without one of the typed words (a "no results" suggestion). */
  dropTerm(term: string): void {
    this.inputs.dropTerm(term);
    this.commit();
  }

  /** Switches the page to `lang` (once its strings are here); the hosted page remembers it for this site. */
  setLang(lang: Lang): void {
    if (this.history) rememberLang(lang);
    void this.locale.choose(lang).then(() => this.writeUrl('replace'));
  }

  loadMore(): Promise<void> {
    return this.results.loadMore();
  }

  /** Opens an article in the reader: from a result, or from a related story inside the reader. */
  openArticle(number: number, id: string): void {
    this.announceOpen(number, id);
    // The hosted page opens it: the link itself navigates.
    if (this.pageUrl) return;
    const isInReader = this.reader !== null;
    this.readerPart.show({ number }, id, this.text.trim());
    // From one article to a related one: Close should still return to the results in one step.
    this.writeUrl(isInReader && this.history?.isReaderEntry ? 'replace' : 'reader');
  }

  closeArticle(): void {
    if (!this.reader) return;
    this.readerPart.close();
    if (this.history?.isReaderEntry) this.history.leaveReaderEntry();
    else this.writeUrl('replace');
  }

  /** Asks the worker for the ranges of the reader's body text to mark. */
  highlightBody(body: string): Promise<TextRange[]> {
    return this.readerPart.highlight(body);
  }

  retry(): void {
    this.error?.retry();
  }

  // ---- Internals ----

  private announceOpen(number: number, id: string): void {
    const summary = this.loader.summaries.get(number);
    const info = this.infoOf(number) ?? this.reader?.related?.find((related) => related.number === number);
    this.onEvent({
      type: 'open',
      detail: { id, title: info?.title ?? '', url: summary?.url ?? '', outlet: info?.outlet ?? '', date: info?.date ?? '' },
    });
  }

  protected urlState(): UrlState {
    const { text, filters, from, to, sort } = this.inputs;
    const state: UrlState = { text: text.trim() ? text : '', filters, from, to, sort, articleId: this.reader?.id ?? '' };
    if (this.locale.urlLang) state.lang = this.locale.urlLang;
    return state;
  }

  /** A committed change (filter, sort, Enter): search now and add a history entry. */
  private commit(): void {
    this.cancelTyped();
    this.results.run();
    this.writeUrl('push');
  }

  private writeUrl(mode: HistoryMode): void {
    this.history?.write(mode);
  }

  private readonly retryOpen = (): void => {
    this.errors.dismiss();
    void this.index.open();
    this.results.run();
    if (this.reader?.status === 'error') this.reader.error?.retry();
  };

  private readonly retrySummaries = (): void => {
    this.errors.dismiss();
    this.loader.retry();
  };

  /** Back/Forward: shows the URL's state. */
  private restore(state: UrlState): void {
    this.cancelTyped();
    const withoutArticle = (s: UrlState): UrlState => ({ ...s, articleId: '', lang: undefined });
    if (!sameUrlState(withoutArticle(state), withoutArticle(this.urlState()))) {
      this.inputs.apply(state);
      this.results.run();
    }
    const lang = state.lang;
    if (lang && lang !== this.lang) void this.locale.show(lang);
    if (!state.articleId && this.reader) this.readerPart.close();
    else if (state.articleId && state.articleId !== this.reader?.id) this.readerPart.show({ id: state.articleId }, state.articleId, this.text.trim());
  }
}

export const [getSearchState, setSearchState] = createContext<SearchState>();
