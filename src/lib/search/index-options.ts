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
 * Builds a MiniSearch instance over just the given terms, through the public `loadJS` API, in the
 * shape `MiniSearch#toJSON` writes (serialization version 2). Scores equal those of one index over
 * the whole archive: the document count, average field lengths and every term's complete postings
 * (so its document frequency) are the archive's own.
 *
 * @param terms the query's terms and their postings (from the vocabulary parts)
 */
export function assembleMiniSearch(
  terms: ReadonlyMap<string, TermPostings>,
  docs: DocsTable,
  fields: readonly string[],
  averageFieldLength: readonly number[],
): MiniSearch<{ id: number }> {
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  const index: Array<[string, Record<number, Record<number, number>>]> = [];
  for (const [term, postings] of terms) {
    const data: Record<number, Record<number, number>> = {};
    postings.forEach((flat, fieldId) => {
      if (flat.length === 0) return;
      const freqs: Record<number, number> = {};
      for (let i = 0; i < flat.length; i += 2) {
        const number = flat[i]!;
        freqs[number] = flat[i + 1]!;
        if (documentIds[number] === undefined) {
          documentIds[number] = number;
          fieldLength[number] = docs.fieldLength.map((lengths) => lengths[number]!);
        }
      }
      data[fieldId] = freqs;
    });
    index.push([term, data]);
  }
  return MiniSearch.loadJS(
    {
      documentCount: docs.count,
      nextId: docs.count,
      documentIds,
      fieldIds: Object.fromEntries(fields.map((f, i) => [f, i])),
      fieldLength,
      averageFieldLength: [...averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    },
    miniSearchOptions(fields),
  );
}
