/**
 * What the widget downloads: the budget the owner decided (issue #19), measured in Chromium from
 * the widget's origin, gzip as served (a gzip -9 host), JavaScript and CSS only (its CSS ships in
 * its JS), the index excluded:
 * - before the first results of a first query: at most 60 KB (what the page asks for only after
 *   those results are painted, by the page's clock, is listed apart: the App, which the widget's
 *   first paint asks for then, and the facet controls);
 * - the reader, when an article is first opened: at most 25 KB more;
 * - every chunk the widget can ever load, together: reported, not capped (a walk of the chunk
 *   graph from `dist/widget.js`, each file gzip -9: the worker's, the page's copy of the search
 *   for the inline mode, the reader, the folding table, compact mode, the other languages).
 * The first two are measured in both modes: with its worker, and searching in the page (the
 * host's CSP refuses the worker: `worker-src 'none'`). The same sessions report the page's long
 * tasks (a `PerformanceObserver` for `longtask`: over 50 ms on the main thread), to the first
 * results and while more queries are typed: a figure (it depends on the machine and its load),
 * not a budget.
 *
 *   node --import tsx/esm scripts/bench/widget-size.ts [DIST] [INDEX]   (INDEX: default DIST/data)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { startGzipHost, type GzipHost } from './gzip-host.ts';
import { launchChromium } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { kb, table } from './stats.ts';
import { isMainModule, readArgs } from '../lib/cli-args.ts';

/** When a chunk is fetched: with the widget, to search (the worker's), or on demand. */
export type ChunkTiming = 'static' | 'worker' | 'lazy';

export interface WidgetChunk {
  file: string;
  gzip: number;
  timing: ChunkTiming;
}

