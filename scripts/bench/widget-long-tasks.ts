/**
 * The widget's inline mode claims that searching in the page keeps every task under 50 ms. This
 * probe checks it, outside the tests (it is a timing): the built widget and an index on a gzip host,
 * a host page whose CSP refuses workers (so the widget searches in the page) and the same page
 * without one (its worker, for comparison), the benchmark's queries typed one after another into
 * the widget, then an article opened; a `PerformanceObserver` records the page's long tasks (over
 * 50 ms) from the start.
 *
 *   node --import tsx/esm scripts/bench/widget-long-tasks.ts [DIST] [INDEX] [--cpu-slowdown N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startGzipHost, type GzipHost } from './gzip-host.ts';
import { launchChromium } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { table } from './stats.ts';
import { isMainModule, readArgs } from '../lib/cli-args.ts';

type Mode = 'worker' | 'inline';

interface LongTasks {
  mode: Mode;
  queries: number;
  /** Long tasks from navigation to the first results painted (the App's first render among them). */
  startup: number[];
  /** Long tasks while the queries were searched and an article opened. */
  searching: number[];
}

function hostPage(mode: Mode): string {
  const csp = mode === 'inline' ? `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; connect-src 'self'; worker-src 'none'">` : '';
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8">${csp}<link rel="icon" href="data:,"><script type="module" src="/widget.js"></script></head><body><news-search index-url="/data/"></news-search></body></html>`;
}

async function probe(browser: Browser, host: GzipHost, mode: Mode, queries: readonly string[], cpuSlowdown: number): Promise<LongTasks> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(() => {
      const durations: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      // Long animation frames name the scripts that ran in them: which long tasks are the search's.
      const scripts: string[] = [];
      (window as unknown as { longScripts: string[] }).longScripts = scripts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{ scripts: Array<{ duration: number; invoker: string; sourceURL: string; sourceFunctionName: string }> }>) {
          for (const script of entry.scripts) {
            if (script.duration >= 20) scripts.push(`${Math.round(script.duration)} ms ${script.invoker} ${script.sourceURL.split('/').pop()} ${script.sourceFunctionName}`);
          }
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    await page.goto(new URL(`probe/${mode}.html`, host.url).href);
    const widget = page.locator('news-search');
    const taken = async () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    const searched = async (text: string) => {
      await widget.getByRole('searchbox').fill(text);
      await widget.locator('section[aria-busy="false"]').waitFor();
      await widget.locator('article.result p.snippet:not(.placeholder), p.empty, [role="status"]').first().waitFor();
    };
    await searched(queries[0]!);
    await widget.locator('article.result p.snippet:not(.placeholder)').first().waitFor();
    if ((await widget.getAttribute('data-mode')) !== mode) throw new Error(`widget-long-tasks: the widget did not run in ${mode} mode`);
    const startup = await taken();
    for (const text of queries.slice(1)) await searched(text);
    await widget.locator('article.result').first().getByRole('link').click();
    await widget.getByRole('dialog').locator('article h2').waitFor();
    await page.waitForTimeout(500);
    const searching = await taken();
    if (process.env.LONG_SCRIPTS) console.log(mode, await page.evaluate(() => (window as unknown as { longScripts: string[] }).longScripts));
    return { mode, queries: queries.length, startup, searching };
  } finally {
    await context.close();
  }
}

const describe = (tasks: number[]) => (tasks.length ? `${tasks.length}: ${tasks.map((t) => Math.round(t)).sort((a, b) => b - a).join(', ')} ms` : 'none');

const NAME = 'node --import tsx/esm scripts/bench/widget-long-tasks.ts';
const COMMAND = {
  name: NAME,
  usage: `usage: ${NAME} [DIST] [INDEX] [--cpu-slowdown N] [--runs N]`,
  options: { 'cpu-slowdown': { type: 'string', default: '1', value: 'N' }, runs: { type: 'string', default: '3', value: 'N' } },
  positionals: true,
} as const;
const parsed = isMainModule(import.meta.url) ? readArgs(COMMAND, process.argv.slice(2)) : null;
if (typeof parsed === 'number') process.exitCode = parsed;
else if (parsed) {
  const { values, positionals } = parsed;
  const distDir = path.resolve(positionals[0] ?? 'dist');
  const indexDir = path.resolve(positionals[1] ?? path.join(distDir, 'data'));
  const pages = mkdtempSync(path.join(os.tmpdir(), 'nas-widget-probe-'));
  for (const mode of ['worker', 'inline'] as const) writeFileSync(path.join(pages, `${mode}.html`), hostPage(mode));
  const host = await startGzipHost([
    { prefix: '/data/', dir: indexDir },
    { prefix: '/probe/', dir: pages },
    { prefix: '/', dir: distDir },
  ]);
  const browser = await launchChromium();
  try {
    const rows: string[][] = [['mode', 'run', 'long tasks to the first results', `long tasks over ${BENCH_QUERIES.length - 1} more queries and an article`]];
    for (let run = 1; run <= Number(values.runs); run++) {
      for (const mode of ['worker', 'inline'] as const) {
        const result = await probe(browser, host, mode, BENCH_QUERIES, Number(values['cpu-slowdown']));
        rows.push([mode, String(run), describe(result.startup), describe(result.searching)]);
      }
    }
    console.log(`Long tasks (> 50 ms) on the widget's page, CPU slowdown ${values['cpu-slowdown']}×, index ${indexDir}`);
    console.log(table(rows));
  } finally {
    await browser.close();
    await host.close();
    rmSync(pages, { recursive: true, force: true });
  }
}
