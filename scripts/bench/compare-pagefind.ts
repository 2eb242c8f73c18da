/**
 * `npm run bench -- --compare pagefind [--input DIR] [--runs N] [--pagefind-max-gb N]` (issue #6):
 * this project and Pagefind on the same articles, in one run, side by side (printed by
 * compare-report.ts).
 *
 * 1. Build: this project's compile + index + write; for Pagefind, rendering the same (compiled)
 *    articles as static HTML pages, then Pagefind's Node API over them.
 * 2. Cold load (throttled Chromium, new context: empty cache): bytes and requests before the first 10
 *    results are painted, and the time to paint them, for queries typed into each page's box.
 * 3. Warm page: keystroke → first 10 results painted, median and p95 over 30 queries.
 * 4. Recall and precision@10 of each engine's full result list against a substring scan.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { foldText, loadFoldingTable } from '../../src/lib/search/index.ts';
import { type ArticleFragment, fragmentPath, type Manifest } from '../../src/lib/search/index.ts';
import { Searcher } from '../../src/lib/search/index.ts';
import { buildArchiveIndex } from '../compiler/build-archive-index.ts';
import { fileIndexSource } from '../lib/file-source.ts';
import { ensureBuilt, startAppHost } from './bench-page.ts';
import { buildPagefind, DEFAULT_PAGEFIND_MAX_BYTES, type PagefindBuild } from './build-pagefind.ts';
import { startGzipHost } from './gzip-host.ts';
import { type FolderSize, formatComparison, type ResultLists, type Side } from './compare-report.ts';
import { cjkFontWarning, type ColdRun, coldRun, launchChromium, type PageTarget, requirePainted, warmRun, warmUpBrowser } from './page-harness.ts';
import { PAGEFIND_MARKUP } from './page-probe.ts';
import { COMPARE_QUERIES } from './queries.ts';
import { LITERAL_FOLD, queryTerms, RESULT_CAP, SubstringTruth } from './recall.ts';
import { articleNumberOfUrl, renderArticleSite } from './render-pages.ts';

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

/** Pagefind's own code (UI, search API, its worker, WASM); the rest of /pagefind/ is index data. */
const PAGEFIND_CODE = /^\/pagefind\/(?:pagefind[\w-]*\.(?:js|css)|wasm\.[\w-]+\.pagefind)$/;

/** Total bytes and number of files under a folder, its compile cache left out. */
export async function folderSize(dir: string): Promise<FolderSize> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // A compile cache left there by an older build (it lives outside OUT now) is never published.
    if (!entry.isFile() || path.relative(dir, entry.parentPath).split(path.sep)[0] === '.cache') continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** Streams the index folder's article fragments through both substring scans. */
export async function scanTruth(
  indexDir: string,
  articles: number,
  queries: readonly string[] = COMPARE_QUERIES,
  termsOf: (query: string) => string[] = queryTerms,
): Promise<{ folded: SubstringTruth; literal: SubstringTruth }> {
  await loadFoldingTable();
  const folded = new SubstringTruth(queries, foldText, termsOf);
  const literal = new SubstringTruth(queries, LITERAL_FOLD, termsOf);
  for (let number = 0; number < articles; number++) {
    const fragment = JSON.parse(await readFile(path.join(indexDir, fragmentPath(number)), 'utf8')) as ArticleFragment;
    const article = { number, title: fragment.title, text: fragment.text };
    folded.add(article);
    literal.add(article);
  }
  return { folded, literal };
}

/** This project's ranked result lists (article numbers), through the same core as the browser. */
export async function appResultLists(indexDir: string, queries: readonly string[] = COMPARE_QUERIES): Promise<ResultLists> {
  const searcher = await Searcher.open(fileIndexSource(indexDir));
  const lists = new Map<string, number[]>();
  const totals = new Map<string, number>();
  const shown = new Map<string, number[]>();
  for (const query of queries) {
    // Every matching article, near-duplicates too: recall is measured over articles.
    const response = await searcher.search({ text: query, limit: RESULT_CAP, collapse: false });
    lists.set(query, response.hits.map((hit) => hit.number));
    totals.set(query, response.total);
    // The first page as a reader sees it: near-duplicates collapsed under their best result.
    const page = await searcher.search({ text: query, limit: 10 });
    shown.set(query, page.hits.map((hit) => hit.number));
  }
  return { lists, totals, shown };
}

/**
 * Pagefind's ranked result lists, from its JS API in the browser (it has no Node search API: the
 * search runs in WASM): `pagefind.search(q)`, then `data()` of the first `RESULT_CAP` results for
 * their URLs. Unthrottled: only the lists matter here.
 */
export async function pagefindResultLists(browser: Browser, url: string, queries: readonly string[] = COMPARE_QUERIES): Promise<ResultLists> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const lists = new Map<string, number[]>();
    const totals = new Map<string, number>();
    for (const query of queries) {
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

/** Runs the whole comparison and returns the printable report. */
export async function comparePagefind(options: ComparePagefindOptions): Promise<string> {
  const { input, distDir, coldRuns = 1, coldQueries = 5, pagefindMaxBytes = DEFAULT_PAGEFIND_MAX_BYTES } = options;
  const work = await mkdtemp(path.join(os.tmpdir(), 'nas-compare-'));
  const indexDir = path.join(work, 'index');
  const siteDir = path.join(work, 'site');
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
    const { report } = await buildArchiveIndex({ input, out: indexDir, cache: path.join(work, 'cache'), onProgress: (done, total) => done === total && (compiled = performance.now()) });
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
    let pfLists: ResultLists | null = null;
    try {
      browser = await launchChromium();
      const coldList = COMPARE_QUERIES.slice(0, coldQueries);
      await warmUpBrowser(browser, app.target, coldList[0]!);
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
      const appWarm = requirePainted(await warmRun(browser, app.target, COMPARE_QUERIES, 'typed'));
      appSide = { colds: appColds, warm: appWarm };
      if (pf) {
        pfSide = { colds: pfColds, warm: requirePainted(await warmRun(browser, pfTarget, COMPARE_QUERIES, 'typed')) };
        log("Pagefind's full result lists…");
        pfLists = await pagefindResultLists(browser, pfHost.url);
      }
    } finally {
      await browser?.close().catch(() => undefined);
      await Promise.all([app.host.close(), pfHost.close()]);
    }

    const fontWarning = cjkFontWarning();
    if (fontWarning) log(fontWarning);
    return formatComparison({
      input,
      files: report.files,
      articles: manifest.articles,
      rendered,
      pf,
      pfFailure,
      compileTime,
      appBuild,
      renderTime,
      pagefindTime,
      peak,
      appSize,
      pfSize,
      siteSize,
      appSide,
      pfSide,
      truth,
      appLists,
      pfLists,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
