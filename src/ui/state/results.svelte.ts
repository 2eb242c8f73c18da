/**
 * The results: what each row shows, each search's lifecycle (partial answers of a progressive search, the complete
 * answer, its exact count), "Load more", the near-duplicates shown under a result, and the
 * hand-over from the page's head start. Only the answer to the latest search is ever shown:
 * each search has a number, and an answer to an older one is dropped.
 */
import { untrack } from 'svelte';
import { OUTLET_FACET } from '../../lib/search/categorical-facets.ts';
import type { ArticlePreview, Manifest } from '../../lib/search/format/index-format.ts';
import type { SearchQuery } from '../../lib/search/types.ts';
import type { HeadStart } from '../client/head-start.ts';
import { isBareListing } from '../../protocol/search-request.ts';
import type { Facets } from '../../lib/search/types.ts';
import type { SearchAnswer } from '../../protocol/worker-protocol.ts';
import { afterNextPaint } from './after-next-paint.ts';
import { listingOf } from './manifest-listing.ts';
import type { QueryInputs } from './query-inputs.svelte.ts';
import type { SummaryLoader } from './summary-loader.svelte.ts';
import type { ResultInfo, StateWorker } from './types.ts';

/** What the results need from the rest of the state. */
export interface ResultsContext {
  client: StateWorker;
  inputs: QueryInputs;
  loader: SummaryLoader;
  pageSize: number;
  /** The index's manifest once opened. */
  manifest(): Manifest | null;
  /** True when the index could not be opened (its error, whose Retry searches again, is shown). */
  indexFailed(): boolean;
  /** Shows the error of a failed search, with `retry`. */
  fail(error: unknown, retry: () => void): void;
  /** Clears the error shown if it is the one `retry` retries. */
  clearError(retry: () => void): void;
  /** A complete answer to `text` is shown, with `total` results. */
  settled(text: string, total: number): void;
}

export class Results {
  /** The latest answer, its hits grown by "Load more". */
  answer: SearchAnswer | null = $state.raw(null);
  /** Query text of `answer`: snippets and marks are made for it. */
  answerText = $state('');
  isSearching = $state(false);
  isLoadingMore = $state(false);
  /** Words of the latest search started (the box may be ahead of it while typing). */
  searchedText = $state('');
  /** The answer shown was made from the manifest, not by the worker. */
  isManifestListing = $state(false);
  /** The answer shown is an older search's, while a newer one runs (the page dims it). */
  isStale = $state(false);
  /**
   * The facets the filter panel shows (lists, counts, timeline): the answer's, taken over after
   * the paint that shows the answer's results and count. A tag list or a timeline laid out in the
   * same frame as the results would delay them; they follow one frame later.
   */
  panelFacets: Facets | null = $state.raw(null);
  private cancelPanelFacets: (() => void) | null = null;
  /** Stops waiting for the first page before asking for the exact count (`settleCountAfterFirstPage`). */
  private stopCountWait: (() => void) | null = null;
  /** Set by `stop`: no more requests. */
  private isStopped = false;
  /** Results whose near-duplicates are shown (by article number), in the answers to search `seq`. */
  private expanded: { seq: number; numbers: ReadonlySet<number> } = $state.raw({ seq: -1, numbers: new Set() });
  /** Counter: only the answer to the latest search may be shown. */
  private searchSeq = 0;
  /** A bare listing waits for the manifest (see `run`). */
  private listingPending = false;
  /** The page's own search ahead of the App for this very query (`head-start.ts`): the first search takes it. */
  private headStart: HeadStart | null = null;
  /** The manifest's newest articles: their rows show before any fragment is fetched. */
  private readonly previews = new Map<number, ArticlePreview>();

  constructor(private readonly context: ResultsContext) {}

  /** The current query's first page. */
  firstPageQuery(): SearchQuery & { limit: number } {
    return { ...this.context.inputs.query(), limit: this.context.pageSize };
  }

  /**
   * Takes the page's head start for the first search, and shows at once what it has answered
   * (in the first render already: no empty list painted before the results).
   */
  adoptHeadStart(head: HeadStart): void {
    this.headStart = head;
    const early = head.settled;
    const shown = early.answer ?? early.partial;
    if (!shown) return;
    this.answer = shown;
    this.panelFacets = shown.facets;
    this.answerText = head.text;
    this.searchedText = this.answerText.trim();
    this.isSearching = !early.answer;
    if (early.summaries) this.context.loader.adopt(early.summaries.numbers, this.answerText, early.summaries);
  }

  /** The index is open: its newest articles can be listed, and a bare listing that waited for them runs now. */
  manifestArrived(manifest: Manifest): void {
    for (const preview of manifest.newest) this.previews.set(preview.number, preview);
    // The start page's snippets come with the manifest: its rows fetch nothing.
    this.context.loader.seed(manifest.newest.flatMap(({ lead, ...preview }) => (lead ? [{ ...preview, text: '', titleHighlights: [], snippet: lead }] : [])));
    if (this.listingPending) this.run();
  }

