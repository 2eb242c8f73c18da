/**
 * The widget's first paint: before the App's chunk is even asked for, a plain search box, the
 * status line (`role="status"`, the App's words for the count: `status-text.ts`) and the first
 * page of results (title, outlet, date, snippet with its marks; in compact mode, the options under
 * the box), searched through the same worker client (and its move into the page when no worker
 * can run). The page is a `FirstPaintLayout` (`first-paint-view.ts`, `first-paint-compact.ts`).
 * The App is due (`settings.due`) once those results are painted (on the start view, a second
 * after the manifest's newest, unless the visitor is typing), or at once when the visitor asks for
 * what only the App does (opening a result, the order, "Load more", a near-duplicates list, moving
 * through compact mode's options: given to the App once it is there) or something failed (the App
 * shows the error). `handOver` then gives the App the worker, the index it opened, the latest
 * search with its summaries (`head-start.ts`, as the hosted page's boot box does) and the box's
 * words; `finish` removes these elements once the App's box is there, before the next paint, and
 * gives that box the same focus and caret. Nothing here is Svelte: the `preopen` chunk carries it,
 * and the App's 30 KB come after the results. The hosted page shows its first results the same
 * way, in its boot box (`FirstPaintPlace`: `shadow-place.ts` for a widget,
 * `src/boot/hosted-first-paint.ts` for the page, with its preopened worker and its page-wide head
 * start).
 */
import type { FirstPaintLayout, Row } from './first-paint-view.ts';
import type { Preopened } from '../ui/client/preopen.ts';
import type { SearchQuery } from '../lib/search/types.ts';
import { hasFacetFilters } from '../lib/search/categorical-facets.ts';
import type { Manifest } from '../lib/search/format/index-format.ts';
import type { WidgetSettings } from './widget-settings.ts';
import { HeadStartSlot, type HeadStart } from '../ui/client/head-start.ts';
import { offerHeadStart } from '../ui/client/offer-head-start.ts';
import { SearchWorkerClient } from '../ui/client/worker-client.ts';
import { loadedMessages, loadMessages, preferredChinese, ZH_HANS, type Lang, type Messages } from '../ui/i18n/i18n.ts';
import { isBareListing, queryOf } from '../protocol/search-request.ts';
import type { ArticleSummary, SearchAnswer } from '../protocol/worker-protocol.ts';
import { afterNextPaint, START_VIEW_WAIT_MS } from '../ui/state/after-next-paint.ts';
import { listingOf } from '../ui/state/manifest-listing.ts';
import { isPartialAnswer, statusText } from '../ui/state/status-text.ts';
import type { HandedOver } from '../ui/state/types.ts';
import { serializeUrlState } from '../ui/state/url-state.ts';

/** How the widget is set up (`widget-settings.ts`), and who to call once the App should come. */
export interface FirstPaintSettings extends WidgetSettings {
  /** Compact mode: a combobox (`first-paint-compact.ts`). */
  compact: boolean;
  /** Called once, when the App should come. */
  due: () => void;
  /** How long the start view's listing stays before the App is due (default `START_VIEW_WAIT_MS`). */
  startViewWait?: number;
  /** The worker fetches the folding table once it has sent the first summaries (the hosted page's); not the widget's, whose host pays for its downloads. */
  foldingTableAhead?: boolean;
  /** Told the box's words each time they are searched (or listed, when empty): the hosted page keeps them in its URL. */
  onSearch?: (text: string) => void;
}

/** Where a first paint shows: a widget's shadow root (`shadow-place.ts`), or the hosted page's boot box (`src/boot/hosted-first-paint.ts`). */
export interface FirstPaintPlace {
  /** Where the focus is read, and the App's box looked for once it mounts. */
  readonly root: ShadowRoot | Document;
  /** Builds the page in the strings `t` and shows it. */
  show(t: Messages, lang: Lang): FirstPaintLayout;
  /** Takes the page (and its sheet) away. */
  remove(): void;
  /** The search box already there before the page is built (the hosted page's boot box), if any. */
  readonly box?: HTMLInputElement;
}

