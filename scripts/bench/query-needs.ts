/**
 * The vocabulary files a query reads (part table pages and vocabulary parts of both
 * vocabularies, as `termRanges` gives the worker's lookups), computed from the index on disk: what
 * the prefetch must already have fetched for the query to wait for no vocabulary file. The
 * benchmark's hit rate compares it with what the host served before the query was typed, so the
 * prefetch's own requests meanwhile (which the earlier count took for misses) do not count.
 */
import { loadFoldingTable, packsOf, parseQuery, partIndexOf, partPagePath, Searcher, termPartPath, termRanges, type TermPartEntry } from '../../src/lib/search/index.ts';
import { fileIndexSource } from '../lib/file-source.ts';

/** A query's vocabulary files, by file name; `packOf`: the pack (`pack-….bin`) that brings a part too, where the index has packs. */
export type QueryNeeds = ((query: string) => Set<string>) & { packOf: ReadonlyMap<string, string> };

/** For the index in `dir`: a query's vocabulary files, by file name (`dir-….bin`, `terms-….bin`). */
export async function queryNeeds(dir: string): Promise<QueryNeeds> {
  await loadFoldingTable();
  const { reader } = await Searcher.open(fileIndexSource(dir));
  const vocabularies = await Promise.all(
    (['newestParts', 'parts'] as const).map(async (name) => ({
      pages: name === 'newestParts' ? reader.manifest.newestPartPages : reader.manifest.partPages,
      parts: (await reader.allParts(name)) as TermPartEntry[],
    })),
  );
  const packOf = new Map<string, string>();
  const packed = reader.manifest.termPacks;
  for (const [v, name] of (['newestParts', 'parts'] as const).entries()) {
    if (!packed?.vocabularies.includes(name)) continue;
    for (const pack of packsOf(vocabularies[v]!.pages, vocabularies[v]!.parts, packed.parts)) for (const hash of pack.hashes) packOf.set(termPartPath(hash), pack.path);
  }
  const needs = (query: string) => {
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
  return Object.assign(needs, { packOf });
}

/**
 * Share of the measured queries whose vocabulary files (`queryNeeds`) the host had all served
 * before the query was typed: the prefetch had them in time. (Counting the queries during which
 * no vocabulary file was served, as before, took the prefetch's own requests meanwhile for misses.)
 */
export function hitRate(queries: readonly string[], before: ReadonlyArray<ReadonlySet<string>>, needs: QueryNeeds): number {
  const had = (file: string, served: ReadonlySet<string>) => served.has(file) || served.has(needs.packOf.get(file) ?? '');
  const hits = queries.filter((query, i) => [...needs(query)].every((file) => had(file, before[i]!)));
  return hits.length / queries.length;
}
