import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { DocsTable } from './docs-table.ts';
import type { TermPostings } from './term-part.ts';

/** Ranking knobs: BM25 over title and text, the title counting three times as much. */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3 },
  // Prefix and typo matches rank below exact ones (MiniSearch's defaults are 0.375 and 0.45).
  weights: { prefix: 0.5, fuzzy: 0.4 },
  maxFuzzy: 2,
  combineWith: 'AND',
};

/**
 * THE MiniSearch options. Terms reach MiniSearch already analysed (`analyzeText` at build time,
 * the query parser at search time), so MiniSearch must not split or change them again.
 */
export function miniSearchOptions(fields: readonly string[]): Options<{ id: number }> {
  return {
    fields: [...fields],
    idField: 'id',
    tokenize: (text: string) => [text],
    processTerm: (term: string) => term,
    searchOptions: { ...SEARCH_OPTIONS, tokenize: (text: string) => [text], processTerm: (term: string) => term },
  };
}

/** Postings in MiniSearch's serialized shape, made once per term and reused by later queries. */
const SERIALIZED = new WeakMap<TermPostings, Record<number, Record<number, number>>>();

function serializedPostings(postings: TermPostings): Record<number, Record<number, number>> {
  let data = SERIALIZED.get(postings);
  if (!data) {
    data = {};
    postings.forEach((flat, fieldId) => {
      if (flat.length === 0) return;
      const freqs: Record<number, number> = {};
      for (let i = 0; i < flat.length; i += 2) freqs[flat[i]!] = flat[i + 1]!;
      data![fieldId] = freqs;
    });
    SERIALIZED.set(postings, data);
  }
  return data;
}

/**
 * A map of postings that reports the term's document frequency in the whole archive as its size:
 * MiniSearch takes BM25's document frequency from the size of a term's postings map, so a term
 * whose postings were loaded for some blocks only still ranks as in the full index.
 */
class ArchiveFrequencyMap extends Map<number, number> {
  constructor(
    entries: Map<number, number>,
    private readonly documentFrequency: number,
  ) {
    super(entries);
  }

  override get size(): number {
    return this.documentFrequency;
  }
}

/** The one MiniSearch internal this module touches (minisearch is pinned to 7.2.0 in package.json). */
interface MiniSearchIndex {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
}

/**
 * Sets a term's per-field document frequency. MiniSearch has no public way: `loadJS` always makes
 * a plain `MiniSearch` (not a subclass), so its protected `_index` is reached through a cast.
 */
function setDocumentFrequency(search: MiniSearch<{ id: number }>, term: string, df: readonly number[]): void {
  const data = (search as unknown as MiniSearchIndex)._index.get(term);
  if (!data) return;
  for (const [fieldId, freqs] of data) {
    const frequency = df[fieldId];
    if (frequency !== undefined && frequency !== freqs.size) data.set(fieldId, new ArchiveFrequencyMap(freqs, frequency));
  }
}

/** What `assembleMiniSearch` needs from the manifest: the archive's own BM25 statistics. */
export interface ArchiveStats {
  fields: readonly string[];
  /** Articles in the archive (BM25's document count). */
  articles: number;
  averageFieldLength: readonly number[];
}

/**
 * Builds a MiniSearch instance over just the given terms, through the public `loadJS` API, in the
 * shape `MiniSearch#toJSON` writes (serialization version 2). Scores equal those of one index over
 * the whole archive: the document count, average field lengths and every term's document
 * frequency are the archive's own, even when `terms` holds only some blocks' postings.
 *
 * @param terms the query's terms and their postings (all of them, or those of some blocks)
 * @param docs field lengths of every article the postings name
 * @param documentFrequency per term whose postings are incomplete, its per-field document frequency in the archive
 * @example
 * const search = assembleMiniSearch(new Map([['王毅', postings]]), docs, manifest, new Map([['王毅', entry.df]]));
 */
export function assembleMiniSearch(
  terms: ReadonlyMap<string, TermPostings>,
  docs: DocsTable,
  stats: ArchiveStats,
  documentFrequency: ReadonlyMap<string, readonly number[]> = new Map(),
): MiniSearch<{ id: number }> {
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  const index: Array<[string, Record<number, Record<number, number>>]> = [];
  for (const [term, postings] of terms) {
    for (const flat of postings) {
      for (let i = 0; i < flat.length; i += 2) {
        const number = flat[i]!;
        if (documentIds[number] === undefined) {
          documentIds[number] = number;
          fieldLength[number] = docs.fieldLength.map((lengths) => lengths[number]!);
        }
      }
    }
    index.push([term, serializedPostings(postings)]);
  }
  const search = MiniSearch.loadJS(
    {
      documentCount: stats.articles,
      nextId: docs.count,
      documentIds,
      fieldIds: Object.fromEntries(stats.fields.map((f, i) => [f, i])),
      fieldLength,
      averageFieldLength: [...stats.averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    },
    miniSearchOptions(stats.fields),
  );
  for (const [term, df] of documentFrequency) setDocumentFrequency(search, term, df);
  return search;
}
