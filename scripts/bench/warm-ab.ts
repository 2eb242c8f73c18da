/**
 * `node --import tsx scripts/bench/warm-ab.ts INDEX_DIR DIST [DIST…] [--rounds N]`: keystroke →
 * painted results on warm pages of one or more builds of the page, interleaved round by round
 * (the same queries as `npm run bench`'s typed run), for before/after comparisons of changes to
 * the warm path. `--h2`: from an HTTP/2 host; `--open-for MS`: the measured queries start MS after
 * the page opened (after one query), whatever the vocabulary prefetch has fetched by then (else:
 * once the page has fetched nothing for 1.5 s). With `BENCH_WARM_PROFILE=PREFIX`, each warm page also writes CPU profiles of the
 * page and its worker over the measured queries (`PREFIX-typed.cpuprofile`, `…-worker…`).
 */
import { readArgs, usageError } from '../lib/cli-args.ts';
import { launchChromium, warmRun, warmUpBrowser } from './page-harness.ts';
import { startAppHost } from './bench-page.ts';
import { BENCH_QUERIES } from './queries.ts';
import { hitRate, queryNeeds } from './query-needs.ts';
import { median, ms, percentile, table } from './stats.ts';

const NAME = 'node --import tsx scripts/bench/warm-ab.ts';
const COMMAND = {
  name: NAME,
  usage: `usage: ${NAME} INDEX_DIR DIST[:INDEX_DIR] [DIST[:INDEX_DIR]…] [--rounds N] [--h2] [--open-for MS]`,
  options: { rounds: { type: 'string', value: 'N' }, h2: { type: 'boolean' }, 'open-for': { type: 'string', value: 'MS' } },
  positionals: true,
} as const;
const parsed = readArgs(COMMAND, process.argv.slice(2));
if (typeof parsed === 'number') process.exit(parsed);
const [index, ...dists] = parsed.positionals;
if (!index || !dists.length) process.exit(usageError(COMMAND, 'INDEX_DIR and at least one DIST are required'));
const rounds = Number(parsed.values.rounds ?? 2);
const openFor = parsed.values['open-for'] === undefined ? undefined : Number(parsed.values['open-for']);
// `DIST:INDEX` serves that build with an index of its own (a build of another index version).
const hosts = await Promise.all(dists.map((dist) => startAppHost(dist.split(':')[0]!, dist.split(':')[1] ?? index, parsed.values.h2 ? 'h2' : 'http/1.1')));
const browser = await launchChromium();
try {
  await warmUpBrowser(browser, hosts[0]!.target, BENCH_QUERIES[0]!);
  const first = dists.map((): number[] => []);
  const count = dists.map((): number[] => []);
  const longest = dists.map((): number[] => []);
  const misses = dists.map((): number[] => []);
  // The prefetch's hit rate per page (size-sweep.ts), with each build's own index.
  const needs = await Promise.all(dists.map((dist) => queryNeeds(dist.split(':')[1] ?? index)));
  const hits = dists.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    const order = dists.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const run = await warmRun(browser, hosts[i]!.target, BENCH_QUERIES, 'typed', openFor);
      if (run.unpainted.length) console.log(`${dists[i]}: no results painted within 20 s for ${run.unpainted.join(', ')} (left out)`);
      misses[i]!.push(...run.vocabularyRequests);
      hits[i]!.push(hitRate(BENCH_QUERIES, run.vocabularyBefore, needs[i]!));
      first[i]!.push(...run.probes.map((p) => p.firstAt - p.since));
      count[i]!.push(...run.probes.map((p) => p.countAt - p.since));
      longest[i]!.push(run.longestTask);
    }
  }
  console.log(
    table([
      ['build', 'typed → first results, median / p95', 'typed → count, median / p95', 'longest task per page', 'queries with no vocabulary request', 'prefetch hit rate per page'],
      ...dists.map((dist, i) => [
        dist,
        `${ms(median(first[i]!))} / ${ms(percentile(first[i]!, 95))}`,
        `${ms(median(count[i]!))} / ${ms(percentile(count[i]!, 95))}`,
        longest[i]!.map(ms).join(', '),
        `${Math.round((100 * misses[i]!.filter((n) => n === 0).length) / misses[i]!.length)} %`,
        hits[i]!.map((rate) => `${Math.round(rate * 100)} %`).join(', '),
      ]),
    ]),
  );
} finally {
  await browser.close();
  await Promise.all(hosts.map((h) => h.host.close()));
}