/** What else a first paint may be given: the hosted page's are its preopened worker and its page-wide head start. */
export interface FirstPaintOptions {
  /** The element whose `news-search:query` events tell the host page of each settled search, and whose `data-mode` says the worker's. */
  host?: HTMLElement;
  /** A worker already opening the index (else the first paint starts one, and stops it with itself). */
  preopened?: Preopened;
  /** Where the head start is offered to the App (else the first paint's own slot, handed over with the worker). */
  hold?: (query: SearchQuery, start: HeadStart) => void;
}

/** What the element gives the App it mounts (`element.ts`). */
export interface Handing {
  /** The App's `handOver`: the connection and the words, once. */
  take: (indexFolder: string) => HandedOver | null;
  /** The `news-search:query` detail last dispatched (JSON), which the App's first would repeat. */
  announced: string | undefined;
  /** The box's words now. */
  typed: string;
  /** Removes the first paint once the App is mounted in `root`, with the box's focus and caret, and replays a click it took. */
  finish: (root: ShadowRoot | Document) => void;
}

/** Compact mode's keys, which move through the App's options (the first paint brings it for them). */
const COMBOBOX_KEYS = ['ArrowDown', 'ArrowUp', 'Enter', 'Escape'];

export class FirstPaint {
  private readonly client: SearchWorkerClient;
  private readonly opening: Promise<Manifest>;
  private readonly hold: (query: SearchQuery, start: HeadStart) => void;
  private readonly host: HTMLElement | undefined;
  /** The worker is this first paint's own (not a preopened one): stopped with it. */
  private readonly ownsWorker: boolean;
  private readonly slot = new HeadStartSlot();
  private readonly lang: Lang;
  private t: Messages = ZH_HANS;
  private layout: FirstPaintLayout | null = null;
  private manifest: Manifest | null = null;
  private indexFailed = false;
  /** The latest search asked for (null: the start view's listing, from the manifest). */
  private latest: HeadStart | null = null;
  /** What the status line counts: the latest search's latest answer (a partial one too), or the listing. */
  private answer: SearchAnswer | null = null;
  private isSearching = false;
  private isListing = false;
  /** The words of the rows shown. */
  private shownText = '';
  /** An IME composition under way in the box: the App waits for its end. */
  private composing: Promise<void> | null = null;
  private compositionEnded: () => void = () => undefined;
  private isDue = false;
  /** Stopped, or handed over: nothing more is shown or told. */
  private done = false;
  private announced: string | undefined;
  /** What the visitor asked of the App before it came, given to it in order once it has taken over. */
  private readonly replays: Array<(root: ShadowRoot | Document) => void> = [];
  /** The App's box has taken over (`finish`): nothing more to replay. */
  private takenOver = false;

  constructor(
    private readonly place: FirstPaintPlace,
    private readonly settings: FirstPaintSettings,
    options: FirstPaintOptions = {},
  ) {
    const { host, preopened } = options;
    this.host = host;
    this.client = preopened?.client ?? new SearchWorkerClient();
    this.ownsWorker = !preopened;
    this.hold = options.hold ?? this.slot.hold;
    if (host) this.client.onMode = (mode) => (host.dataset.mode = mode);
    this.opening = preopened?.opening ?? this.client.request('open', { indexUrl: settings.indexFolder });
    this.opening.then(
      (manifest) => {
        this.manifest = manifest;
        this.search();
      },
      () => {
        // The App says what failed, and tells the host page.
        this.indexFailed = true;
        this.bringApp();
      },
    );
    this.lang = settings.lang ?? preferredChinese(navigator.languages ?? [navigator.language]);
    const known = loadedMessages(this.lang);
    // Another language's strings are a chunk: nothing is shown before they are here (as in the App).
    if (known) this.show(known);
    else void loadMessages(this.lang).then(
      (messages) => this.show(messages),
      () => this.show(ZH_HANS),
    );
  }

  /** Removes the first paint and stops its worker (the widget set up again, or removed). */
  stop(): void {
    if (this.done) return;
    this.done = true;
    if (this.ownsWorker) this.client.terminate();
    this.remove();
    this.compositionEnded();
  }

