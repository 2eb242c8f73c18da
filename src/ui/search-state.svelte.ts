/**
 * The one runes module: what the page shows (manifest, query, filters, results, summaries, the
 * open article, errors) and the intents that change it. Components read it and call intents;
 * the worker, the URL and the timers live here, at the edge.
 */
import { createContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { TextRange } from '../lib/search/highlight.ts';
import type { ArticlePreview, Manifest } from '../lib/search/index-format.ts';
import type { SearchQuery, SortOrder } from '../lib/search/types.ts';
import { quickRange, type QuickRange } from './date-range.ts';
import { messagesFor, preferredChinese, type Lang, type Messages } from './i18n.ts';
import { DEFAULT_URL_STATE, parseUrlState, sameUrlState, serializeUrlState, type UrlState } from './url-state.ts';
import { SearchWorkerClient, WorkerRequestError } from './worker-client.ts';
import type { ArticleBody, ArticleSummary, LoadProgress, RelatedSummary, SearchAnswer, WorkerFailure } from './worker-protocol.ts';

/** Results per page ("Load more" adds as many). */
export const PAGE_SIZE = 10;
/** Typing settles this long before a query runs: short enough to feel instant. */
const DEBOUNCE_MS = 50;
/** A typing pause this long ends a history entry; the next keystroke starts a new one. */
const TYPING_PAUSE_MS = 1000;
/** Marks the history entries this page pushed for an open article (Close then goes back). */
const READER_ENTRY = 'news-archive-search:reader';

/** How the App is set up: the hosted page, or (later) the widget. */
export interface SearchStateOptions {
  /** Index folder URL, relative to the page (`./data/`) or absolute. */
  indexUrl: string;
  /** UI language; default: `?lang=` (when syncing the URL), else the browser's Chinese. */
  lang?: Lang;
  /** Read the state from the page URL and write it back (history entries, Back/Forward). */
  syncUrl: boolean;
}

/** Messages that explain a failure (looked up when shown, so they follow the language). */
export type ErrorMessage = 'indexUnavailable' | 'indexCorrupt' | 'partUnavailable' | 'summariesUnavailable' | 'articleUnavailable';

/** An error the visitor sees, with the action that retries what failed. */
export interface ShownError {
  message: ErrorMessage;
  retry: () => void;
}

/** The reader: the article being shown, its related articles, its own errors. */
export interface ReaderState {
  /** Article number, or null while an id from the URL is being resolved. */
  number: number | null;
  /** Article id (for the URL). */
  id: string;
  status: 'loading' | 'ready' | 'missing' | 'error';
  article: ArticleBody | null;
  /** Query text the body's marks are for ('' for none). */
  text: string;
  related: RelatedSummary[] | null;
  error: ShownError | null;
}

/** What a result row knows before (preview) or after (summary) its fragment arrived. */
export interface ResultInfo {
  id: string;
  title: string;
  outlet: string;
  date: string;
  summary: ArticleSummary | null;
}

export class SearchState {
  lang: Lang = $state('zh-Hans');
  readonly t: Messages = $derived(messagesFor(this.lang));

  manifest: Manifest | null = $state.raw(null);
  indexStatus: 'loading' | 'ready' | 'error' = $state('loading');
  progress: LoadProgress | null = $state.raw(null);

  text = $state('');
  outlets: string[] = $state.raw([]);
  from = $state('');
  to = $state('');
  sort: SortOrder = $state('relevance');

  /** The latest answer, its hits grown by "Load more". */
  answer: SearchAnswer | null = $state.raw(null);
  /** Query text of `answer`: snippets and marks are made for it. */
  answerText = $state('');
  isSearching = $state(false);
  isLoadingMore = $state(false);
  /** Summaries (title, snippet) of the results that have been on screen, by article number. */
  readonly summaries = new SvelteMap<number, ArticleSummary>();
  readonly failedSummaries = new SvelteMap<number, true>();

  reader: ReaderState | null = $state.raw(null);
  error: ShownError | null = $state.raw(null);

  readonly hasFilters = $derived(this.outlets.length > 0 || this.from !== '' || this.to !== '');

  private readonly chinese: Lang;
  private readonly indexUrl: string;
  private readonly syncUrl: boolean;
  private readonly client: SearchWorkerClient;
  private readonly previews = new Map<number, ArticlePreview>();
  /** Counter of searches: only the answer to the latest may be shown. */
  private searchSeq = 0;
  private readerSeq = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private typingPause: ReturnType<typeof setTimeout> | undefined;
  private isTypingEntry = false;
  private urlLang: Lang | undefined;
  private visible = new Set<number>();
  private readonly watched = new WeakMap<Element, number>();
  private observer: IntersectionObserver | null = null;
  private summaryQueue = new Set<number>();
  private summariesInFlight = new Set<string>();

  constructor(options: SearchStateOptions) {
    this.indexUrl = new URL(options.indexUrl.endsWith('/') ? options.indexUrl : `${options.indexUrl}/`, document.baseURI).href;
    this.syncUrl = options.syncUrl;
    this.chinese = preferredChinese(navigator.languages ?? [navigator.language]);
    this.client = new SearchWorkerClient((progress) => (this.progress = progress));
    const fromUrl = this.syncUrl ? parseUrlState(location.search, location.hash) : DEFAULT_URL_STATE;
    this.urlLang = fromUrl.lang;
    this.lang = options.lang ?? fromUrl.lang ?? this.chinese;
    this.applyQuery(fromUrl);
  }

  /** Opens the index and runs the query from the URL (call once the App is mounted). */
  start(): () => void {
    const onPopState = () => this.restoreFromUrl();
    if (this.syncUrl) addEventListener('popstate', onPopState);
    void this.open();
    this.runSearch();
    const articleId = this.syncUrl ? parseUrlState(location.search, location.hash).articleId : '';
    if (articleId) this.openArticleById(articleId);
    return () => {
      if (this.syncUrl) removeEventListener('popstate', onPopState);
      clearTimeout(this.debounce);
      clearTimeout(this.typingPause);
      this.observer?.disconnect();
      this.client.terminate();
    };
  }

  // ---- What components read ----

  /** Status line: the number of results as digits (or what the page is waiting for). */
  get statusText(): string {
    const t = this.t;
    if (this.answer) return this.text.trim() || this.hasFilters ? t.count(this.answer.total, this.answer.approximate) : t.allCount(this.answer.total);
    if (this.indexStatus === 'error') return '';
    if (this.manifest) return this.text.trim() || this.hasFilters ? t.queuedQuery : t.allCount(this.manifest.articles);
    return t.loading(t.loadingManifest);
  }

  /** Article numbers of the rows to list: the results, or the manifest's newest before any answer. */
  get rows(): number[] {
    if (this.answer) return this.answer.hits.map((hit) => hit.number);
    if (this.manifest && !this.text.trim() && !this.hasFilters) return this.manifest.newest.map((preview) => preview.number);
    return [];
  }

  get hasMore(): boolean {
    return this.answer !== null && this.answer.hits.length < this.answer.total;
  }

  /** What a row can show now. */
  infoOf(number: number): ResultInfo | null {
    const summary = this.summaries.get(number) ?? null;
    if (summary) return { id: summary.id, title: summary.title, outlet: summary.outlet, date: summary.date, summary };
    const preview = this.previews.get(number);
    return preview ? { id: preview.id, title: preview.title, outlet: preview.outlet, date: preview.date, summary: null } : null;
  }

  /** Outlets with their counts for the current query (manifest counts before any answer), by count. */
  get outletCounts(): Array<{ name: string; count: number }> {
    if (!this.manifest) return [];
    const facet = this.answer?.facets.outlets;
    const counts = this.manifest.outlets.map((outlet, order) => ({ name: outlet.name, count: facet ? (facet[outlet.name] ?? 0) : outlet.count, order }));
    return counts.sort((a, b) => b.count - a.count || a.order - b.order).map(({ name, count }) => ({ name, count }));
  }

  /** Shareable link to an article, on this page's current search. */
  articleHref(id: string): string {
    const { search } = serializeUrlState({ ...this.urlState(), articleId: '' });
    return `${search || '?'}#a=${id}`;
  }

  // ---- Intents ----

  setText(text: string, isComposing = false): void {
    this.text = text;
    // Mid-IME (pinyin being composed) the letters are not the query yet: wait for compositionend.
    if (isComposing) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.runSearch();
      this.writeUrl('typing');
    }, DEBOUNCE_MS);
  }

  /** Runs the typed query now (Enter), committing a history entry. */
  submit(): void {
    clearTimeout(this.debounce);
    this.runSearch();
    this.writeUrl('push');
  }

  toggleOutlet(name: string): void {
    this.outlets = this.outlets.includes(name) ? this.outlets.filter((o) => o !== name) : [...this.outlets, name];
    this.commitFilters();
  }

  setDateRange(from: string, to: string): void {
    // A reversed range is what a visitor means the other way round.
    [this.from, this.to] = from && to && from > to ? [to, from] : [from, to];
    this.commitFilters();
  }

  setQuickRange(span: QuickRange): void {
    const last = this.manifest?.dates?.last;
    if (!last) return;
    const { from, to } = quickRange(last, span);
    this.setDateRange(from, to);
  }

  setSort(sort: SortOrder): void {
    this.sort = sort;
    this.commitFilters();
  }

  clearOutlets(): void {
    this.outlets = [];
    this.commitFilters();
  }

  clearDates(): void {
    this.from = this.to = '';
    this.commitFilters();
  }

  clearFilters(): void {
    this.outlets = [];
    this.from = this.to = '';
    this.commitFilters();
  }

  /** Searches again without one of the typed words (a "no results" suggestion). */
  dropTerm(term: string): void {
    this.text = this.text
      .split(/\s+/)
      .filter((word) => word && word !== term)
      .join(' ');
    this.submit();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.urlLang = lang;
    this.writeUrl('replace');
  }

  /** Switches between English and the visitor's Chinese. */
  toggleLang(): void {
    this.setLang(this.lang === 'en' ? this.chinese : 'en');
  }

  async loadMore(): Promise<void> {
    if (!this.answer || this.isLoadingMore) return;
    const seq = this.searchSeq;
    this.isLoadingMore = true;
    try {
      const more = await this.client.request('search', { query: { ...this.query(), offset: this.answer.hits.length, limit: PAGE_SIZE } });
      if (seq !== this.searchSeq || !this.answer) return;
      this.answer = { ...this.answer, hits: [...this.answer.hits, ...more.hits] };
    } catch (error) {
      if (seq === this.searchSeq) this.fail(error, 'search', () => void this.loadMore());
    } finally {
      if (seq === this.searchSeq) this.isLoadingMore = false;
    }
  }

  /**
   * An attachment for a result row: requests its summary when it scrolls into view (and again
   * when the query changes while it stays there).
   */
  watch(number: number): (element: Element) => () => void {
    return (element) => {
      this.observer ??= new IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: '200px 0px' });
      this.watched.set(element, number);
      this.observer.observe(element);
      return () => {
        this.observer?.unobserve(element);
        this.visible.delete(number);
      };
    };
  }

  /** Opens an article in the reader: from a result, or from a related story inside the reader. */
  openArticle(number: number, id: string): void {
    const isInReader = this.reader !== null;
    this.showArticle({ number }, id, this.text.trim());
    // From one article to a related one: Close should still return to the results in one step.
    this.writeUrl(isInReader && history.state === READER_ENTRY ? 'replace' : 'reader');
  }

  closeArticle(): void {
    if (!this.reader) return;
    this.readerSeq++;
    this.reader = null;
    if (!this.syncUrl) return;
    if (history.state === READER_ENTRY) history.back();
    else this.writeUrl('replace');
  }

  /** Asks the worker for the ranges of the reader's body text to mark. */
  async highlightBody(body: string): Promise<TextRange[]> {
    const text = this.reader?.text ?? '';
    if (!text) return [];
    try {
      return await this.client.request('highlight', { body, text });
    } catch (error) {
      // Marks are a nicety: the article is readable without them.
      this.log(error);
      return [];
    }
  }

  retry(): void {
    this.error?.retry();
  }

  // ---- Internals ----

  private query(): SearchQuery {
    return { text: this.text, outlets: this.outlets, from: this.from || undefined, to: this.to || undefined, sort: this.sort };
  }

  private urlState(): UrlState {
    const articleId = this.reader?.id ?? '';
    const state: UrlState = { text: this.text.trim() ? this.text : '', outlets: this.outlets, from: this.from, to: this.to, sort: this.sort, articleId };
    if (this.urlLang) state.lang = this.urlLang;
    return state;
  }

  private applyQuery(state: UrlState): void {
    this.text = state.text;
    this.outlets = state.outlets;
    this.from = state.from;
    this.to = state.to;
    this.sort = state.sort;
  }

  private commitFilters(): void {
    clearTimeout(this.debounce);
    this.runSearch();
    this.writeUrl('push');
  }

  private async open(): Promise<void> {
    this.indexStatus = 'loading';
    try {
      const manifest = await this.client.request('open', { indexUrl: this.indexUrl });
      for (const preview of manifest.newest) this.previews.set(preview.number, preview);
      this.manifest = manifest;
      this.indexStatus = 'ready';
      if (this.error?.retry === this.retryOpen) this.error = null;
    } catch (error) {
      this.indexStatus = 'error';
      this.fail(error, 'open', this.retryOpen);
    }
  }

  private readonly retryOpen = (): void => {
    this.error = null;
    void this.open();
    this.runSearch();
    if (this.reader?.status === 'error') this.reader.error?.retry();
  };

  private runSearch(): void {
    const seq = ++this.searchSeq;
    const query = { ...this.query(), limit: PAGE_SIZE };
    this.isSearching = true;
    this.isLoadingMore = false;
    this.client.request('search', { query }).then(
      (answer) => {
        if (seq !== this.searchSeq) return;
        this.answer = answer;
        this.answerText = query.text;
        this.isSearching = false;
        if (this.error?.retry === this.retrySearch) this.error = null;
        const rows = new Set(this.rows);
        this.requestSummaries([...this.visible].filter((number) => rows.has(number)));
      },
      (error: unknown) => {
        if (seq !== this.searchSeq) return;
        this.isSearching = false;
        // The open error is already on screen, and its Retry searches again.
        if (this.indexStatus !== 'error') this.fail(error, 'search', this.retrySearch);
      },
    );
  }

  private readonly retrySearch = (): void => {
    this.error = null;
    this.runSearch();
  };

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    const appeared: number[] = [];
    for (const entry of entries) {
      const number = this.watched.get(entry.target);
      if (number === undefined) continue;
      if (entry.isIntersecting) {
        this.visible.add(number);
        appeared.push(number);
      } else {
        this.visible.delete(number);
      }
    }
    this.requestSummaries(appeared);
  }

  /** Queues summaries that are missing or made for another query; sends them in one request. */
  private requestSummaries(numbers: number[]): void {
    const text = this.answer ? this.answerText : '';
    for (const number of numbers) {
      if (this.summaries.get(number)?.text === text || this.summariesInFlight.has(`${text}\n${number}`)) continue;
      this.summaryQueue.add(number);
    }
    if (this.summaryQueue.size === 0) return;
    queueMicrotask(() => this.flushSummaries(text));
  }

  private flushSummaries(text: string): void {
    const numbers = [...this.summaryQueue];
    this.summaryQueue.clear();
    if (numbers.length === 0) return;
    for (const number of numbers) this.summariesInFlight.add(`${text}\n${number}`);
    this.client.request('summaries', { numbers, text }).then(
      ({ summaries, failed, failure }) => {
        for (const number of numbers) this.summariesInFlight.delete(`${text}\n${number}`);
        for (const summary of summaries) {
          this.summaries.set(summary.number, summary);
          this.failedSummaries.delete(summary.number);
        }
        for (const number of failed) this.failedSummaries.set(number, true);
        if (failure) this.fail(new WorkerRequestError(failure), 'summaries', () => this.retrySummaries(failed));
      },
      (error: unknown) => {
        for (const number of numbers) this.summariesInFlight.delete(`${text}\n${number}`);
        for (const number of numbers) this.failedSummaries.set(number, true);
        if (this.indexStatus !== 'error') this.fail(error, 'summaries', () => this.retrySummaries(numbers));
      },
    );
  }

  private retrySummaries(numbers: number[]): void {
    this.error = null;
    for (const number of numbers) this.failedSummaries.delete(number);
    this.requestSummaries(numbers.filter((number) => this.visible.has(number)));
  }

  private openArticleById(id: string): void {
    this.showArticle({ id }, id, this.text.trim());
  }

  private showArticle(target: { number: number } | { id: string }, id: string, text: string): void {
    const number = 'number' in target ? target.number : null;
    const keep = this.reader && this.reader.id === id ? this.reader : null;
    if (keep?.status === 'ready') return;
    const seq = ++this.readerSeq;
    this.reader = { number, id, status: 'loading', article: null, text, related: null, error: null };
    const update = (change: Partial<ReaderState>) => {
      if (seq === this.readerSeq && this.reader) this.reader = { ...this.reader, ...change };
    };
    const retry = () => {
      update({ status: 'loading', error: null });
      load();
    };
    const load = () => {
      this.client.request('article', target).then(
        (article) => {
          if (!article) return update({ status: 'missing' });
          update({ status: 'ready', article, number: article.number });
          this.loadRelated(seq, article.number);
        },
        (error: unknown) => {
          this.log(error);
          update({ status: 'error', error: { message: this.messageFor(error, 'article'), retry } });
        },
      );
    };
    load();
  }

  private loadRelated(seq: number, number: number): void {
    this.client.request('related', { number }).then(
      (related) => {
        if (seq === this.readerSeq && this.reader) this.reader = { ...this.reader, related };
      },
      (error: unknown) => {
        // Related stories are extra: log the cause and show none rather than a second error.
        this.log(error);
        if (seq === this.readerSeq && this.reader) this.reader = { ...this.reader, related: [] };
      },
    );
  }

  /** Back/Forward: shows the state of the URL without writing history. */
  private restoreFromUrl(): void {
    const state = parseUrlState(location.search, location.hash);
    const before = this.urlState();
    clearTimeout(this.debounce);
    this.isTypingEntry = false;
    if (!sameUrlState({ ...state, articleId: '', lang: undefined }, { ...before, articleId: '', lang: undefined })) {
      this.applyQuery(state);
      this.runSearch();
    }
    if (state.lang && state.lang !== this.lang) this.lang = state.lang;
    const openId = this.reader?.id ?? '';
    if (!state.articleId && this.reader) {
      this.readerSeq++;
      this.reader = null;
    } else if (state.articleId && state.articleId !== openId) {
      this.openArticleById(state.articleId);
    }
  }

  /**
   * Writes the state to the URL. `typing`: the first keystroke after a pause pushes an entry, the
   * next ones replace it, so Back skips the half-typed words; `push`: a committed change (filters,
   * Enter); `reader`: an article opened from the page (Close goes back); `replace`: no new entry.
   */
  private writeUrl(mode: 'typing' | 'push' | 'reader' | 'replace'): void {
    if (!this.syncUrl) return;
    const { search, hash } = serializeUrlState(this.urlState());
    const url = `${location.pathname}${search}${hash}`;
    const changed = url !== `${location.pathname}${location.search}${location.hash}`;
    let push = mode === 'push' || mode === 'reader';
    if (mode === 'typing') {
      push = !this.isTypingEntry;
      this.isTypingEntry = true;
      clearTimeout(this.typingPause);
      this.typingPause = setTimeout(() => (this.isTypingEntry = false), TYPING_PAUSE_MS);
    } else {
      this.isTypingEntry = false;
    }
    if (!changed) return;
    const entry = mode === 'reader' ? READER_ENTRY : mode === 'replace' ? history.state : null;
    if (push) history.pushState(entry, '', url);
    else history.replaceState(entry, '', url);
  }

  private messageFor(error: unknown, operation: 'open' | 'search' | 'summaries' | 'article'): ErrorMessage {
    const failure: WorkerFailure = error instanceof WorkerRequestError ? error.failure : { kind: 'bug', message: String(error) };
    if (failure.kind === 'corrupt') return 'indexCorrupt';
    if (operation === 'open') return 'indexUnavailable';
    if (operation === 'search') return 'partUnavailable';
    if (operation === 'summaries') return 'summariesUnavailable';
    return 'articleUnavailable';
  }

  /** Shows an error with its Retry and logs the technical detail once. */
  private fail(error: unknown, operation: 'open' | 'search' | 'summaries', retry: () => void): void {
    this.log(error);
    this.error = { message: this.messageFor(error, operation), retry };
  }

  private log(error: unknown): void {
    const detail = error instanceof WorkerRequestError ? `${error.failure.message}${error.failure.file ? ` [${error.failure.file}]` : ''}` : error;
    console.error('news-archive-search:', detail);
  }
}

export const [getSearchState, setSearchState] = createContext<SearchState>();
