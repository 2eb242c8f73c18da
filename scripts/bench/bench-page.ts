/**
 * The hosted page, measured in headless Chromium (issue #4): the built site (`dist/`) with the
 * index the benchmark just built, served gzip-compressed as a static host would, over a throttled
 * network (10 Mbit/s, 40 ms latency, set through the DevTools protocol).
 *
 * 1. Cold first results: navigation start → the first 10 results painted with titles and snippets,
 *    for a query typed into the box as soon as it appears (new context: empty cache), from an
 *    HTTP/1.1 host and again from an HTTP/2 one. Bytes and requests before those results, page
 *    (HTML/JS/CSS) and index data apart.
 * 2. Keystroke to painted results on a warm page: from the input event (and from Enter) to the frame
 *    showing the new count, then the first result's title and snippet.
 * 3. JS heap after the run: the page, and the search worker; the longest main-thread task.
 *
 * Times are taken in the page's clock: a requestAnimationFrame loop stamps the first frame in which
 * the condition holds. Figures are medians; the machine is shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { type GzipHost, type Protocol, startGzipHost } from './gzip-host.ts';
import { APP_MARKUP } from './page-probe.ts';
import { cjkFontWarning, type ColdRun, coldRun, launchChromium, type PageTarget, type Probe, requirePainted, setCpuSlowdown, VIEWPORT, warmRun, warmUpBrowser } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { offlineFilesBefore } from './offline-first-visit.ts';
import { repeatVisit, type RepeatVisit } from './repeat-visit.ts';
import { kb, median, ms, percentile, table } from './stats.ts';

export interface BenchPageOptions {
  /** The built site (`vite build` runs first when its index.html is missing). */
  distDir: string;
  /** The index folder, served at `data/` next to the page. */
  indexDir: string;
  /** Cold loads per query (default 1). */
  coldRuns?: number;
  /** How many queries the cold loads use (default 5) and the warm page (default all, at least 30). */
  coldQueries?: number;
  /** Also make the cold loads from an HTTP/2 host (TLS, self-signed), as CDNs serve (default true). */
  http2?: boolean;
  /** Slow the page's main thread down this many times (DevTools CPU throttling; default 1: none). */
  cpuSlowdown?: number;
}

/** Builds the site into `distDir` with Vite unless its index.html is there already. */
export function ensureBuilt(distDir: string): void {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  const root = path.resolve(import.meta.dirname, '../..');
  const vite = path.join(root, 'node_modules/.bin/vite');
  const result = spawnSync(vite, ['build', '--outDir', path.resolve(distDir)], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0 || !existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`bench-page: vite build failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr || result.stdout}`);
  }
}

/** This project's page: the built site at `/`, the index at `/data/`, on a gzip host. */
export async function startAppHost(distDir: string, indexDir: string, protocol: Protocol = 'http/1.1'): Promise<{ host: GzipHost; target: PageTarget }> {
  const host = await startGzipHost(
    [
      { prefix: '/data/', dir: indexDir },
      { prefix: '/', dir: distDir },
    ],
    protocol,
  );
  return { host, target: { url: host.url, host, markup: APP_MARKUP, isIndexData: (pathname) => pathname.startsWith('/data/') } };
}