// `import … from "./x.js"` / `import "./x.js"`, `import("./x.js")` (any quotes), and bare "assets/x-hash.js"
// strings (the worker URL, Vite's preload lists).
const STATIC_IMPORT = /\bimport\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
const CHUNK_NAME = /["'`]((?:\.{1,2}\/|assets\/)?[\w.-]+-[\w-]{8}\.js)["'`]/g;

/**
 * Walks the chunk graph from `widget.js`. A chunk reached only through `import()` is lazy; the
 * worker script (its imports, and the core it imports as it starts) counts as loaded to search.
 *
 * @throws Error when `distDir` has no widget.js (run `npm run build`)
 */
export function measureWidgetSize(distDir: string): WidgetChunk[] {
  if (!existsSync(path.join(distDir, 'widget.js'))) throw new Error(`widget-size: no widget.js in ${distDir}: run npm run build first`);
  const found = new Map<string, WidgetChunk>();
  const rank: Record<ChunkTiming, number> = { static: 0, worker: 1, lazy: 2 };
  const visit = (file: string, timing: ChunkTiming): void => {
    const known = found.get(file);
    if (known && rank[known.timing] <= rank[timing]) return;
    const code = readFileSync(path.join(distDir, file), 'utf8');
    found.set(file, { file, gzip: gzipSync(code, { level: 9 }).length, timing });
    const resolve = (specifier: string) => path.normalize(specifier.startsWith('assets/') ? specifier : path.join(path.dirname(file), specifier));
    const statics = new Set([...code.matchAll(STATIC_IMPORT)].map((m) => resolve(m[1]!)));
    const dynamics = new Set([...code.matchAll(DYNAMIC_IMPORT)].map((m) => resolve(m[1]!)));
    for (const next of statics) visit(next, timing);
    // The worker's first script imports its core (search-core.ts) as it starts: loaded to search too.
    for (const next of dynamics) visit(next, timing === 'worker' && /(^|\/)search-core-[\w-]{8}\.js$/.test(next) ? 'worker' : 'lazy');
    for (const m of code.matchAll(CHUNK_NAME)) {
      const next = resolve(m[1]!);
      if (statics.has(next) || dynamics.has(next)) continue;
      visit(next, /search-worker/.test(next) ? (timing === 'lazy' ? 'lazy' : 'worker') : 'lazy');
    }
  };
  visit('widget.js', 'static');
  return [...found.values()].sort((a, b) => rank[a.timing] - rank[b.timing] || b.gzip - a.gzip);
}

/** Where the widget's search runs in a measurement. */
export type WidgetMode = 'worker' | 'inline';

/** A file the widget fetched, and its bytes as served (gzip). */
export interface LoadedFile {
  path: string;
  bytes: number;
}

/** What one cold session of the widget fetched, by stage. */
export interface WidgetSession {
  mode: WidgetMode;
  query: string;
  /** JS and CSS fetched before the first results of the first query were painted. */
  firstResults: LoadedFile[];
  /** JS and CSS the page asked for after those results were painted (the App, the facet controls), before the reader. */
  afterFirstResults?: LoadedFile[];
  /** JS and CSS fetched from then until an article was open in the reader (with its related stories). */
  reader: LoadedFile[];
  /** The page's long tasks (ms), to the first results painted, and while `typed` more queries were typed (reader closed). */
  longTasks?: { firstResults: number[]; typing: number[]; typed: number };
}

/** Queries typed key by key after the reader is closed, for the long tasks: the benchmark's next ones. */
export const TYPED_QUERIES: readonly string[] = BENCH_QUERIES.slice(1, 13);
/** Milliseconds between two keys: a quick typist (each key a search of its own in the widget). */
const KEY_DELAY_MS = 80;

/** The host page: the widget, and (inline) a CSP that refuses every worker. */
function hostPage(mode: WidgetMode): string {
  const csp = mode === 'inline' ? `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; connect-src 'self'; worker-src 'none'">` : '';
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8">${csp}<link rel="icon" href="data:,"><script type="module" src="/widget.js"></script></head><body><news-search index-url="/data/"></news-search></body></html>`;
}

/** The widget's own JS and CSS requested so far (not the host page, not the index), with their served bytes. */
function widgetFiles(host: GzipHost, before: ReadonlyMap<string, number>): LoadedFile[] {
  return [...host.served()]
    .filter(([url, count]) => count > (before.get(url) ?? 0) && /\.(m?js|css)$/.test(url) && !url.startsWith('/data/'))
    .map(([url]) => ({ path: url.slice(1), bytes: host.bodyBytes(url) ?? 0 }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Resolves once the host has served nothing new for `quietMs`. */
async function settled(host: GzipHost, quietMs = 500): Promise<void> {
  let last = '';
  for (;;) {
    const now = JSON.stringify([...host.served()]);
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/**
 * One cold session in a fresh browser context: the host page, `query` typed into the widget, its
 * first results painted (titles and snippets), its facet controls, then the first result opened in
 * the reader; then the reader closed and the `typed` queries typed key by key (long tasks only).
 */
export async function measureWidgetSession(
  browser: Browser,
  host: GzipHost,
  mode: WidgetMode,
  query: string = BENCH_QUERIES[0]!,
  typed: readonly string[] = TYPED_QUERIES,
): Promise<WidgetSession> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    const before = new Map(host.served());
    // When the first results were painted, on the page's clock: looked for in every frame from the
    // page itself (a check from here comes a round trip later, when what the page asked for after
    // that paint may be served too).
    // (A string: tsx would wrap a function's inner functions in a helper the page does not have.)
    await page.addInitScript(
      `(function look() { if (document.querySelector('news-search')?.shadowRoot?.querySelector('article.result p.snippet:not(.placeholder)')) window.paintedAt = performance.now(); else requestAnimationFrame(look); })();`,
    );
    // Every long task of the page from its start, with when it began (buffered: none is missed).
    await page.addInitScript(
      `window.longTasks = []; new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.longTasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask', buffered: true });`,
    );
    await page.goto(new URL(`bench-widget/${mode}.html`, host.url).href);
    const widget = page.locator('news-search');
    await widget.getByRole('searchbox').fill(query);
    await widget.locator('article.result p.snippet:not(.placeholder)').first().waitFor();
    const actual = await widget.getAttribute('data-mode');
    if (actual !== mode) throw new Error(`widget-size: the widget ran in ${actual ?? 'no'} mode, expected ${mode}`);
    // The facet controls, laid out after the first results (their chunk is listed apart), before the reader.
    await widget.locator('details.facets fieldset').first().waitFor();
    await settled(host);
    const sinceStart = widgetFiles(host, before);
    const atResults = new Map(host.served());
    const clickedAt = await page.evaluate(() => performance.now());
    await widget.locator('article.result').first().getByRole('link').click();
    await widget.getByRole('dialog').locator('article h2').waitFor();
    await settled(host);
    // What the page asked for after that paint (the App's chunks, the facet controls') is not before the first
    // results. Read now that every request has ended (an entry is added when its response does);
    // the worker's own fetches are not in the page's resource timing: they all count.
    const paintedAt = await page.evaluate(() => (window as unknown as { paintedAt: number }).paintedAt);
    const asked = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => ({ path: new URL(entry.name).pathname.slice(1), at: entry.startTime })));
    const askedBetween = new Set(asked.filter((entry) => entry.at > paintedAt && entry.at < clickedAt).map((entry) => entry.path));
    const firstResults = sinceStart.filter((file) => !askedBetween.has(file.path));
    const reader = widgetFiles(host, atResults).filter((file) => !askedBetween.has(file.path));
    const afterFirstResults = [...askedBetween].filter((file) => /\.(m?js|css)$/.test(file)).map((file) => ({ path: file, bytes: host.bodyBytes(`/${file}`) ?? 0 }));
    // The reader closed, more queries typed key by key, each waited for until its results are
    // complete (the search settled, the first snippet or the empty notice shown).
    await page.keyboard.press('Escape');
    await widget.getByRole('dialog').waitFor({ state: 'hidden' });
    const typingFrom = await page.evaluate(() => performance.now());
    const box = widget.getByRole('searchbox');
    for (const text of typed) {
      await box.fill('');
      await box.pressSequentially(text, { delay: KEY_DELAY_MS });
      await widget.locator('section[aria-busy="false"]').waitFor();
      await widget.locator('article.result p.snippet:not(.placeholder), .empty').first().waitFor();
    }
    // A task still running is reported when it ends.
    await page.waitForTimeout(200);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: Array<[number, number]> }).longTasks);
    const longTasks = {
      firstResults: tasks.filter(([start]) => start < paintedAt).map(([, duration]) => duration),
      typing: tasks.filter(([start]) => start >= typingFrom).map(([, duration]) => duration),
      typed: typed.length,
    };
    return { mode, query, firstResults, afterFirstResults, reader, longTasks };
  } finally {
    await context.close();
  }
}

