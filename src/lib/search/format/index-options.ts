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

/**
 * A map of postings that reports the term's document frequency in the whole archive as its size:
 * MiniSearch takes BM25's document frequency from the size of a term's postings map, so a term
 * whose postings were loaded for some blocks only still ranks as in the full index.
 */
class ArchiveFrequencyMap extends Map<number, number> {
  constructor(private readonly documentFrequency: number) {
    super();
  }

  override get size(): number {
    return this.documentFrequency;
  }
}

/**
 * The MiniSearch internals this module fills in (minisearch is pinned to 7.2.0 in package.json):
 * what `loadJS` makes of a serialized index, as Maps keyed by article number.
 */
interface MiniSearchInternals {
  /** Term → field id → article number → term frequency. */
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
  /** Short id → id (both the article number here), and back. */
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  /** Short id → each field's length. */
  _fieldLength: Map<number, number[]>;
}

/** What `assembleMiniSearch` needs from the manifest: the archive's own BM25 statistics. */
export interface ArchiveStats {
  fields: readonly string[];
  /** Articles in the archive (BM25's document count). */
  articles: number;
  averageFieldLength: readonly number[];
}

/**
 * Builds a MiniSearch instance over just the given terms. Scores equal those of one index over the
 * whole archive: the document count, average field lengths and every term's document frequency
 * are the archive's own, even when `terms` holds only some blocks' postings.
 *
 * The instance comes from the public `loadJS` (serialization version 2) with no documents and no
 * terms; the postings then go straight into the Maps `loadJS` would have made of them. Going
 * through `loadJS`'s JSON shape instead made an object per term and field and then took it apart
 * (`Object.keys`, a string and a `parseInt` per article), most of a fresh worker's time here.
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
  const search = MiniSearch.loadJS(
    {
      documentCount: stats.articles,
      nextId: docs.count,
      documentIds: {},
      fieldIds: Object.fromEntries(stats.fields.map((f, i) => [f, i])),
      fieldLength: {},
      averageFieldLength: [...stats.averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    miniSearchOptions(stats.fields),
  );
  const { _index: index, _documentIds: documentIds, _idToShortId: idToShortId, _fieldLength: fieldLength } = search as unknown as MiniSearchInternals;
  // Terms in the order given, articles ascending: the order loadJS would have inserted them in
  // (it decides the order scores are summed in).
  for (const [term, postings] of terms) {
    const df = documentFrequency.get(term);
    const data = new Map<number, Map<number, number>>();
    postings.forEach((flat, fieldId) => {
      if (flat.length === 0) return;
      const frequency = df?.[fieldId];
      const freqs = frequency !== undefined && frequency !== flat.length / 2 ? new ArchiveFrequencyMap(frequency) : new Map<number, number>();
      for (let i = 0; i < flat.length; i += 2) {
        const number = flat[i]!;
        freqs.set(number, flat[i + 1]!);
        if (!documentIds.has(number)) {
          documentIds.set(number, number);
          idToShortId.set(number, number);
          fieldLength.set(number, docs.fieldLength.map((lengths) => lengths[number]!));
        }
      }
      data.set(fieldId, freqs);
    });
    index.set(term, data);
  }
  return search;
}
