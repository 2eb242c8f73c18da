/**
 * `npm run search -- --index DIR [--outlet NAME]… [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *   [--sort relevance|newest|oldest] [--limit N] [--json] [--no-collapse] QUERY`
 *
 * Searches an index folder through the same loader and core as the browser. With --json, prints
 * one object: { total, groups, results: [{ id, title, outlet, date, url, score, similar? }], facets: { outlets, dates } };
 * near-duplicates are collapsed into `similar` unless --no-collapse.
 * Exit codes: 0 on success (even with no results), 2 on bad arguments or an unusable index.
 */
import { parseArgs } from 'node:util';
import { Searcher, type SearchResult } from '../src/lib/search/searcher.ts';
import type { SortOrder } from '../src/lib/search/types.ts';
import { fileIndexSource } from './lib/file-source.ts';
import { formatResults } from './lib/format-results.ts';

const USAGE =
  'usage: npm run search -- --index DIR [--outlet NAME]… [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sort relevance|newest|oldest] [--limit N] [--json] [--no-collapse] QUERY';
const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        index: { type: 'string' },
        outlet: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        sort: { type: 'string', default: 'relevance' },
        limit: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        'no-collapse': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const problems: string[] = [];
  if (!values.index) problems.push('--index DIR is required.');
  if (!SORTS.includes(values.sort as SortOrder)) problems.push(`--sort must be one of ${SORTS.join(', ')}.`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) problems.push('--limit must be a whole number.');
  for (const key of ['from', 'to'] as const) {
    if (values[key] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[key])) problems.push(`--${key} must be a date as YYYY-MM-DD.`);
  }
  if (problems.length) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }

  let searcher: Searcher;
  try {
    searcher = await Searcher.open(fileIndexSource(values.index!));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const text = positionals.join(' ');
  const response = await searcher.search({
    text,
    outlets: values.outlet ?? [],
    from: values.from,
    to: values.to,
    sort: values.sort as SortOrder,
    limit,
    collapse: !values['no-collapse'],
  });
  const results = await searcher.results(response.hits);
  if (values.json) {
    const json = {
      total: response.total,
      groups: response.groups,
      results: results.map(resultJson),
      facets: { outlets: response.facets.outlets, dates: response.facets.dates },
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const fragments = await Promise.all(response.hits.map((hit) => searcher.fragment(hit.number)));
    process.stdout.write(formatResults(response, results, fragments, process.stdout.isTTY === true));
  }
  return 0;
}

/** One result of `--json`; near-duplicates (`similar`) in the same shape, only when there are some. */
function resultJson(result: SearchResult): ResultJson {
  const { id, title, outlet, date, url, score } = result;
  return result.similar?.length ? { id, title, outlet, date, url, score, similar: result.similar.map(resultJson) } : { id, title, outlet, date, url, score };
}

interface ResultJson {
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
  score: number;
  similar?: ResultJson[];
}

process.exitCode = await main();
