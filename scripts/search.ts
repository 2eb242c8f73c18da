/**
 * `npm run search -- --index DIR [--outlet NAME]… [--author NAME]… [--tag NAME]… [--filter FACET=VALUE]…
 *   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sort relevance|newest|oldest] [--limit N] [--json] [--no-collapse] QUERY`
 *
 * Searches an index folder through the same loader and core as the browser. A facet's values
 * add up (any of them), facets narrow each other (all of them); `--filter FACET=VALUE` names any
 * facet of the index (one declared with `npm run index -- --facet KEY` too). With --json, prints
 * one object: { total, groups, results: [{ id, title, outlet, date, url, score, similar? }],
 * facets: { outlets, authors, tags, …, dates }, rewrites: [{ from, to, kind, script? }], unknown? } (one key per facet
 * of the index, see docs/facets.md; `unknown`: filter values the archive does not have, by facet name);
 * near-duplicates are collapsed into `similar` unless --no-collapse.
 * Exit codes: 0 on success (even with no results), 2 on bad arguments or an unusable index: a
 * missing, truncated or damaged manifest, part, docs block or article file, each named in one
 * sentence. A query longer than the limits (`query-limits.ts`) is cut, with a note on stderr (and
 * `cut` in the JSON).
 */
import { normalizeFilters, Searcher, type Manifest, type SearchResult, type SortOrder } from '../src/lib/search/index.ts';
import { type CommandSpec, isMainModule, readArgs, usageError } from './lib/cli-args.ts';
import { fileIndexSource } from './lib/file-source.ts';
import { formatResults } from './lib/format-results.ts';
import { describeQueryCut, indexFailure } from './lib/search-notes.ts';

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

const OPTIONS = {
  index: { type: 'string', value: 'DIR' },
  outlet: { type: 'string', multiple: true, value: 'NAME' },
  author: { type: 'string', multiple: true, value: 'NAME' },
  tag: { type: 'string', multiple: true, value: 'NAME' },
  filter: { type: 'string', multiple: true, value: 'FACET=VALUE' },
  from: { type: 'string', value: 'YYYY-MM-DD' },
  to: { type: 'string', value: 'YYYY-MM-DD' },
  sort: { type: 'string', default: 'relevance', value: SORTS.join('|') },
  limit: { type: 'string', default: '10', value: 'N' },
  json: { type: 'boolean' },
  'no-collapse': { type: 'boolean' },
} as const;

/** The command's name and usage; the package's `news-archive-search search` passes its own name. */
export function searchCommand(name = 'npm run search'): CommandSpec<typeof OPTIONS> {
  const usage = `usage: ${name}${name.startsWith('npm') ? ' --' : ''} --index DIR [--outlet NAME]… [--author NAME]… [--tag NAME]… [--filter FACET=VALUE]… [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sort relevance|newest|oldest] [--limit N] [--json] [--no-collapse] QUERY`;
  return { name, usage, options: OPTIONS, positionals: true };
}

/** Runs the command on `argv` (the arguments after the script); resolves with the exit code. */
export async function main(argv: readonly string[], name?: string): Promise<number> {
  const command = searchCommand(name);
  const parsed = readArgs(command, argv);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (!values.index) problems.push('--index DIR is required');
  if (!SORTS.includes(values.sort as SortOrder)) problems.push(`--sort must be one of ${SORTS.join(', ')}`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) problems.push('--limit must be a whole number');
  for (const key of ['from', 'to'] as const) {
    if (values[key] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[key])) problems.push(`--${key} must be a date as YYYY-MM-DD`);
  }
  const filters: Record<string, string[]> = { outlet: values.outlet ?? [], author: values.author ?? [], tag: values.tag ?? [] };
  for (const pair of values.filter ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      problems.push(`--filter takes FACET=VALUE, not ${JSON.stringify(pair)}`);
      continue;
    }
    (filters[pair.slice(0, at)] ??= []).push(pair.slice(at + 1));
  }
  if (problems.length) return usageError(command, problems.join('; '));

  try {
    return await search(values.index!, positionals.join(' '), { ...values, filters: normalizeFilters(filters) }, limit);
  } catch (error) {
    // Every file the search reads may be missing, truncated or another file's: a sentence and 2.
    const failure = indexFailure(error);
    if (failure === null) throw error;
    console.error(failure);
    return 2;
  }
}

async function search(index: string, text: string, values: { filters: Record<string, string[]>; from?: string; to?: string; sort: string; json: boolean; 'no-collapse': boolean }, limit: number): Promise<number> {
  const searcher = await Searcher.open({ ...fileIndexSource(index), verifyContent: true });
  // The JSON counts every facet by name: its values files first (a page's first answer does without).
  await searcher.reader.facetValues();
  const response = await searcher.search({
    text,
    filters: values.filters,
    from: values.from,
    to: values.to,
    sort: values.sort as SortOrder,
    limit,
    collapse: !values['no-collapse'],
  }, { phraseCheckLimit: Number.POSITIVE_INFINITY }); // a phrase's count is exact: every candidate's text checked
  const results = await searcher.results(response.hits);
  const note = describeQueryCut(response.cut);
  if (note) console.error(note);
  if (values.json) {
    const json = {
      total: response.total,
      groups: response.groups,
      results: results.map(resultJson),
      facets: { ...facetsJson(searcher.manifest, response.facets.counts), dates: response.facets.dates },
      rewrites: response.rewrites,
      ...(response.cut ? { cut: response.cut } : {}),
      // Filter values the archive does not have (they match nothing), by facet name; absent when none.
      ...(response.facets.unknown ? { unknown: response.facets.unknown } : {}),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const fragments = await Promise.all(response.hits.map((hit) => searcher.fragment(hit.number)));
    process.stdout.write(formatResults(response, results, fragments, process.stdout.isTTY === true));
  }
  return 0;
}

/**
 * Each categorical facet's counts under its JSON key (`outlets`, `authors`, `tags`, a declared
 * facet's key), in the index's order: every facet of the index, empty when nothing matches.
 */
function facetsJson(manifest: Manifest, counts: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const facets: Record<string, Record<string, number>> = { outlets: counts['outlet'] ?? {} };
  for (const column of manifest.columns) facets[column.key] = counts[column.name] ?? {};
  return facets;
}

/** One result of `--json`; near-duplicates (`similar`) in the same shape, only when there are some. */
function resultJson(result: SearchResult): ResultJson {
  const { id, title, outlet, date, url, score } = result;
  return result.similar?.length ? { id, title, outlet, date, url, score, similar: result.similar.map(resultJson) } : { id, title, outlet, date, url, score };
}

/** One result of `--json`. */
export interface ResultJson {
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
  score: number;
  similar?: ResultJson[];
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