/** Both modes' sessions, with `dist/` and the index at `indexDir` on a gzip -9 host. */
export async function measureWidgetSessions(distDir: string, indexDir: string, query?: string, typed?: readonly string[]): Promise<WidgetSession[]> {
  const pages = mkdtempSync(path.join(os.tmpdir(), 'nas-widget-host-'));
  const modes: WidgetMode[] = ['worker', 'inline'];
  for (const mode of modes) writeFileSync(path.join(pages, `${mode}.html`), hostPage(mode));
  const host = await startGzipHost([
    { prefix: '/data/', dir: indexDir },
    { prefix: '/bench-widget/', dir: pages },
    { prefix: '/', dir: distDir },
  ]);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const sessions: WidgetSession[] = [];
    for (const mode of modes) sessions.push(await measureWidgetSession(browser, host, mode, query, typed));
    return sessions;
  } finally {
    await browser?.close();
    await host.close();
    rmSync(pages, { recursive: true, force: true });
  }
}

/** The budget's figures (KB, 1,024 bytes), for the README and `npm run bench`. */
export const WIDGET_BUDGET = { firstResults: 60 * 1024, reader: 25 * 1024 };

const total = (files: readonly { bytes: number }[]) => files.reduce((sum, file) => sum + file.bytes, 0);

