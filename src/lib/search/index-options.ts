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
