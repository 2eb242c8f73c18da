/**
 * The browser harness of the page benchmarks: headless Chromium (/usr/bin/chromium) over a
 * throttled network (10 Mbit/s, 40 ms latency, set through the DevTools protocol), a probe that
 * stamps painted answers (page-probe.ts), cold loads and warm pages. Works for any search page
 * whose markup a `ProbeMarkup` describes: this project's and Pagefind's.
 *
 * Times are taken in the page's clock: a requestAnimationFrame loop stamps the first frame in which
 * the condition holds. The machine is shared and noisy: figures are never asserted in tests.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type CDPSession, type ConsoleMessage, type Page, type Request } from '@playwright/test';
import type { GzipHost } from './gzip-host.ts';
import { PROBE_MESSAGE, type Probe, type ProbeMarkup, probeSource } from './page-probe.ts';
import { collectTimeline, startColdProfile, timelineLine } from './page-profile.ts';

export type { Probe } from './page-probe.ts';
import { kb, ms } from './stats.ts';

/** A search page to measure. */
export interface PageTarget {
  /** The search page. */
  url: string;
  /** The host serving it (for the bytes it sent). */
  host: GzipHost;
  /** Where the page paints its answers. */
  markup: ProbeMarkup;
  /** Whether a request (URL path) is index data; the rest is the page: HTML, JS, CSS, WASM. */
  isIndexData: (pathname: string) => boolean;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
export const VIEWPORT = { width: 1280, height: 2400 }; // tall: the first 10 results are all on screen
const TIMEOUT = 30_000;
export const FIRST_RESULTS = 10;

/** A finished request: URL, bytes on the wire (encoded body + headers), wall-clock end (ms). */
interface Transfer {
  url: string;
  end: number;
  bytes: number;
  ms: number;
}

/**
 * Records the context's finished requests, the search worker's included (the DevTools session of
 * the page does not see the worker's fetches; Playwright's request events do).
 */
function recordTransfers(context: BrowserContext, bodyBytes: (pathname: string) => number | undefined): { transfers: Transfer[]; flush: () => Promise<void> } {
  const transfers: Transfer[] = [];
  const pending: Array<Promise<void>> = [];
  context.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then(
        (sizes) => {
          const timing = request.timing();
          const end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now();
          // Chromium reports no body size for the worker's script: the server says what it sent.
          const { pathname, search } = new URL(request.url());
          const body = bodyBytes(pathname + search) ?? sizes.responseBodySize;
          transfers.push({ url: request.url(), end, bytes: body + sizes.responseHeadersSize, ms: timing.responseEnd });
        },
        () => undefined,
      ),
    );
  });
  return { transfers, flush: async () => void (await Promise.all(pending)) };
}

/**
 * The transfers the host did not serve (answered from the browser's cache): for each URL, the
 * host sent as many responses as the counts grew, and those are its earliest-ending transfers
 * (a cache read waits for the network's response); the rest are cache hits.
 */
function cacheHits(transfers: readonly Transfer[], servedBefore: ReadonlyMap<string, number>, servedAfter: ReadonlyMap<string, number>): Set<Transfer> {
  const hits = new Set<Transfer>();
  const byUrl = new Map<string, Transfer[]>();
  for (const t of transfers) {
    const { pathname, search } = new URL(t.url);
    const key = pathname + search;
    const list = byUrl.get(key);
    if (list) list.push(t);
    else byUrl.set(key, [t]);
  }
  for (const [key, list] of byUrl) {
    const sent = (servedAfter.get(key) ?? 0) - (servedBefore.get(key) ?? 0);
    for (const t of [...list].sort((a, b) => a.end - b.end).slice(Math.max(0, sent))) hits.add(t);
  }
  return hits;
}

/**
 * Throttles the page's network. A cold load gets a new browser context, whose HTTP cache starts
 * empty as a first visit's does; the cache stays on, so that what a page fetches ahead (preloads)
 * serves its later requests, as in a real first visit.
 */