  /** Searches the current inputs; any answer to an earlier search is dropped from now on. */
  run(): void {
    const { client, inputs } = this.context;
    const seq = ++this.searchSeq;
    this.stopCountWait?.();
    this.stopCountWait = null;
    const query = this.firstPageQuery();
    this.isSearching = true;
    this.isStale = this.answer !== null;
    this.isLoadingMore = false;
    this.searchedText = query.text.trim();
    // The bare listing's first page is in the manifest: no docs table, no worker (at 100,000
    // articles the worker would read every docs block for it). Before the manifest, wait for it.
    const manifest = this.context.manifest();
    this.listingPending = isBareListing(query) && !manifest;
    if (this.listingPending) return;
    const listing = manifest && isBareListing(query) ? listingOf(manifest, query.limit) : null;
    if (listing) return this.showAnswer(seq, query.text, listing, true);
    // A query over much of the archive answers from the newest articles first, then completes
    // (the status line says how much has been searched). The bare listing needs no such care.
    const progressive = inputs.isQuery;
    const onPartial = (answer: SearchAnswer) => this.showPartial(seq, query.text, answer);
    const head = this.headStart;
    this.headStart = null;
    if (head) return this.takeOver(seq, head);
    client.request('search', { query, progressive }, { onPartial }).then(
      (answer) => this.showAnswer(seq, query.text, answer),
      (error: unknown) => {
        if (seq !== this.searchSeq) return;
        this.isSearching = false;
        this.isStale = false;
        // The open error is already on screen, and its Retry searches again.
        if (!this.context.indexFailed()) this.context.fail(error, this.retry);
      },
    );
  }

  /** The Retry of a failed search. */
  readonly retry = (): void => {
    this.context.clearError(this.retry);
    this.run();
  };

  async loadMore(): Promise<void> {
    if (!this.answer || this.isLoadingMore) return;
    const seq = this.searchSeq;
    this.isLoadingMore = true;
    try {
      const query = { ...this.context.inputs.query(), offset: this.answer.hits.length, limit: this.context.pageSize };
      const more = await this.context.client.request('search', { query });
      if (seq !== this.searchSeq || !this.answer) return;
      this.answer = { ...this.answer, hits: [...this.answer.hits, ...more.hits] };
    } catch (error) {
      if (seq === this.searchSeq) this.context.fail(error, () => void this.loadMore());
    } finally {
      if (seq === this.searchSeq) this.isLoadingMore = false;
    }
  }

  /**
   * The App stops (its worker is stopped next): a count still to ask for is not asked for (a
   * request after the stop would start another worker that nothing stops).
   */
  stop(): void {
    this.stopCountWait?.();
    this.stopCountWait = null;
    this.isStopped = true;
  }

  /** Article numbers of the rows to list: the results, or the manifest's newest before any answer. */
  get rows(): number[] {
    if (this.answer) return this.answer.hits.map((hit) => hit.number);
    const manifest = this.context.manifest();
    if (manifest && !this.context.inputs.isQuery) return manifest.newest.map((preview) => preview.number);
    return [];
  }

  /** What a row can show now. */
  infoOf(number: number): ResultInfo | null {
    const summary = this.context.loader.summaries.get(number) ?? null;
    if (summary) return { id: summary.id, title: summary.title, outlet: summary.outlet, date: summary.date, summary };
    const preview = this.previews.get(number);
    return preview ? { id: preview.id, title: preview.title, outlet: preview.outlet, date: preview.date, summary: null } : null;
  }

  /** True once an answer's first page shows every row's summary (or says it could not be loaded). */
  get isFirstPageShown(): boolean {
    if (!this.answer) return false;
    const { summaries, failed } = this.context.loader;
    return this.rows.slice(0, this.context.pageSize).every((number) => summaries.has(number) || failed.has(number));
  }

  /** Outlets with their counts for the current query (manifest counts before any answer), by count. */
  get outletCounts(): Array<{ name: string; count: number }> {
    const manifest = this.context.manifest();
    if (!manifest) return [];
    const facet = this.panelFacets?.counts[OUTLET_FACET.name];
    const counts = manifest.outlets.map((outlet, order) => ({ name: outlet.name, count: facet ? (facet[outlet.name] ?? 0) : outlet.count, order }));
    return counts.sort((a, b) => b.count - a.count || a.order - b.order).map(({ name, count }) => ({ name, count }));
  }

  get hasMore(): boolean {
    return this.answer !== null && this.answer.hits.length < (this.answer.groups ?? this.answer.total);
  }

  /** Near-duplicates collapsed under result `number` (article numbers, in result order). */
  similarOf(number: number): number[] {
    const hit = this.answer?.hits.find((candidate) => candidate.number === number);
    return hit?.similar?.map((similar) => similar.number) ?? [];
  }

  /** True when result `number` shows its near-duplicates. */
  isExpanded(number: number): boolean {
    return this.expanded.numbers.has(number);
  }

