/**
 * The widget's inline mode claims that searching in the page keeps every task under 50 ms. This
 * probe checks it, outside the tests (it is a timing): the built widget and an index on a gzip host,
 * a host page whose CSP refuses workers (so the widget searches in the page) and the same page
 * without one (its worker, for comparison), the benchmark's queries typed one after another into
 * the widget, then an article opened; a `PerformanceObserver` records the page's long tasks (over
 * 50 ms) from the start. In the page, the search names each stretch of its work with a
 * `performance.measure` (`src/worker/stage-measures.ts`): each long task is put down to the stages
 * whose measures it covers (in ms of the task), and the rest of it to the App and the page.
 *
 *   node --import tsx/esm scripts/bench/widget-long-tasks.ts [DIST] [INDEX] [--cpu-slowdown N] [--runs N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startGzipHost, type GzipHost } from './gzip-host.ts';
import { launchChromium } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { table } from './stats.ts';
import { STAGE_MEASURE_PREFIX } from '../../src/worker/stage-measures.ts';
import { isMainModule, readArgs } from '../lib/cli-args.ts';

type Mode = 'worker' | 'inline';

/** One long task, and the search's stages that ran in it (ms of the task each). */
interface LongTask {
  duration: number;
  stages: Array<[stage: string, ms: number]>;
  /** The scripts the long animation frames name in it (`invoker file ms`). */
  scripts: string[];
}

interface LongTasks {
  mode: Mode;
  queries: number;
  /** Long tasks from navigation to the first results painted (the App's first render among them). */
  startup: number[];
  /** Long tasks while the queries were searched and an article opened. */
  searching: number[];
  /** Every long task, with its stages (in the page; none with the worker). */
  tasks: LongTask[];
}

function hostPage(mode: Mode): string {
  const csp = mode === 'inline' ? `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; connect-src 'self'; worker-src 'none'">` : '';
  // No widget script yet: the probe adds it once the driver's own script is in the page (see probe).
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8">${csp}<link rel="icon" href="data:,"></head><body><news-search index-url="/data/"></news-search></body></html>`;
}

async function probe(browser: Browser, host: GzipHost, mode: Mode, queries: readonly string[], cpuSlowdown: number): Promise<LongTasks> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(() => {
      const durations: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = durations;
      const spans: Array<[number, number]> = [];
      (window as unknown as { longTaskSpans: Array<[number, number]> }).longTaskSpans = spans;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          durations.push(entry.duration);
          spans.push([entry.startTime, entry.duration]);
        }
      }).observe({ type: 'longtask', buffered: true });
      // Long animation frames name the scripts that ran in them: which long tasks are the search's.
      const scripts: string[] = [];
      (window as unknown as { longScripts: string[] }).longScripts = scripts;
      const spansOfScripts: Array<[number, number, string]> = [];
      (window as unknown as { scriptSpans: Array<[number, number, string]> }).scriptSpans = spansOfScripts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{ scripts: Array<{ startTime: number; duration: number; invoker: string; sourceURL: string; sourceFunctionName: string }> }>) {
          for (const script of entry.scripts) {
            if (script.duration >= 20) scripts.push(`${Math.round(script.duration)} ms ${script.invoker} ${script.sourceURL.split('/').pop()} ${script.sourceFunctionName}`);
            if (script.duration >= 5) spansOfScripts.push([script.startTime, script.duration, `${script.invoker} ${script.sourceURL.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '')}`]);
          }
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    await page.goto(new URL(`probe/${mode}.html`, host.url).href);
    const widget = page.locator('news-search');
    const taken = async () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    // The driver's first locator installs its own script in the page (a long task of its own, 25 ms
    // and more): done before the widget's script is added, and not counted.
    await widget.count();
    await page.waitForTimeout(100);
    await taken();
    await page.evaluate(() => (window as unknown as { longTaskSpans: unknown[] }).longTaskSpans.splice(0));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/widget.js';
      document.head.append(script);
    });
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
    const tasks = await page.evaluate((prefix) => {
      const measures = performance.getEntriesByType('measure').filter((m) => m.name.startsWith(prefix));
      return (window as unknown as { longTaskSpans: Array<[number, number]> }).longTaskSpans.map(([start, duration]) => {
        // The stages that ended in the task, in order: each ran from the end of the one before (or
        // its own start, or the task's) to its own end. After the last: the App's or the page's.
        const ended = measures
          .map((m) => ({ name: m.name, from: m.startTime, to: m.startTime + m.duration }))
          .filter((m) => m.to > start && m.to <= start + duration)
          .sort((a, b) => a.to - b.to);
        const stages = new Map<string, number>();
        let at = start;
        for (const m of ended) {
          const ms = m.to - Math.max(at, m.from);
          at = m.to;
          if (ms <= 0) continue;
          // File names without their content hash: one stage per kind of file.
          const stage = m.name.slice(prefix.length).replace(/[\w-]{6,}\.(bin|json|html)/, '*.$1');
          stages.set(stage, (stages.get(stage) ?? 0) + ms);
        }
        const scripts = (window as unknown as { scriptSpans: Array<[number, number, string]> }).scriptSpans
          .filter(([from, ms]) => from < start + duration && from + ms > start)
          .map(([, ms, name]) => `${name} ${Math.round(ms)}`);
        return { duration, stages: [...stages].sort((a, b) => b[1] - a[1]), scripts };
      });
    }, STAGE_MEASURE_PREFIX);
    if (process.env.LONG_SCRIPTS) console.log(mode, await page.evaluate(() => (window as unknown as { longScripts: string[] }).longScripts));
    return { mode, queries: queries.length, startup, searching, tasks };
  } finally {
    await context.close();
  }
}

/** A long task by what ran in it: the search's stages (ms each), the rest the App's and the page's. */
function attribute(task: LongTask): string {
  const search = task.stages.reduce((sum, [, ms]) => sum + ms, 0);
  const stages = task.stages.filter(([, ms]) => ms >= 1).map(([stage, ms]) => `${stage} ${Math.round(ms)}`);
  const rest = Math.round(task.duration - Math.min(search, task.duration));
  const other = stages.length ? `after them (the App, the page, or the search up to a fetch) ${rest}` : `no search stage (the App, the page) ${rest}`;
  return `${Math.round(task.duration)} ms: ${[...stages, ...(rest > 0 ? [other] : [])].join(', ')} [scripts: ${task.scripts.join('; ') || 'none named'}]`;
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
    const byStage: string[] = [];
    const rows: string[][] = [['mode', 'run', 'long tasks to the first results', `long tasks over ${BENCH_QUERIES.length - 1} more queries and an article`]];
    for (let run = 1; run <= Number(values.runs); run++) {
      for (const mode of ['worker', 'inline'] as const) {
        const result = await probe(browser, host, mode, BENCH_QUERIES, Number(values['cpu-slowdown']));
        rows.push([mode, String(run), describe(result.startup), describe(result.searching)]);
        if (mode === 'inline') byStage.push(`inline, run ${run}:`, ...result.tasks.map((task) => `  ${attribute(task)}`));
      }
    }
    console.log(`Long tasks (> 50 ms) on the widget's page, CPU slowdown ${values['cpu-slowdown']}×, index ${indexDir}`);
    console.log(table(rows));
    console.log('In the page, each long task by the search stages that ran in it (ms of the task; stage-measures.ts), the rest the App rendering and the page');
    console.log(byStage.join('\n'));
  } finally {
    await browser.close();
    await host.close();
    rmSync(pages, { recursive: true, force: true });
  }
}