  /**
   * Resolves when the App may take over: no IME composition under way (replacing the box
   * mid-composition would lose it) and the latest search settled (its rows are on screen).
   */
  async handOver(): Promise<Handing> {
    for (;;) {
      if (this.composing && !this.done) {
        await this.composing;
        continue;
      }
      const latest = this.latest;
      if (latest && !this.done) await Promise.allSettled([latest.answer, latest.summaries]);
      if (latest === this.latest && !(this.composing && !this.done)) break;
    }
    let taken = false;
    return {
      take: (indexFolder) => {
        if (taken || this.done || indexFolder !== this.settings.indexFolder) return null;
        taken = true;
        return { client: this.client, opening: this.opening, takeHeadStart: this.slot.take, typed: this.layout?.input.value ?? '' };
      },
      announced: this.announced,
      typed: this.layout?.input.value ?? '',
      finish: (root) => this.finish(root),
    };
  }

  /**
   * Removes the first paint once the App's box is there (compact mode's comes with a chunk of its
   * own, a few microtasks after the App mounts), and gives it the focus and caret.
   */
  private finish(root: ShadowRoot | Document): void {
    const input = this.layout?.input ?? this.place.box;
    const focused = input !== undefined && root.activeElement === input;
    const selection = focused && input.selectionStart !== null && input.selectionEnd !== null ? ([input.selectionStart, input.selectionEnd] as const) : null;
    this.done = true;
    this.compositionEnded();
    const appBox = () => [...root.querySelectorAll<HTMLInputElement>('input[type="search"]')].find((box) => box !== input);
    const takeOver = (box: HTMLInputElement) => {
      this.takenOver = true;
      this.remove();
      if (focused) {
        box.focus();
        if (selection) box.setSelectionRange(...selection);
      }
      // A task later: the App's start view lists its rows once its (already opened) index is awaited.
      const replays = this.replays.splice(0);
      if (replays.length) setTimeout(() => replays.forEach((replay) => replay(root)));
    };
    const box = appBox();
    if (box) return takeOver(box);
    const watch = new MutationObserver(() => {
      const box = appBox();
      if (!box) return;
      watch.disconnect();
      takeOver(box);
    });
    watch.observe(root, { childList: true, subtree: true });
  }

