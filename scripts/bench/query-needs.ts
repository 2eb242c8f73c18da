/**
 * The vocabulary files a query reads (part table pages and vocabulary parts of both
 * vocabularies, as `termRanges` gives the worker's lookups), computed from the index on disk: what
 * the prefetch must already have fetched for the query to wait for no vocabulary file. The
 * benchmark's hit rate compares it with what the host served before the query was typed, so the
 * prefetch's own requests meanwhile (which the earlier count took for misses) do not count.
 */
import { loadFoldingTable, parseQuery, partIndexOf, partPagePath, Searcher, termPartPath, termRanges, type TermPartEntry } from '../../src/lib/search/index.ts';
import { fileIndexSource } from '../lib/file-source.ts';

/** For the index in `dir`: a query's vocabulary files, by file name (`dir-….bin`, `terms-….bin`). */
export async function queryNeeds(dir: string): Promise<(query: string) => Set<string>> {
  await loadFoldingTable();
  const { reader } = await Searcher.open(fileIndexSource(dir));
  const vocabularies = await Promise.all(
    (['newestParts', 'parts'] as const).map(async (name) => ({
      pages: name === 'newestParts' ? reader.manifest.newestPartPages : reader.manifest.partPages,
      parts: (await reader.allParts(name)) as TermPartEntry[],
    })),
  );
  return (query) => {
    const files = new Set<string>();
    for (const [from, to] of termRanges(parseQuery(query))) {
      for (const { pages, parts } of vocabularies) {
        if (!parts.length) continue;
        for (let p = partIndexOf(pages, from); p <= partIndexOf(pages, to); p++) files.add(partPagePath(pages[p]![1]));
        for (let i = partIndexOf(parts, from); i <= partIndexOf(parts, to); i++) files.add(termPartPath(parts[i]![1]));
      }
    }
    return files;
  };
}

/**
 * Share of the measured queries whose vocabulary files (`queryNeeds`) the host had all served
 * before the query was typed: the prefetch had them in time. (Counting the queries during which
 * no vocabulary file was served, as before, took the prefetch's own requests meanwhile for misses.)
 */
export function hitRate(queries: readonly string[], before: ReadonlyArray<ReadonlySet<string>>, needs: (query: string) => Set<string>): number {
  const hits = queries.filter((query, i) => [...needs(query)].every((file) => before[i]!.has(file)));
  return hits.length / queries.length;
}
