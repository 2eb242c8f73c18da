/**
 * `npm run bench -- --compare pagefind [--input DIR] [--runs N]` (issue #6): this project and
 * Pagefind on the same articles, in one run, side by side.
 *
 * 1. Build: this project's compile + index + write; for Pagefind, rendering the same (compiled)
 *    articles as static HTML pages, then Pagefind's Node API over them.
 * 2. Cold load (throttled Chromium, cache disabled): bytes and requests before the first 10
 *    results are painted, and the time to paint them, for queries typed into each page's box.
 * 3. Warm page: keystroke → first 10 results painted, median and p95 over 30 queries.
 * 4. Recall and precision@10 of each engine's full result list against a substring scan.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { foldText, loadFoldingTable } from '../../src/lib/search/fold.ts';
import { type ArticleFragment, fragmentPath, type Manifest } from '../../src/lib/search/index-format.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { buildArchiveIndex } from '../lib/build-archive-index.ts';
import { fileIndexSource } from '../lib/file-source.ts';
import { ensureBuilt, startAppHost } from './bench-page.ts';
import { buildPagefind, DEFAULT_PAGEFIND_MAX_BYTES, type PagefindBuild } from './build-pagefind.ts';
import { startGzipHost } from './gzip-host.ts';
import { type ColdRun, coldRun, FIRST_RESULTS, launchChromium, NETWORK, type PageTarget, type Probe, VIEWPORT, warmRun, type WarmRun } from './page-harness.ts';
import { PAGEFIND_MARKUP } from './page-probe.ts';
import { COMPARE_QUERIES } from './queries.ts';
import { LITERAL_FOLD, meanOfDefined, RESULT_CAP, scoreResults, SubstringTruth } from './recall.ts';
import { articleNumberOfUrl, renderArticleSite, SITE_LANG } from './render-pages.ts';
import { kb, median, ms, percentile, table } from './stats.ts';

export interface ComparePagefindOptions {
  /** The archive folder. */
  input: string;
  /** The built site of this project (built first when missing). */
  distDir: string;
  /** Cold loads per query (default 1). */
  coldRuns?: number;
  /** How many of the queries the cold loads use (default 5). */
  coldQueries?: number;
  /** Stop Pagefind's binary above this resident memory (default 8 GB): the comparison then reports its failure. */
  pagefindMaxBytes?: number;
}

/** The typing pauses of the two search boxes (this project: src/ui; Pagefind: `<pagefind-input>`'s default). */
const DEBOUNCE = { app: 50, pagefind: 300 };

/** Pagefind's own code (UI, search API, its worker, WASM); the rest of /pagefind/ is index data. */
const PAGEFIND_CODE = /^\/pagefind\/(?:pagefind[\w-]*\.(?:js|css)|wasm\.[\w-]+\.pagefind)$/;

const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
const percent = (fraction: number): string => (Number.isNaN(fraction) ? '–' : `${(fraction * 100).toFixed(1)} %`);
const medianP95 = (values: number[]): string => `${ms(median(values))} / ${ms(percentile(values, 95))}`;

/** Total bytes and number of files under a folder. */
async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** Streams the index folder's article fragments through both substring scans. */
async function scanTruth(indexDir: string, articles: number): Promise<{ folded: SubstringTruth; literal: SubstringTruth }> {
  await loadFoldingTable();
  const folded = new SubstringTruth(COMPARE_QUERIES, foldText);
  const literal = new SubstringTruth(COMPARE_QUERIES, LITERAL_FOLD);
  for (let number = 0; number < articles; number++) {
    const fragment = JSON.parse(await readFile(path.join(indexDir, fragmentPath(number)), 'utf8')) as ArticleFragment;
    const article = { number, title: fragment.title, text: fragment.text };
    folded.add(article);
    literal.add(article);
  }
  return { folded, literal };
}

/** This project's ranked result lists (article numbers), through the same core as the browser. */
async function appResultLists(indexDir: string): Promise<{ lists: Map<string, number[]>; totals: Map<string, number> }> {
  const searcher = await Searcher.open(fileIndexSource(indexDir));
  const lists = new Map<string, number[]>();
  const totals = new Map<string, number>();
  for (const query of COMPARE_QUERIES) {
    const response = await searcher.search({ text: query, limit: RESULT_CAP });
    lists.set(query, response.hits.map((hit) => hit.number));
    totals.set(query, response.total);
  }
  return { lists, totals };
}