async function throttle(cdp: CDPSession, origin: string, blockedUrls: readonly string[] = []): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  // Hermetic: article images point at news sites. Blocking patterns have no exceptions, so only
  // over plain http (an HTTP/2 host is https itself; result lists show no article images).
  const blocked = [...(origin.startsWith('http:') ? ['https://*'] : []), ...blockedUrls];
  if (blocked.length > 0) await cdp.send('Network.setBlockedURLs', { urls: blocked });
  if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}

/** CPU slowdown of the page's main thread (DevTools' CPU throttling; 1: none). See `setCpuSlowdown`. */
let cpuSlowdown = 1;

/**
 * Slows the main thread of every page measured from now on by `rate` (4: a mid-range phone, as
 * Lighthouse assumes). DevTools throttles the page's main thread only, not its workers.
 */
export function setCpuSlowdown(rate: number): void {
  cpuSlowdown = rate;
}

/** The longest main-thread task the page has run so far (ms; 0 when none passed 50 ms). */
function longestTaskOf(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __benchLongTasks: number[] }).__benchLongTasks));
}

/** Rejects after `timeout` ms with a message saying what was being waited for. */
export function withTimeout<T>(promise: Promise<T>, what: string, timeout = TIMEOUT): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench-page: timed out after ${timeout / 1000} s waiting for ${what}`)), timeout))),
  ]);
}

async function newContext(browser: Browser, markup: ProbeMarkup, typeOnAppear: string | null = null): Promise<BrowserContext> {
  // ignoreHTTPSErrors: the HTTP/2 host's certificate is self-signed.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', ignoreHTTPSErrors: true });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript({ content: probeSource(markup, FIRST_RESULTS, typeOnAppear) });
  return context;
}

/**
 * A warning when the machine has no font for Chinese (`fc-list :lang=zh` finds none), else ''.
 * Chromium then looks for a fallback font for every new character and finds none: measured here,
 * the first layout of 1,500 distinct characters took 202 ms without one and 18 ms with
 * fonts-noto-cjk. A Chinese reader's device always has such a font: install one
 * (`apt-get install fonts-noto-cjk`) before quoting the page figures.
 */
export function cjkFontWarning(): string {
  try {
    if (execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim()) return '';
    return 'WARNING: no Chinese font installed (fc-list :lang=zh is empty): layout of Chinese text is slowed by failed font fallback lookups; install fonts-noto-cjk before quoting these figures.';
  } catch {
    return 'Note: could not check for a Chinese font (fc-list failed): without one, layout of Chinese text is slowed by failed font fallback lookups.';
  }
}

/** Headless Debian Chromium (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Waits for the watch the last input event (or Enter) started. */
async function settle(page: Page, what: string): Promise<Probe> {
  return withTimeout(
    page.evaluate(() => {
      const current = window.__benchProbe?.current;
      if (!current) throw new Error('the probe saw no input event');
      return current;
    }),
    what,
  );
}

/** The probe's next report on `page`'s console (its first watch's outcome: the cold load's typing). */
export function probeReport(page: Page): Promise<Probe> {
  return new Promise<Probe>((resolve, reject) => {
    const listen = (message: ConsoleMessage) => {
      if (message.type() !== 'debug' || !message.text().startsWith(PROBE_MESSAGE)) return;
      page.off('console', listen);
      const report = JSON.parse(message.text().slice(PROBE_MESSAGE.length)) as { result: Probe } | { error: string };
      if ('result' in report) resolve(report.result);
      else reject(new Error(report.error));
    };
    page.on('console', listen);
  });
}

/** One cold load: the probe, and the bytes and requests finished before the first results. */
export interface ColdRun {
  probe: Probe;
  pageBytes: number;
  pageRequests: number;
  dataBytes: number;
  dataRequests: number;
  /** Longest main-thread task until the first results were painted (ms; 0 when none passed 50 ms). */
  longestTask: number;
  /** With `after`: the longest main-thread task until `after` ms past the first results (the App's mount and what follows it). */
  longestTaskAfter?: number;
  /** URL paths of every request (the host's and the cache's) started before the first 10 results were painted. */
  startedBefore: string[];
}

/**
 * A cold load (new context, empty cache): navigates to the page, and the probe types `query` in
 * the first frame that shows the search box, as the quickest visitor would, while the index is
 * still loading. With `after` (ms), the page stays open that long past its first results, for
 * `longestTaskAfter`.
 */
export async function coldRun(browser: Browser, target: PageTarget, query: string, blockedUrls: readonly string[] = [], after = 0): Promise<ColdRun> {
  const context = await newContext(browser, target.markup, query);
  const timeline = process.env.BENCH_PAGE_DEBUG ? collectTimeline(context) : null;
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, target.url, blockedUrls);
    const { transfers, flush } = recordTransfers(context, target.host.bodyBytes);
    // Every request issued, finished or not, with when Node saw it (for those with no response timing yet).
    const issued: Array<{ request: Request; seenAt: number }> = [];
    context.on('request', (request) => issued.push({ request, seenAt: Date.now() }));
    const servedBefore = new Map(target.host.served());
    const profile = process.env.BENCH_PAGE_PROFILE ? await startColdProfile(cdp, process.env.BENCH_PAGE_PROFILE) : null;
    // Heard, not asked: no evaluation in the page until its first results are painted (see PROBE_MESSAGE).
    const reported = probeReport(page);
    await page.goto(target.url, { waitUntil: 'commit' });
    const probe = await withTimeout(reported, `the first results for "${query}"`);
    await profile?.save(query);
    const longestTask = await longestTaskOf(page);
    const paintedAt = (await page.evaluate(() => performance.timeOrigin)) + probe.fullAt;
    await flush();
    // A module the worker imports after the page preloaded it comes from the HTTP cache, yet the
    // browser reports it as a request: only as many of a URL's requests count as the host served.
    const fromCache = cacheHits(transfers, servedBefore, target.host.served());
    const before = transfers.filter((t) => t.end <= paintedAt && !fromCache.has(t));
    const isData = (t: Transfer) => target.isIndexData(new URL(t.url).pathname);
    const sum = (ts: Transfer[]) => ts.reduce((a, t) => a + t.bytes, 0);
    const data = before.filter(isData);
    const site = before.filter((t) => !isData(t));
    if (process.env.BENCH_PAGE_DEBUG) {
      // Both in the page's clock: ms since navigation (request times are wall-clock too).
      const origin = paintedAt - probe.fullAt;
      for (const line of timeline?.lines ?? []) console.log(`    ${timelineLine(line, origin)}`);
      console.log(`  ${query}: typed at ${ms(probe.since)}, first results at ${ms(probe.firstAt)}, count at ${ms(probe.countAt)}, painted at ${ms(probe.fullAt)} (page clock)`);
      for (const t of [...transfers].sort((a, b) => a.end - a.ms - (b.end - b.ms))) {
        console.log(`  ${fromCache.has(t) ? 'c' : t.end <= paintedAt ? '<' : '>'} ${kb(t.bytes).padStart(9)} ${ms(t.end - t.ms - origin).padStart(7)} → ${ms(t.end - origin).padStart(7)} ${new URL(t.url).pathname}`);
      }
    }
    // The browser's start time where a response came (its clock), else when Node saw the request (at or after its start).
    const startedBefore = issued.filter(({ request, seenAt }) => (request.timing().startTime > 0 ? request.timing().startTime : seenAt) <= paintedAt).map(({ request }) => new URL(request.url()).pathname);
    // What the page does once its first results are on screen: the App's mount, its facets, the offline side.
    let longestTaskAfter: number | undefined;
    if (after > 0) {
      await page.waitForTimeout(after);
      longestTaskAfter = await longestTaskOf(page);
      if (process.env.BENCH_PAGE_DEBUG) {
        const tasks = await page.evaluate(() => {
          const w = window as unknown as { __benchLongTasks: number[]; __benchLongTaskStarts: number[] };
          return w.__benchLongTasks.map((duration, i) => [w.__benchLongTaskStarts[i]!, duration] as const);
        });
        console.log(`  ${query}: long tasks (start → duration, page clock): ${tasks.map(([start, duration]) => `${ms(start)} → ${ms(duration)}`).join(', ')}`);
      }
    }
    return { probe, pageBytes: sum(site), pageRequests: site.length, dataBytes: sum(data), dataRequests: data.length, longestTask, ...(longestTaskAfter === undefined ? {} : { longestTaskAfter }), startedBefore };
  } finally {
    await context.close();
  }
}

/**
 * One cold load whose figures are thrown away, right after the browser starts: a freshly launched
 * Chromium's first page pays once for what no visitor's browser pays per visit (the CJK font read
 * from disk and set up, the renderer's code paged in): measured, the first cold load of a run took
 * 1.5–1.9 s with a single 0.8–1.2 s main-thread task, the next ones 0.4–0.7 s.
 */
export async function warmUpBrowser(browser: Browser, target: PageTarget, query: string): Promise<void> {
  await coldRun(browser, target, query);
}

/** Used JS heap (after a garbage collection) of the page and of its search worker. */
export async function heap(browser: Browser, page: Page, cdp: CDPSession): Promise<{ page: number; worker: number | null; note: string }> {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const pageHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // The worker: attach to its target through a browser-level session and ask it the same.
  let worker: number | null = null;
  let note = '';
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker');
    if (!target) throw new Error('no worker target');
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const replies = new Map<number, (result: unknown) => void>();
    session.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const message = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) replies.get(message.id)?.(message.result);
    });
    let id = 0;
    const call = (method: string) =>
      withTimeout(
        new Promise<unknown>((resolve) => {
          replies.set(++id, resolve);
          void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
        }),
        `the worker's ${method}`,
        10_000,
      );
    await call('HeapProfiler.collectGarbage').catch(() => undefined);
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize?: number } | undefined;
    if (typeof usage?.usedSize !== 'number') throw new Error('no heap usage from the worker');
    worker = usage.usedSize;
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  } catch (error) {
    note = `worker heap unavailable (${(error as Error).message}): page only`;
  } finally {
    await session.detach().catch(() => undefined);
  }
  return { page: pageHeap, worker, note };
}