export async function benchPage(options: BenchPageOptions): Promise<string> {
  const { distDir, indexDir, coldRuns = 1, coldQueries = 5, http2 = true, cpuSlowdown = 1 } = options;
  ensureBuilt(distDir);
  setCpuSlowdown(cpuSlowdown);
  const { host, target } = await startAppHost(distDir, indexDir);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const out: string[] = [];
    await warmUpBrowser(browser, target, BENCH_QUERIES[0]!);

    // 1. Cold first results.
    const coldQueryList = BENCH_QUERIES.slice(0, coldQueries);
    const colds: ColdRun[] = [];
    const coldRows: string[][] = [['query', 'results', 'count painted', 'first results painted', 'page bytes (req)', 'index bytes (req)']];
    for (let run = 0; run < coldRuns; run++) {
      for (const query of coldQueryList) {
        const r = await coldRun(browser, target, query);
        colds.push(r);
        coldRows.push([query, String(r.probe.total), ms(r.probe.countAt), ms(r.probe.fullAt), `${kb(r.pageBytes)} (${r.pageRequests})`, `${kb(r.dataBytes)} (${r.dataRequests})`]);
      }
    }
    // The same cold loads from an HTTP/2 host: one connection, no six-requests-at-a-time queue.
    const colds2: ColdRun[] = [];
    if (http2) {
      const h2 = await startAppHost(distDir, indexDir, 'h2');
      try {
        for (let run = 0; run < coldRuns; run++) for (const query of coldQueryList) colds2.push(await coldRun(browser, h2.target, query));
      } finally {
        await h2.host.close();
      }
    }

    // 2. Keystroke to painted results: two warm pages, one per way of sending the query, so that
    // neither measures a query the page has answered before.
    const warmQueries = BENCH_QUERIES.length >= 30 ? BENCH_QUERIES : [...BENCH_QUERIES, ...BENCH_QUERIES].slice(0, 30);
    const typedRun = requirePainted(await warmRun(browser, target, warmQueries, 'typed'));
    const enteredRun = requirePainted(await warmRun(browser, target, warmQueries, 'enter'));
    const typed = typedRun.probes;
    const entered = enteredRun.probes;
    const memory = typedRun.memory;
    const pageErrors = [...typedRun.pageErrors, ...enteredRun.pageErrors];

    // 3. Repeat visits served by the service worker (scripts/bench/repeat-visit.ts): the same page
    // again in the same context, online and offline.
    const repeats: RepeatVisit[] = [];
    for (const query of coldQueryList) repeats.push(await repeatVisit(browser, target, query));

    const coldFull = colds.map((c) => c.probe.fullAt);
    const coldCount = colds.map((c) => c.probe.countAt);
    const pageBytes = median(colds.map((c) => c.pageBytes));
    const dataBytes = median(colds.map((c) => c.dataBytes));
    const totalBytes = median(colds.map((c) => c.pageBytes + c.dataBytes));
    const lat = (ps: Probe[], key: 'firstAt' | 'countAt' | 'fullAt') => ps.map((p) => p[key] - p.since);
    const failed = [...colds.map((c) => c.probe), ...typed, ...entered].reduce((a, p) => a + p.failed, 0);

    out.push(
      `Hosted page in headless Chromium: gzip static host (HTTP/1.1${colds2.length ? '; cold loads also over HTTP/2' : ''}), 10 Mbit/s, 40 ms latency, ${VIEWPORT.width}×${VIEWPORT.height} viewport${cpuSlowdown > 1 ? `, main thread ${cpuSlowdown}× slower (DevTools CPU throttling; the worker runs at full speed)` : ''}`,
      `Cold loads (new browser context: empty HTTP cache): ${coldQueryList.length} queries × ${coldRuns} run${coldRuns > 1 ? 's' : ''}, typed in the first frame that shows the box; times from navigation start`,
      table(coldRows),
      '',
      `Warm pages (cache on): ${warmQueries.length} queries, each into a cleared box as one input event (the page searches at once), and on a second page followed by Enter (searches at once); times from the input event / Enter`,
      table([
        ['figure', 'value', 'target'],
        ['cold: first 10 results painted (titles + snippets), median', ms(median(coldFull)), '≤ 500 ms'],
        ['cold: result count painted, median', ms(median(coldCount)), ''],
        ['cold: first results painted (a partial answer counts), median', ms(median(colds.map((c) => c.probe.firstAt))), '≤ 1.5 s at 100k'],
        ...(colds2.length
          ? [
              ['cold, HTTP/2 host: first 10 results painted, median', ms(median(colds2.map((c) => c.probe.fullAt))), '≤ 500 ms'],
              ['cold, HTTP/2 host: result count painted, median', ms(median(colds2.map((c) => c.probe.countAt))), ''],
            ]
          : []),
        ['repeat visit, service worker, online: first 10 painted / count painted, median', `${ms(median(repeats.map((r) => r.online.fullAt)))} / ${ms(median(repeats.map((r) => r.online.countAt)))}`, ''],
        ['repeat visit, service worker, offline: first 10 painted / count painted, median', `${ms(median(repeats.map((r) => r.offline.fullAt)))} / ${ms(median(repeats.map((r) => r.offline.countAt)))}`, ''],
        ['cold: bytes before first results (all), median', kb(totalBytes), '≤ 125 KB'],
        // The service worker is registered after the first results (docs/offline.md): none of its files before them.
        ['cold: offline files (sw.js, offline chunks) requested before first results, all loads', String(colds.reduce((sum, c) => sum + offlineFilesBefore(c).length, 0)), '0'],
        ['  of which HTML + JS + CSS', `${kb(pageBytes)} (${median(colds.map((c) => c.pageRequests))} requests)`, ''],
        ['  of which index data', `${kb(dataBytes)} (${median(colds.map((c) => c.dataRequests))} requests)`, ''],
        ['typed → first results painted (a partial answer counts), median / p95', `${ms(median(lat(typed, 'firstAt')))} / ${ms(percentile(lat(typed, 'firstAt'), 95))}`, 'p95 ≤ 40 ms (≤ 100 ms at 100k)'],
        ['typed → complete count painted, median / p95', `${ms(median(lat(typed, 'countAt')))} / ${ms(percentile(lat(typed, 'countAt'), 95))}`, ''],
        ['typed → first 10 painted (titles + snippets), median / p95', `${ms(median(lat(typed, 'fullAt')))} / ${ms(percentile(lat(typed, 'fullAt'), 95))}`, ''],
        ['Enter → count painted, median / p95', `${ms(median(lat(entered, 'countAt')))} / ${ms(percentile(lat(entered, 'countAt'), 95))}`, 'p95 ≤ 40 ms'],
        ['Enter → first 10 painted (titles + snippets), median / p95', `${ms(median(lat(entered, 'fullAt')))} / ${ms(percentile(lat(entered, 'fullAt'), 95))}`, ''],
        ['longest main-thread task: cold loads / warm pages', `${ms(Math.max(...colds.map((c) => c.longestTask)))} / ${ms(Math.max(typedRun.longestTask, enteredRun.longestTask))}`, '≤ 200 ms'],
        ['JS heap after the run (after GC): page', `${(memory.page / 1e6).toFixed(1)} MB`, ''],
        ['JS heap after the run (after GC): search worker', memory.worker === null ? 'n/a' : `${(memory.worker / 1e6).toFixed(1)} MB`, ''],
      ]),
    );
    const fonts = cjkFontWarning();
    if (fonts) out.push(fonts);
    out.push(
      'Warm pages settle before the measured queries (no index request for 1.5 s): by then this page has fetched the vocabulary ahead after its first search for words (both vocabularies within 8 MB, else the newest block\'s: every first answer), so new words need no round trip for it; snippets still fetch their article fragments over the throttled network (40 ms a request).',
    );
    out.push(
      `Repeat visits: ${repeats.length} queries; a first visit, then the same page and query again in that context once its service worker has stored the visit (shell precached, index files as fetched), online and with the network off; times from navigation start. The service worker's own fetches are not throttled (DevTools throttles the page and its workers).`,
    );
    if (memory.note) out.push(`Note: ${memory.note}.`);
    if (failed) out.push(`Note: ${failed} result rows painted "snippet unavailable" (counted as painted).`);
    if (pageErrors.length) out.push(`Note: the page threw ${pageErrors.length} error(s), first: ${pageErrors[0]}`);
    return out.join('\n');
  } finally {
    setCpuSlowdown(1); // whatever this process measures next runs at full speed
    await browser?.close().catch(() => undefined);
    await host.close();
  }
}