/**
 * Pagefind's ranked result lists, from its JS API in the browser (it has no Node search API: the
 * search runs in WASM): `pagefind.search(q)`, then `data()` of the first `RESULT_CAP` results for
 * their URLs. Unthrottled: only the lists matter here.
 */
async function pagefindResultLists(browser: Browser, url: string): Promise<{ lists: Map<string, number[]>; totals: Map<string, number> }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const lists = new Map<string, number[]>();
    const totals = new Map<string, number>();
    for (const query of COMPARE_QUERIES) {
      const answer = await page.evaluate(
        async ({ query, cap }) => {
          // The bundle's own module, loaded as its docs show; typed by hand (it ships no types).
          const pagefind = (await import('/pagefind/pagefind.js' as string)) as {
            init(): Promise<void>;
            search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
          };
          await pagefind.init();
          const search = await pagefind.search(query);
          const data = await Promise.all(search.results.slice(0, cap).map((result) => result.data()));
          return { total: search.results.length, urls: data.map((d) => d.url) };
        },
        { query, cap: RESULT_CAP },
      );
      const numbers = answer.urls.map(articleNumberOfUrl);
      const stray = answer.urls.filter((_, i) => numbers[i] === null);
      if (stray.length) throw new Error(`compare-pagefind: Pagefind returned pages that are not articles for "${query}": ${stray.slice(0, 3).join(', ')}`);
      lists.set(query, numbers as number[]);
      totals.set(query, answer.total);
    }
    return { lists, totals };
  } finally {
    await context.close();
  }
}

interface Side {
  colds: ColdRun[];
  warm: WarmRun;
}

function coldFigures(colds: ColdRun[]): { full: number; count: number; bytes: number; pageBytes: number; dataBytes: number; requests: number; pageRequests: number; dataRequests: number } {
  return {
    full: median(colds.map((c) => c.probe.fullAt)),
    count: median(colds.map((c) => c.probe.countAt)),
    bytes: median(colds.map((c) => c.pageBytes + c.dataBytes)),
    pageBytes: median(colds.map((c) => c.pageBytes)),
    dataBytes: median(colds.map((c) => c.dataBytes)),
    requests: median(colds.map((c) => c.pageRequests + c.dataRequests)),
    pageRequests: median(colds.map((c) => c.pageRequests)),
    dataRequests: median(colds.map((c) => c.dataRequests)),
  };
}

const latencies = (probes: Probe[], key: 'countAt' | 'fullAt'): number[] => probes.map((p) => p[key] - p.since);