/** A warm page has fetched no index file for this long before the measured queries (ms), */
const INDEX_QUIET_MS = 1500;
/** or this long has passed since its warm-up queries (ms). */
const INDEX_QUIET_LIMIT_MS = 30_000;

/** Queries for warming a page up that the measured lists do not contain. */
const WARM_UP = ['中国', '美国', '经济', '日本', '欧盟'];

/** What a warm page reports: one probe per query, the heap at the end, uncaught page errors. */
export interface WarmRun {
  probes: Probe[];
  memory: Awaited<ReturnType<typeof heap>>;
  pageErrors: string[];
  /** Longest main-thread task of the whole run (ms; 0 when none passed 50 ms). */
  longestTask: number;
  /** Per measured query, the vocabulary files (part table pages, parts) the host served meanwhile (the prefetch's own among them). */
  vocabularyRequests: number[];
  /** Per measured query, the vocabulary files (by file name) the host had served before it was typed: with `queryNeeds`, whether the prefetch had them in time. */
  vocabularyBefore: Array<Set<string>>;
  /** Measured queries whose first results were not painted within the probe's 20 s (no probe for them). */
  unpainted: string[];
}

/** Fails as the probe did when a warm run has a query whose results were not painted (the page benchmark's figures need every one). */
export function requirePainted(run: WarmRun): WarmRun {
  if (run.unpainted.length) throw new Error(`bench-page: no results painted within 20 s for ${run.unpainted.map((q) => `"${q}"`).join(', ')}`);
  return run;
}

