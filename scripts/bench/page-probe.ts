/**
 * The page-side probe of the browser benchmarks: injected before a search page's own scripts, it
 * stamps (in the page's clock) the first animation frame in which a query's answer is painted.
 * What "painted" means depends on the page's markup, described by a {@link ProbeMarkup}: this
 * project's page ({@link APP_MARKUP}) and Pagefind's Component UI ({@link PAGEFIND_MARKUP}).
 */

/** What the probe reports for one query. */
export interface Probe {
  query: string;
  /** Page clock (ms since navigation start) of the input event or Enter the watch started from. */
  since: number;
  /**
   * First frame showing results for this query: a progressive search's first partial answer
   * (this project's status line carries `data-partial`), else the complete count.
   */
  firstAt: number;
  /** First frame showing this query's complete count. */
  countAt: number;
  /** First frame showing the first `firstResults` (or fewer) results with titles and snippets. */
  fullAt: number;
  total: number;
  shown: number;
  /** Rows whose summary failed to load (painted as "unavailable"). */
  failed: number;
}

/**
 * Where a search page paints its answer. Only CSS selectors (strings): the description is sent
 * into the page as JSON.
 */
export interface ProbeMarkup {
  /** The element whose `aria-busy` turns "false" when an answer is painted. */
  busy: string;
  /**
   * Where the result count comes from: the digits of the `[role=status]` text, or the number of
   * rows (placeholders included) in the busy element.
   */
  total: 'status' | 'rows';
  /** One result row, inside the busy element. */
  row: string;
  /** Selectors a row must contain to count as painted (title link, snippet). */
  ready: readonly string[];
  /** A row matching this is painted, but as "unavailable". */
  failed?: string;
}

/** This project's page: `<section aria-busy>` of `<article>`s, count in `role="status"`. */
export const APP_MARKUP: ProbeMarkup = {
  busy: 'section[aria-busy]',
  total: 'status',
  row: 'article',
  ready: ['h3:not(.placeholder) a', 'p.snippet:not(.placeholder)'],
  failed: 'p.snippet.missing',
};

/**
 * Pagefind 1.6's Component UI: `<pagefind-results>` renders `ul.pf-results[aria-busy]` with one
 * `li.pf-result` per result at once (skeleton placeholders, replaced when each result's data has
 * loaded); the placeholders have no link and no excerpt.
 */
export const PAGEFIND_MARKUP: ProbeMarkup = {
  busy: 'pagefind-results ul.pf-results',
  total: 'rows',
  row: ':scope > li',
  ready: ['a.pf-result-link', '.pf-result-excerpt'],
};

declare global {
  interface Window {
    __benchProbe?: { current: Promise<Probe> | null; watch(query: string, since: number): void };
  }
}

/**
 * Runs in the page before its scripts: logs every change of the busy element's aria-busy (and its
 * value when such an element is added), and on each input event (or Enter in a search box) starts
 * a watch for the box's value. The answer to a query is the first aria-busy → "false" after its
 * input: answers to older queries are dropped without touching aria-busy. Must stay self-contained: it is sent to the page as source text.
 */