/** Runs the whole comparison and returns the printable report. */
export async function comparePagefind(options: ComparePagefindOptions): Promise<string> {
  const { input, distDir, coldRuns = 1, coldQueries = 5, pagefindMaxBytes = DEFAULT_PAGEFIND_MAX_BYTES } = options;
  const work = await mkdtemp(path.join(os.tmpdir(), 'nas-compare-'));
  const indexDir = path.join(work, 'index');
  const siteDir = path.join(work, 'site');
  const out: string[] = [];
  const log = (line: string): void => console.error(`compare-pagefind: ${line}`);
  try {
    // 1. Builds.
    log(`building this project's index of ${input}…`);
    let t = performance.now();
    // The last progress call marks the end of compiling (walk, parse, clean, sanitize): the part a
    // Pagefind site needs as well, from its site generator.
    let compiled = t;
    let peak = process.memoryUsage().rss; // worker threads included: they share the process
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const { report } = await buildArchiveIndex({ input, out: indexDir, onProgress: (done, total) => done === total && (compiled = performance.now()) });
    const appBuild = performance.now() - t;
    clearInterval(sampler);
    const compileTime = compiled - t;
    const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as Manifest;
    log(`rendering ${manifest.articles} article pages…`);
    t = performance.now();
    const rendered = await renderArticleSite(indexDir, siteDir);
    const renderTime = performance.now() - t;
    const siteSize = await folderSize(siteDir);
    log('running Pagefind…');
    t = performance.now();
    // A failed Pagefind build (out of memory at scale) is a result too: its column then says why.
    let pf: PagefindBuild | null = null;
    let pfFailure = '';
    try {
      pf = await buildPagefind(siteDir, pagefindMaxBytes);
    } catch (error) {
      pfFailure = (error as Error).message;
      log(pfFailure);
    }
    const pagefindTime = performance.now() - t;
    const appSize = await folderSize(indexDir);
    const pfSize = pf && (await folderSize(pf.bundleDir));
    const failedNote = `failed: ${pfFailure}`;
    /** A Pagefind cell: its figure, or "–" when it has no index. */
    const pfCell = (figure: () => string): string => (pf ? figure() : '–');

    // 4 (before the browser: pure Node). Ground truth and this project's lists.
    log('scanning the articles for the ground truth…');
    const truth = await scanTruth(indexDir, manifest.articles);
    const appLists = await appResultLists(indexDir);

    // 2, 3. The two pages in Chromium.
    ensureBuilt(distDir);
    const app = await startAppHost(distDir, indexDir);
    const pfHost = await startGzipHost([{ prefix: '/', dir: siteDir }]);
    const pfTarget: PageTarget = {
      url: pfHost.url,
      host: pfHost,
      markup: PAGEFIND_MARKUP,
      isIndexData: (pathname) => pathname.startsWith('/pagefind/') && !PAGEFIND_CODE.test(pathname),
    };
    let browser: Browser | null = null;
    let appSide: Side;
    let pfSide: Side | null = null;
    let pfLists: Awaited<ReturnType<typeof pagefindResultLists>> | null = null;
    try {
      browser = await launchChromium();
      const coldList = COMPARE_QUERIES.slice(0, coldQueries);
      const appColds: ColdRun[] = [];
      const pfColds: ColdRun[] = [];
      log(`cold loads: ${coldList.length} queries × ${coldRuns} × 2 pages…`);
      // Interleaved, so that both pages share the machine's noisy moments.
      for (let run = 0; run < coldRuns; run++) {
        for (const query of coldList) {
          appColds.push(await coldRun(browser, app.target, query));
          if (pf) pfColds.push(await coldRun(browser, pfTarget, query));
        }
      }
      log(`warm pages: ${COMPARE_QUERIES.length} queries × 2 pages…`);
      const appWarm = await warmRun(browser, app.target, COMPARE_QUERIES, 'typed');
      appSide = { colds: appColds, warm: appWarm };
      if (pf) {
        pfSide = { colds: pfColds, warm: await warmRun(browser, pfTarget, COMPARE_QUERIES, 'typed') };
        log("Pagefind's full result lists…");
        pfLists = await pagefindResultLists(browser, pfHost.url);
      }
    } finally {
      await browser?.close().catch(() => undefined);
      await Promise.all([app.host.close(), pfHost.close()]);
    }

    // The report.
    out.push(
      `This project vs Pagefind — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
      `Archive: ${input}: ${report.files} files, ${manifest.articles} articles rendered as ${rendered} pages + the search page; Pagefind's index: ${pf ? Object.entries(pf.pages).map(([lang, n]) => `${n} pages (${lang})`).join(', ') : failedNote}`,
      '',
      'Build (one run each)',
      table([
        ['figure', 'this project', 'Pagefind 1.6.0'],
        ['compile the archive files (walk, parse, clean, sanitize)', seconds(compileTime), `${seconds(compileTime)} (the same compiled articles)`],
        ['index: this project build + write; Pagefind render + index', seconds(appBuild - compileTime), pfCell(() => seconds(renderTime + pagefindTime))],
        [`  render ${rendered} articles as static HTML pages`, '–', seconds(renderTime)],
        ['  Pagefind indexing (Node API, extended binary)', '–', pf ? seconds(pagefindTime) : `${failedNote} (${seconds(pagefindTime)})`],
        ['build, total from the archive files', seconds(appBuild), pfCell(() => seconds(compileTime + renderTime + pagefindTime))],
        ['build: peak memory (RSS)', `${(peak / 1e6).toFixed(0)} MB (compile + index)`, pf?.peakBytes ? `${(pf.peakBytes / 1e6).toFixed(0)} MB (Pagefind binary)` : '–'],
        ['index files on disk (count, bytes as stored)', `${appSize.files} files, ${(appSize.bytes / 1e6).toFixed(1)} MB`, pfCell(() => `${pfSize!.files} files, ${(pfSize!.bytes / 1e6).toFixed(1)} MB`)],
        ['  plus the HTML pages the results link to', '– (the reader uses h/<n>.html)', `${siteSize.files} files, ${(siteSize.bytes / 1e6).toFixed(1)} MB`],
      ]),
    );

    const a = coldFigures(appSide.colds);
    const p = coldFigures(pfSide?.colds ?? []);
    const coldRows: string[][] = [['query', 'results (this / Pagefind)', 'first 10 painted: this project', 'Pagefind', 'bytes (requests): this project', 'Pagefind']];
    appSide.colds.forEach((c, i) => {
      const o = pfSide?.colds[i];
      coldRows.push([
        c.probe.query,
        `${c.probe.total} / ${o ? o.probe.total : '–'}`,
        ms(c.probe.fullAt),
        o ? ms(o.probe.fullAt) : '–',
        `${kb(c.pageBytes + c.dataBytes)} (${c.pageRequests + c.dataRequests})`,
        o ? `${kb(o.pageBytes + o.dataBytes)} (${o.pageRequests + o.dataRequests})` : '–',
      ]);
    });
    out.push(
      '',
      `Cold load: headless Chromium, ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s, ${NETWORK.latency} ms latency (DevTools Network.emulateNetworkConditions), cache disabled, gzip static host, ${VIEWPORT.width}×${VIEWPORT.height} viewport; each query typed as soon as the box appears; times from navigation start; medians of ${appSide.colds.length} loads`,
      table(coldRows),
      '',
      table([
        ['figure', 'this project', 'Pagefind 1.6.0'],
        [`cold: first ${FIRST_RESULTS} results painted (titles + snippets), median`, ms(a.full), pfCell(() => ms(p.full))],
        ['cold: result count painted, median', ms(a.count), pfCell(() => ms(p.count))],
        ['cold: bytes before the first results, median', `${kb(a.bytes)} (${a.requests} requests)`, pfCell(() => `${kb(p.bytes)} (${p.requests} requests)`)],
        ['  of which HTML + JS + CSS (+ WASM)', `${kb(a.pageBytes)} (${a.pageRequests})`, pfCell(() => `${kb(p.pageBytes)} (${p.pageRequests})`)],
        ['  of which index data', `${kb(a.dataBytes)} (${a.dataRequests})`, pfCell(() => `${kb(p.dataBytes)} (${p.dataRequests})`)],
      ]),
    );

    const aw = appSide.warm.probes;
    const pw = pfSide?.warm.probes ?? [];
    out.push(
      '',
      `Warm page (cache on, same throttling): ${COMPARE_QUERIES.length} queries, each into a cleared box as one input event; times from the input event, so each box's own typing pause is included`,
      table([
        ['figure', 'this project', 'Pagefind 1.6.0'],
        [`keystroke → first ${FIRST_RESULTS} painted, median / p95`, medianP95(latencies(aw, 'fullAt')), pfCell(() => medianP95(latencies(pw, 'fullAt')))],
        ['keystroke → result count painted, median / p95', medianP95(latencies(aw, 'countAt')), pfCell(() => medianP95(latencies(pw, 'countAt')))],
        ['  of which the search box waits for more typing', `${DEBOUNCE.app} ms`, `${DEBOUNCE.pagefind} ms (<pagefind-input> default)`],
        [`keystroke → first ${FIRST_RESULTS} painted minus that pause, median / p95`, medianP95(latencies(aw, 'fullAt').map((v) => v - DEBOUNCE.app)), pfCell(() => medianP95(latencies(pw, 'fullAt').map((v) => v - DEBOUNCE.pagefind)))],
      ]),
    );

    // Recall and precision.
    const queryRows: string[][] = [['query', 'truth: folded / literal', 'this project: results', 'recall', 'P@10', 'Pagefind: results', 'recall (folded / literal)', 'P@10 (folded / literal)']];
    const scores = { app: [] as ReturnType<typeof scoreResults>[], appLiteral: [] as ReturnType<typeof scoreResults>[], pf: [] as ReturnType<typeof scoreResults>[], pfLiteral: [] as ReturnType<typeof scoreResults>[] };
    let appEmpty = 0;
    let pfEmpty = 0;
    for (const query of COMPARE_QUERIES) {
      const folded = truth.folded.of(query);
      const literal = truth.literal.of(query);
      const mine = appLists.lists.get(query)!;
      const theirs = pfLists?.lists.get(query) ?? [];
      const s = { app: scoreResults(mine, folded), appLiteral: scoreResults(mine, literal), pf: scoreResults(theirs, folded), pfLiteral: scoreResults(theirs, literal) };
      scores.app.push(s.app);
      scores.appLiteral.push(s.appLiteral);
      scores.pf.push(s.pf);
      scores.pfLiteral.push(s.pfLiteral);
      if (mine.length === 0 && folded.size > 0) appEmpty++;
      if (pf && theirs.length === 0 && folded.size > 0) pfEmpty++;
      queryRows.push([
        query,
        `${folded.size} / ${literal.size}`,
        String(appLists.totals.get(query)),
        percent(s.app.recall),
        percent(s.app.precision),
        pfCell(() => String(pfLists!.totals.get(query))),
        pfCell(() => `${percent(s.pf.recall)} / ${percent(s.pfLiteral.recall)}`),
        pfCell(() => `${percent(s.pf.precision)} / ${percent(s.pfLiteral.precision)}`),
      ]);
    }
    const mean = (list: ReturnType<typeof scoreResults>[], key: 'recall' | 'precision') => percent(meanOfDefined(list.map((s) => s[key])));
    out.push(
      '',
      `Recall and precision@10 over ${COMPARE_QUERIES.length} queries against a brute-force substring scan of every article's title + text: the truth is the articles containing every query term as a substring,`,
      "after this project's folding (src/lib/search/fold.ts: NFKC, case, traditional → simplified) of text and terms alike (\"folded\"), or after lowercasing only (\"literal\": what Pagefind, which folds no Chinese, could match).",
      `Recall = |returned ∩ truth| / min(|truth|, ${RESULT_CAP}) over each engine's full ranked list (first ${RESULT_CAP} results judged); precision@10 = share of the first min(10, returned) results in the truth; means over the queries with a non-empty truth (recall) or with results (precision).`,
      `Pagefind's lists come from its JS API in the browser (pagefind.search, then data() for the URLs); pages are <html lang="${SITE_LANG}">, so Pagefind segments Chinese into words at index time and with Intl.Segmenter at query time.`,
      table(queryRows),
      '',
      table([
        ['figure', 'this project', 'Pagefind 1.6.0'],
        ['recall, mean (folded truth)', mean(scores.app, 'recall'), pfCell(() => mean(scores.pf, 'recall'))],
        ['recall, mean (literal truth)', mean(scores.appLiteral, 'recall'), pfCell(() => mean(scores.pfLiteral, 'recall'))],
        ['precision@10, mean (folded truth)', mean(scores.app, 'precision'), pfCell(() => mean(scores.pf, 'precision'))],
        ['precision@10, mean (literal truth)', mean(scores.appLiteral, 'precision'), pfCell(() => mean(scores.pfLiteral, 'precision'))],
        ['queries with no results (truth non-empty)', String(appEmpty), pfCell(() => String(pfEmpty))],
      ]),
      "This project also matches synonyms (川普 ⇄ 特朗普, COVID ⇄ 新冠 …) and Latin words as prefixes: such results are outside the substring truth and count against its precision.",
    );
    const errors = [...appSide.warm.pageErrors.map((e) => `this project: ${e}`), ...(pfSide?.warm.pageErrors ?? []).map((e) => `Pagefind: ${e}`)];
    if (errors.length) out.push(`Note: the pages threw ${errors.length} error(s), first: ${errors[0]}`);
    const failed = [...appSide.colds.map((c) => c.probe), ...aw].reduce((n, probe) => n + probe.failed, 0);
    if (failed) out.push(`Note: ${failed} of this project's result rows painted "snippet unavailable" (counted as painted).`);
    return out.join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