/** A vocabulary file of this project's index: a part table page, a vocabulary part or a pack of parts. */
const VOCABULARY_FILE = /\/(dir|terms|pack)-[0-9a-z]+\.bin(\?|$)/;

/**
 * One warm page (cache on): warms it up, lets it finish its background fetches (no index request
 * for 1.5 s, at most 30 s), then for each query clears the box, waits for the page's
 * answer to that (this project: the newest articles; Pagefind: no results),
 * and sends the query (`typed`: one input event, the page's typing debounce applies; `enter`: the
 * same followed by Enter, which searches at once). Returns the probes and the heap at the end.
 * With `openFor` (ms): one warm-up query, then the measured queries from `openFor` after the
 * page's navigation, whatever it is still fetching (a visitor who searched once and goes on
 * typing: what the prefetch has fetched by then).
 */
export async function warmRun(browser: Browser, target: PageTarget, queries: readonly string[], mode: 'typed' | 'enter', openFor?: number): Promise<WarmRun> {
  const context = await newContext(browser, target.markup);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, target.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    let lastIndexRequest = performance.now();
    context.on('request', (request) => {
      if (target.isIndexData(new URL(request.url()).pathname)) lastIndexRequest = performance.now();
    });
    // Counted where the host served them: a service worker's re-reads from the HTTP cache are browser requests too.
    const vocabularyServed = () => [...target.host.served()].reduce((sum, [file, n]) => sum + (VOCABULARY_FILE.test(file) ? n : 0), 0);
    const opened = performance.now();
    const servedAtOpen = new Map(target.host.served());
    await page.goto(target.url);
    const box = page.getByRole('searchbox');
    for (const query of openFor === undefined ? WARM_UP : WARM_UP.slice(0, 1)) {
      await box.fill(query);
      await settle(page, `warm-up query "${query}"`);
    }
    if (openFor === undefined) {
      // Warm means settled: whatever the page fetches in the background after its first queries
      // (this project's page: the rest of the vocabulary) is done before the measured queries.
      const quietSince = performance.now();
      while (performance.now() - lastIndexRequest < INDEX_QUIET_MS && performance.now() - quietSince < INDEX_QUIET_LIMIT_MS) await page.waitForTimeout(100);
    } else {
      const wait = openFor - (performance.now() - opened);
      if (wait > 0) await page.waitForTimeout(wait);
    }
    const probes: Probe[] = [];
    const vocabularyRequests: number[] = [];
    const vocabularyBefore: Array<Set<string>> = [];
    const unpainted: string[] = [];
    // BENCH_WARM_PROFILE=PREFIX: CPU profiles of the page and its worker over the measured queries.
    const profilePrefix = process.env.BENCH_WARM_PROFILE;
    const profile = profilePrefix ? await startColdProfile(cdp, profilePrefix) : null;
    for (const query of queries) {
      await box.fill('');
      await settle(page, 'the answer to the cleared box');
      const before = vocabularyServed();
      // Served to this page: the host counts every context's requests (the cold loads', an earlier warm page's).
      vocabularyBefore.push(new Set([...target.host.served()].filter(([file, n]) => VOCABULARY_FILE.test(file) && n > (servedAtOpen.get(file) ?? 0)).map(([file]) => file.replace(/^.*\//, '').replace(/\?.*$/, ''))));
      await box.fill(query);
      if (mode === 'enter') await box.press('Enter');
      try {
        probes.push(await settle(page, `the results for "${query}" (${mode})`));
      } catch (error) {
        // The page's probe gave up (20 s): reported by the caller; the next query supersedes this one.
        if (!(error instanceof Error && error.message.includes('no results painted'))) throw error;
        unpainted.push(query);
      }
      vocabularyRequests.push(vocabularyServed() - before);
    }
    await profile?.save(mode);
    if (process.env.BENCH_PAGE_DEBUG) {
      for (const p of probes) console.log(`  warm ${p.query.padEnd(12)} first ${ms(p.firstAt - p.since).padStart(7)} count ${ms(p.countAt - p.since).padStart(7)} full ${ms(p.fullAt - p.since).padStart(7)}`);
    }
    return { probes, memory: await heap(browser, page, cdp), pageErrors, longestTask: await longestTaskOf(page), vocabularyRequests, vocabularyBefore, unpainted };
  } finally {
    await context.close();
  }
}