function probeScript(markup: ProbeMarkup, firstResults: number, typeOnAppear: string | null): void {
  const busyLog: Array<{ t: number; v: string | null }> = [];
  // Main-thread tasks over 50 ms (the Long Tasks API), for "no task over 200 ms".
  const longTasks: number[] = [];
  // When each started (ms since navigation): `BENCH_PAGE_DEBUG` prints them beside the probe's times.
  const longTaskStarts: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push(entry.duration);
      longTaskStarts.push(entry.startTime);
    }
  }).observe({ type: 'longtask', buffered: true });
  (window as unknown as { __benchLongTasks: number[]; __benchLongTaskStarts: number[] }).__benchLongTasks = longTasks;
  (window as unknown as { __benchLongTaskStarts: number[] }).__benchLongTaskStarts = longTaskStarts;
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) {
      const el = r.target as Element;
      if (r.attributeName === 'aria-busy' && el.matches(markup.busy)) busyLog.push({ t, v: el.getAttribute('aria-busy') });
      // A results element that appears already answered (a page that renders a finished search
      // at once) counts as its aria-busy turning "false" then.
      for (const node of r.addedNodes) {
        if (!(node instanceof Element)) continue;
        const added = node.matches(markup.busy) ? [node] : [...node.querySelectorAll(markup.busy)];
        for (const busy of added) busyLog.push({ t, v: busy.getAttribute('aria-busy') });
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });

  const countOf = (busy: Element): number | null => {
    if (markup.total === 'rows') return busy.querySelectorAll(markup.row).length;
    const status = document.querySelector('[role=status]')?.textContent ?? '';
    const digits = /\d+/.exec(status.replace(/[,\s]/g, ''));
    return digits ? Number(digits[0]) : null;
  };

  let generation = 0;
  const probe = {
    current: null as Promise<Probe> | null,
    watch(query: string, since: number): void {
      const mine = ++generation;
      probe.current = new Promise<Probe>((resolve, reject) => {
        let countAt = -1;
        let firstAt = -1;
        const statusAtStart = document.querySelector('[role=status]')?.textContent ?? '';
        const timer = setTimeout(() => reject(new Error(`no results painted for "${query}" within 20 s (status: "${document.querySelector('[role=status]')?.textContent ?? ''}")`)), 20_000);
        const frame = (): void => {
          if (mine !== generation) return clearTimeout(timer);
          const now = performance.now();
          const busy = document.querySelector(markup.busy);
          const answered = busyLog.some((entry) => entry.t >= since && entry.v === 'false');
          const total = answered && busy ? countOf(busy) : null;
          // A partial answer to this query: the status changed since the input and says "partial".
          const status = document.querySelector('[role=status]');
          if (firstAt < 0 && !answered && status?.hasAttribute('data-partial') && status.textContent !== statusAtStart) firstAt = now;
          if (busy && total !== null) {
            if (countAt < 0) countAt = now;
            if (firstAt < 0) firstAt = now;
            const rows = [...busy.querySelectorAll(markup.row)].slice(0, firstResults);
            const ready = rows.filter((row) => markup.ready.every((selector) => row.querySelector(selector)));
            if (ready.length === rows.length && rows.length === Math.min(total, firstResults)) {
              clearTimeout(timer);
              const failed = markup.failed ? rows.filter((row) => row.querySelector(markup.failed!)).length : 0;
              resolve({ query, since, firstAt, countAt, fullAt: now, total, shown: rows.length, failed });
              return;
            }
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      // Also told to the driver as a console message (`PROBE_MESSAGE`): a cold load is then awaited
      // without any evaluation in the page, whose first one makes the driver install its own
      // script there (25 ms of the page's main thread, 270 ms at 4x CPU, while the page loads).
      probe.current.then(
        (result) => mine === generation && console.debug(`__benchProbe ${JSON.stringify({ result })}`),
        (error: unknown) => mine === generation && console.debug(`__benchProbe ${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}`),
      );
    },
  };
  window.__benchProbe = probe;
  const isBox = (target: EventTarget | null): target is HTMLInputElement =>
    target instanceof HTMLInputElement && (target.type === 'search' || target.getAttribute('role') === 'searchbox');
  addEventListener('input', (event) => isBox(event.target) && probe.watch(event.target.value.trim(), event.timeStamp), true);
  addEventListener('keydown', (event) => event.key === 'Enter' && isBox(event.target) && probe.watch(event.target.value.trim(), event.timeStamp), true);

  // A cold load's visitor types the moment the box appears: done here, in the page, in the first
  // frame that shows it (a driver's fill() checks the box first, in several round trips).
  if (typeOnAppear !== null) {
    const findBox = (root: Document | ShadowRoot): HTMLInputElement | null => {
      const box = root.querySelector('input[type="search"], input[role="searchbox"]');
      if (box instanceof HTMLInputElement) return box;
      for (const element of root.querySelectorAll('*')) {
        const found = element.shadowRoot ? findBox(element.shadowRoot) : null;
        if (found) return found;
      }
      return null;
    };
    const typeWhenThere = (): void => {
      const box = findBox(document);
      if (!box) return void requestAnimationFrame(typeWhenThere);
      box.focus();
      box.value = typeOnAppear;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: typeOnAppear }));
    };
    requestAnimationFrame(typeWhenThere);
  }
}

/** The prefix of the console message with which the probe reports a watch's outcome: `__benchProbe {"result": Probe}` or `{"error": message}`. */
export const PROBE_MESSAGE = '__benchProbe ';

/**
 * The probe as an init script's source text, with the `__name` helper tsx's transform inserts
 * into functions defined on the Node side.
 */
export function probeSource(markup: ProbeMarkup, firstResults: number, typeOnAppear: string | null = null): string {
  return `var __name = (f) => f;\n(${probeScript.toString()})(${JSON.stringify(markup)}, ${firstResults}, ${JSON.stringify(typeOnAppear)});`;
}