  /** Shows or hides the near-duplicates under result `number`, in place. */
  toggleSimilar(number: number): void {
    const numbers = new Set(this.expanded.numbers);
    if (!numbers.delete(number)) numbers.add(number);
    this.expanded = { seq: this.expanded.seq, numbers };
  }

  /**
   * Search `seq` is the head start's (same query): shows its answer and takes its summaries, at
   * once when they are in. Should the head start have failed, the worker is asked again.
   */
  private takeOver(seq: number, head: HeadStart): void {
    const show = (answer: SearchAnswer) => {
      this.showAnswer(seq, head.text, answer);
      // The worker makes them for the answer's first page (the rows on screen do not ask meanwhile).
      const numbers = answer.hits.slice(0, this.context.pageSize).map((hit) => hit.number);
      this.context.loader.adopt(numbers, head.text, head.settled.summaries ?? head.summaries);
    };
    if (head.settled.answer) return show(head.settled.answer);
    if (head.settled.partial) this.showPartial(seq, head.text, head.settled.partial);
    head.onPartial = (partial) => this.showPartial(seq, head.text, partial);
    head.answer.then(
      (answer) => {
        if (seq === this.searchSeq) show(answer);
      },
      () => {
        if (seq === this.searchSeq) this.run();
      },
    );
  }

  /** Shows a partial answer to search `seq` (unless a newer search has started); the search goes on. */
  private showPartial(seq: number, text: string, answer: SearchAnswer): void {
    if (seq !== this.searchSeq) return;
    this.answer = answer;
    this.showPanelFacets();
    this.isStale = false;
    if (this.expanded.seq !== seq) this.expanded = { seq, numbers: new Set() };
    this.isManifestListing = false;
    this.answerText = text;
    this.context.loader.refresh(this.rows);
  }

  /** Shows the complete answer to search `seq` (unless a newer search has started). */
  private showAnswer(seq: number, text: string, answer: SearchAnswer, fromManifest = false): void {
    if (seq !== this.searchSeq) return;
    this.answer = answer;
    this.showPanelFacets();
    this.isStale = false;
    if (this.expanded.seq !== seq) this.expanded = { seq, numbers: new Set() };
    this.isManifestListing = fromManifest;
    this.answerText = text;
    this.isSearching = false;
    this.context.clearError(this.retry);
    this.context.loader.refresh(this.rows);
    this.context.settled(text, answer.total);
    if ((answer.approximate || answer.facetsPending) && answer.searched.articles >= answer.searched.of) this.settleCountAfterFirstPage(seq, text);
  }

  /**
   * Asks for the exact count once the first page shows its snippets: the count's phrase checks
   * fetch every candidate's fragment (at 10,000 articles, about a thousand for "国家安全"), and
   * its facets the facet rows of the hits' blocks, which would otherwise hold up the first results.
   */
  private settleCountAfterFirstPage(seq: number, text: string): void {
    this.stopCountWait?.();
    let stop: (() => void) | null = null;
    let cancelPaint: (() => void) | null = null;
    const stopWatching = () => {
      stop?.();
      stop = null;
    };
    this.stopCountWait = () => {
      stopWatching();
      cancelPaint?.();
    };
    stop = $effect.root(() => {
      // A newer search stops this wait (`run`), so the first page shown is this search's.
      $effect(() => {
        if (!this.isFirstPageShown || cancelPaint) return;
        queueMicrotask(stopWatching);
        // After the frame that paints them: the count's downloads are not the first results'.
        cancelPaint = afterNextPaint(() => {
          this.stopCountWait = null;
          untrack(() => this.settleCount(seq, text));
        });
      });
    });
  }

  /** The filter panel takes the answer's facets after the answer's results are painted (`panelFacets`). */
  private showPanelFacets(): void {
    this.cancelPanelFacets?.();
    // The first answer's, at once: the panel has nothing to show before it.
    if (!this.panelFacets) {
      this.panelFacets = this.answer?.facets ?? null;
      return;
    }
    this.cancelPanelFacets = afterNextPaint(() => {
      this.cancelPanelFacets = null;
      this.panelFacets = this.answer?.facets ?? null;
    });
  }

  /**
   * A complete answer that is still approximate has phrases confirmed only as far as its page,
   * and one with `facetsPending` has no categorical facets yet: asks the worker for the exact
   * count (every candidate's text checked, every facet row read), then shows it with the rows
   * already on screen.
   */
  private settleCount(seq: number, text: string): void {
    if (this.isStopped) return;
    const query = { ...this.firstPageQuery(), text };
    this.context.client.request('count', { query }).then(
      (exact) => {
        if (seq !== this.searchSeq || !this.answer) return;
        const { facetsPending: _pending, ...answer } = this.answer;
        this.answer = { ...answer, total: exact.total, approximate: exact.approximate, facets: exact.facets };
        this.showPanelFacets();
      },
      // The approximate count stays; the search itself succeeded.
      () => undefined,
    );
  }
}
