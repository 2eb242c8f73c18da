/**
 * `npm run search -- --index DIR [--outlet NAME]… [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *   [--sort relevance|newest|oldest] [--limit N] [--json] QUERY`
 *
 * Searches an index folder through the same loader and core as the browser. With --json, prints
 * one object: { total, results: [{ id, title, outlet, date, url, score }], facets: { outlets, dates } }.
 * Exit codes: 0 on success (even with no results), 2 on bad arguments or an unusable index: a
 * missing, truncated or damaged manifest, part, docs block or article file, each named in one
 * sentence. A query longer than the limits (`query-limits.ts`) is cut, with a note on stderr (and
 * `cut` in the JSON).
 */
import { parseArgs } from 'node:util';
import { Searcher } from '../src/lib/search/searcher.ts';
import type { SortOrder } from '../src/lib/search/types.ts';
import { fileIndexSource } from './lib/file-source.ts';
import { formatResults } from './lib/format-results.ts';
import { describeQueryCut, indexFailure } from './lib/search-notes.ts';

const USAGE =
  'usage: npm run search -- --index DIR [--outlet NAME]… [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sort relevance|newest|oldest] [--limit N] [--json] QUERY';
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

  try {
    return await search(values.index!, positionals.join(' '), values, limit);
  } catch (error) {
    // Every file the search reads may be missing, truncated or another file's: a sentence and 2.
    const failure = indexFailure(error);
    if (failure === null) throw error;
    console.error(failure);
    return 2;
  }
}

async function search(index: string, text: string, values: { outlet?: string[]; from?: string; to?: string; sort: string; json: boolean }, limit: number): Promise<number> {
  const searcher = await Searcher.open({ ...fileIndexSource(index), verifyContent: true });
  const response = await searcher.search({
    text,
    outlets: values.outlet ?? [],
    from: values.from,
    to: values.to,
    sort: values.sort as SortOrder,
    limit,
  });
  const results = await searcher.results(response.hits);
  const note = describeQueryCut(response.cut);
  if (note) console.error(note);
  if (values.json) {
    const json = {
      total: response.total,
      results: results.map(({ id, title, outlet, date, url, score }) => ({ id, title, outlet, date, url, score })),
      facets: { outlets: response.facets.outlets, dates: response.facets.dates },
      ...(response.cut ? { cut: response.cut } : {}),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const fragments = await Promise.all(response.hits.map((hit) => searcher.fragment(hit.number)));
    process.stdout.write(formatResults(response, results, fragments, process.stdout.isTTY === true));
  }
  return 0;
}

process.exitCode = await main();