  /** Builds the page in the strings of its language, and searches what the box says. */
  private show(t: Messages): void {
    if (this.done) return;
    this.t = t;
    const layout = this.place.show(t, this.lang);
    this.layout = layout;
    const { input, main } = layout;
    // Not while an IME composes (pinyin letters are not the query yet): compositionend brings the characters.
    input.addEventListener('input', (event) => {
      if (!(event instanceof InputEvent && event.isComposing)) this.search();
    });
    input.addEventListener('compositionstart', () => {
      this.composing ??= new Promise<void>((resolve) => (this.compositionEnded = resolve));
    });
    input.addEventListener('compositionend', () => {
      this.composing = null;
      this.compositionEnded();
      this.search();
    });
    if (this.settings.compact) {
      input.addEventListener('keydown', (event) => {
        if (event.isComposing || !COMBOBOX_KEYS.includes(event.key)) return;
        event.preventDefault();
        const { key } = event;
        this.bringApp((root) => root.querySelector<HTMLInputElement>('input[role="combobox"]')?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
      });
    }
    // The search is under way already: Enter does not submit the host page's URL.
    main.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
    main.addEventListener('click', (event) => this.onClick(event));
    const sort = main.querySelector('select');
    sort?.addEventListener('change', () => {
      const { value } = sort;
      this.bringApp((root) => {
        const select = root.querySelector('select');
        if (!select) return;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
    this.search();
  }

  /** A click on a result, a near-duplicates button, "Load more" or an option: the App comes and gets it (modified clicks keep the link's). */
  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const layout = this.layout!;
    for (const selector of layout.controls) {
      const control = target?.closest<HTMLElement>(selector);
      if (!control) continue;
      if (control instanceof HTMLAnchorElement && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
      event.preventDefault();
      const index = [...layout.main.querySelectorAll(selector)].indexOf(control);
      this.bringApp((root) => {
        const same = root.querySelectorAll<HTMLElement>(selector)[index];
        // An option keeps the focus in the box (the combobox pattern); a link or button takes it.
        if (!same?.matches('[role="option"]')) same?.focus();
        same?.click();
      });
      return;
    }
  }

  /** The query for the box's words and the preset filters: what the App's first search asks, to the letter (`searchKey`). */
  private query() {
    return { ...queryOf({ ...this.settings.inputs, text: this.layout?.input.value ?? '' }), limit: this.settings.pageSize };
  }

  private get isQuery(): boolean {
    const { filters, from, to } = this.settings.inputs;
    return (this.layout?.input.value ?? '').trim() !== '' || hasFacetFilters(filters) || from !== '' || to !== '';
  }

  /** Searches what the box says now (or lists the manifest's newest), unless it already has. */
  private search(): void {
    if (this.done || !this.layout) return;
    const query = this.query();
    this.settings.onSearch?.(query.text);
    if (isBareListing(query)) {
      this.latest = null;
      this.isSearching = false;
      if (this.manifest) this.showListing(this.manifest);
      else this.render();
      return;
    }
    if (this.latest && this.latest.text === query.text) return;
    const { client } = this;
    const start = offerHeadStart(
      query,
      {
        search: (onPartial) => client.request('search', { query, progressive: true }, { onPartial }),
        firstSummaries: () => client.request('firstSummaries', { query, count: this.settings.pageSize, ...(this.settings.foldingTableAhead ? {} : { foldingTable: false as const }) }),
      },
      this.hold,
    );
    this.latest = start;
    this.isSearching = true;
    this.render();
    const current = () => !this.done && this.latest === start;
    /** Rows with summaries are on screen for this search: the first partial answer's, then the complete one's. */
    let rowsShown: 'none' | 'partial' | 'complete' = 'none';
    let partialAsked = false;
    /** The partial answer's summaries: the complete answer's rows show them at once where its hits are the same. */
    const known = new Map<number, ArticleSummary>();
    start.onPartial = (partial) => {
      if (!current()) return;
      this.answer = partial;
      this.isListing = false;
      this.render();
      // As the App: the newest articles' first page while the search goes on (one page: its fragments cost a round trip).
      if (partialAsked || this.settings.compact || partial.total === 0) return;
      partialAsked = true;
      const hits = partial.hits.slice(0, this.settings.pageSize);
      client.request('summaries', { numbers: hits.map((hit) => hit.number), text: query.text }).then(
        ({ summaries }) => {
          for (const summary of summaries) known.set(summary.number, summary);
          if (!current() || rowsShown !== 'none') return;
          rowsShown = 'partial';
          this.showRows(query.text, this.rowsOf(hits, summaries));
        },
        () => undefined,
      );
    };
    start.answer.then(
      (answer) => {
        if (!current()) return;
        this.answer = answer;
        this.isListing = false;
        this.isSearching = false;
        this.announce(query.text, answer.total);
        if (answer.total === 0) {
          // The App's "no results" view has its suggestions.
          this.showRows(query.text, []);
          this.bringApp();
        } else if (!start.settled.summaries && !this.settings.compact) {
          // As the App's full page: the count and a row per hit at once, filled in when the summaries come.
          this.showRows(
            query.text,
            answer.hits.slice(0, this.settings.pageSize).map((hit) => {
              const summary = known.get(hit.number);
              return { info: summary ? { summary } : 'loading', similar: hit.similar?.length ?? 0 };
            }),
          );
        } else this.render();
      },
      () => current() && this.bringApp(),
    );
    Promise.all([start.answer, start.summaries]).then(
      ([answer, { summaries }]) => {
        if (!current() || answer.total === 0) return;
        rowsShown = 'complete';
        this.showRows(query.text, this.rowsOf(answer.hits.slice(0, this.settings.pageSize), summaries));
        afterNextPaint(() => this.bringApp());
      },
      () => current() && this.bringApp(),
    );
  }

  /** Rows for `hits` with their summaries; a row without its summary (its fragment failed) says so, as in the App. */
  private rowsOf(hits: SearchAnswer['hits'], summaries: readonly ArticleSummary[]): Row[] {
    const byNumber = new Map(summaries.map((summary) => [summary.number, summary]));
    return hits.map((hit) => {
      const summary = byNumber.get(hit.number);
      return { info: summary ? { summary } : null, similar: hit.similar?.length ?? 0 };
    });
  }

  /** The start view: the manifest's newest, with their leads as snippets; the App a second after they are painted, unless the visitor types. */
  private showListing(manifest: Manifest): void {
    const listing = listingOf(manifest, this.settings.pageSize);
    // An index too old to say: the App asks the worker.
    if (!listing) return this.bringApp();
    this.answer = listing;
    this.isListing = true;
    // Compact mode lists nothing without words.
    const previews = new Map(manifest.newest.map((article) => [article.number, article]));
    this.showRows(
      '',
      !this.layout?.listsNewest
        ? []
        : listing.hits.map(({ number }): Row => {
            const { lead, ...preview } = previews.get(number)!;
            const summary: ArticleSummary | null = lead ? { ...preview, text: '', titleHighlights: [], snippet: lead } : null;
            return { info: summary ? { summary } : { preview }, similar: 0 };
          }),
    );
    this.announce('', listing.total);
    afterNextPaint(() =>
      setTimeout(() => {
        if (this.latest === null && !this.composing) this.bringApp();
      }, this.settings.startViewWait ?? START_VIEW_WAIT_MS),
    );
  }

  private showRows(text: string, rows: readonly Row[]): void {
    const { layout, t } = this;
    if (!layout) return;
    this.shownText = text;
    layout.showRows(rows, t, (id) => this.articleHref(id));
    this.render();
  }

  /** Everything but the rows, as the App shows it now (the status line first). */
  private render(): void {
    const { layout, t, answer } = this;
    if (!layout || this.done) return;
    const text = layout.input.value;
    const isQuery = this.isQuery;
    const status = statusText(
      {
        answer,
        manifest: this.manifest,
        indexStatus: this.indexFailed ? 'error' : this.manifest ? 'ready' : 'loading',
        isSearching: this.isSearching,
        isManifestListing: this.isListing,
        isQuery,
        searchFailed: false,
      },
      t,
    );
    layout.update({
      t,
      text,
      isQuery,
      status,
      isPartial: isPartialAnswer(answer),
      answer,
      isSearching: this.isSearching,
      isBusy: this.isSearching || this.shownText.trim() !== text.trim(),
      isStale: this.isSearching,
      sort: this.settings.inputs.sort,
    });
  }

  /** Tells the host page that a search settled, as the App does (`news-search:query`). */
  private announce(query: string, total: number): void {
    const detail = { query, total };
    this.announced = JSON.stringify(detail);
    this.host?.dispatchEvent(new CustomEvent('news-search:query', { detail, bubbles: true, composed: true }));
  }

  /** The App's link to an article (`SearchReads.articleHref`): a shareable link, on the hosted page for `open-in="page"`. */
  private articleHref(id: string): string {
    const text = this.layout?.input.value ?? '';
    const { search } = serializeUrlState({ ...this.settings.inputs, text: text.trim() ? text : '', articleId: '' });
    const href = `${search || '?'}#a=${id}`;
    return this.settings.pageUrl ? new URL(href, this.settings.pageUrl).href : href;
  }

  /** Asks for the App (once); `replay` is done in it once it has taken over. */
  private bringApp(replay?: (root: ShadowRoot | Document) => void): void {
    // Also while the App is mounted but its box not there yet (`finish`): this box still takes keys.
    if (replay && !this.takenOver) this.replays.push(replay);
    if (this.done || this.isDue) return;
    this.isDue = true;
    this.settings.due();
  }

  private remove(): void {
    this.place.remove();
  }
}
