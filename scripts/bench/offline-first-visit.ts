/**
 * `node --import tsx scripts/bench/offline-first-visit.ts [DIST] [INDEX_DIR] [ROUNDS]`: the cold
 * first visit with the offline support on and off, interleaved, over the same build (issue #20:
 * "the service worker must not delay the first results"). Off: the service worker's script and
 * the chunks only the offline side loads are blocked (DevTools' `Network.setBlockedURLs`), so the
 * page runs without it exactly as an App whose offline side fails to load. Prints the bytes and
 * requests before the first 10 results, the offline files requested before them (0 is the claim),
 * and the cold timings. Defaults: dist/, .cache/corpus-index (the e2e setup's index of
 * ../shared/corpus), 3 rounds of 5 queries. Figures: docs/offline.md.
 */
import path from 'node:path';
import { isMainModule } from '../lib/cli-args.ts';
import { startAppHost } from './bench-page.ts';
import { type ColdRun, coldRun, launchChromium, warmUpBrowser } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { kb, median, ms, table } from './stats.ts';

/** The offline side's files: the service worker and the chunks only it loads (vite.config.ts names chunks after their modules). */
export const OFFLINE_FILE = /\/(sw\.js|assets\/(offline-side|offline-session\.svelte|UpdateNotice|OfflineControl|archive-files|keep-worker)-[\w-]+\.js)$/;

/** The same files as DevTools URL patterns: the offline support switched off. */
export const OFFLINE_BLOCKED = ['*/sw.js', '*/assets/offline-side-*', '*/assets/offline-session.svelte-*', '*/assets/UpdateNotice-*', '*/assets/OfflineControl-*', '*/assets/archive-files-*', '*/assets/keep-worker-*'];

/** Offline files among a cold load's requests started before its first 10 results were painted. */
export function offlineFilesBefore(run: ColdRun): string[] {
  return run.startedBefore.filter((pathname) => OFFLINE_FILE.test(pathname));
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const [dist = path.join(root, 'dist'), index = path.join(root, '.cache/corpus-index'), rounds = '3'] = process.argv.slice(2);
  const queries = BENCH_QUERIES.slice(0, 5);
  const { host, target } = await startAppHost(dist, index);
  const browser = await launchChromium();
  try {
    await warmUpBrowser(browser, target, queries[0]!);
    const runs: Record<'on' | 'off', ColdRun[]> = { on: [], off: [] };
    for (let round = 0; round < Number(rounds); round++) {
      for (const query of queries) {
        const order = round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const);
        for (const side of order) runs[side].push(await coldRun(browser, target, query, side === 'off' ? OFFLINE_BLOCKED : []));
      }
    }
    const row = (label: string, value: (side: ColdRun[]) => string) => [label, value(runs.on), value(runs.off)];
    console.log(
      table([
        ['cold first visit, median', 'offline support on', 'off (its files blocked)'],
        row('bytes before first 10 painted (all)', (r) => kb(median(r.map((c) => c.pageBytes + c.dataBytes)))),
        row('  HTML + JS + CSS: bytes (requests)', (r) => `${kb(median(r.map((c) => c.pageBytes)))} (${median(r.map((c) => c.pageRequests))})`),
        row('  index data: bytes (requests)', (r) => `${kb(median(r.map((c) => c.dataBytes)))} (${median(r.map((c) => c.dataRequests))})`),
        row('offline files requested before first 10 painted (all loads)', (r) => String(r.reduce((sum, c) => sum + offlineFilesBefore(c).length, 0))),
        row('first 10 painted', (r) => ms(median(r.map((c) => c.probe.fullAt)))),
        row('count painted', (r) => ms(median(r.map((c) => c.probe.countAt)))),
        row('loads', (r) => String(r.length)),
      ]),
    );
  } finally {
    await browser.close();
    await host.close();
  }
}

if (isMainModule(import.meta.url)) await main();