/** Long tasks as `count: longest, next… ms` (the ten longest), or `none`. */
export function describeTasks(durations: readonly number[]): string {
  if (durations.length === 0) return 'none';
  const sorted = [...durations].sort((a, b) => b - a).map((d) => Math.round(d));
  return `${durations.length}: ${sorted.slice(0, 10).join(', ')}${sorted.length > 10 ? ', …' : ''} ms`;
}

function longest({ firstResults, typing }: NonNullable<WidgetSession['longTasks']>): string {
  const all = [...firstResults, ...typing];
  return all.length ? `${Math.round(Math.max(...all))} ms` : 'under 50 ms';
}

/** The table `npm run bench` prints. */
export function formatWidgetSize(sessions: readonly WidgetSession[], chunks: readonly WidgetChunk[]): string {
  const within = (bytes: number, budget: number) => `${kb(bytes)}${bytes <= budget ? '' : ' (over)'}`;
  const every = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  const label: Record<ChunkTiming, string> = { static: 'with the widget', worker: 'its worker', lazy: 'on demand' };
  const lines = [
    `Widget download, measured in Chromium: JS and CSS from the widget's origin, gzip -9 as served, index excluded; query "${sessions[0]?.query ?? ''}"`,
    table([
      ['figure', ...sessions.map((s) => `${s.mode} mode`), 'budget'],
      ['before the first results of a first query', ...sessions.map((s) => within(total(s.firstResults), WIDGET_BUDGET.firstResults)), '≤ 60 KB'],
      ['the reader, when an article is first opened (more)', ...sessions.map((s) => within(total(s.reader), WIDGET_BUDGET.reader)), '≤ 25 KB'],
      ['every chunk it can load, together (gzip -9 of dist/)', kb(every), ...sessions.slice(1).map(() => ''), 'reported'],
    ]),
  ];
  const withTasks = sessions.filter((s) => s.longTasks);
  if (withTasks.length) {
    lines.push(`The page's long tasks (over 50 ms on its main thread; a figure of this machine and its load, not a budget)`);
    lines.push(
      table([
        ['mode', 'to the first results', `typing ${withTasks[0]!.longTasks!.typed} more queries`, 'longest'],
        ...withTasks.map((s) => [`${s.mode} mode`, describeTasks(s.longTasks!.firstResults), describeTasks(s.longTasks!.typing), longest(s.longTasks!)]),
      ]),
    );
  }
  for (const session of sessions) {
    lines.push(`${session.mode} mode, by stage`);
    lines.push(
      table([
        ['file', 'stage', 'gzip'],
        ...session.firstResults.map((f) => [f.path, 'first results', kb(f.bytes)]),
        ...(session.afterFirstResults ?? []).map((f) => [f.path, 'after first results', kb(f.bytes)]),
        ...session.reader.map((f) => [f.path, 'reader', kb(f.bytes)]),
      ]),
    );
  }
  lines.push('Every chunk it can load (a walk of the chunk graph from dist/widget.js)');
  lines.push(table([['chunk', 'loaded', 'gzip'], ...chunks.map((c) => [c.file, label[c.timing], kb(c.gzip)])]));
  return lines.join('\n');
}

const NAME = 'node --import tsx/esm scripts/bench/widget-size.ts';
const COMMAND = { name: NAME, usage: `usage: ${NAME} [DIST] [INDEX]   (INDEX: default DIST/data)`, options: {}, positionals: true } as const;
const parsed = isMainModule(import.meta.url) ? readArgs(COMMAND, process.argv.slice(2)) : null;
if (typeof parsed === 'number') process.exitCode = parsed;
else if (parsed) {
  const distDir = path.resolve(parsed.positionals[0] ?? 'dist');
  const indexDir = path.resolve(parsed.positionals[1] ?? path.join(distDir, 'data'));
  if (!existsSync(path.join(indexDir, 'manifest.json'))) throw new Error(`widget-size: no index at ${indexDir}: build one (npm run index -- --out ${indexDir}) or name it`);
  const chunks = measureWidgetSize(distDir);
  console.log(formatWidgetSize(await measureWidgetSessions(distDir, indexDir), chunks));
}
