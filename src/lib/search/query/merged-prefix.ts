/**
 * One-character queries (`港`). Such a query matches every term that starts with the character
 * (its bigrams and the run-final unigram, see `analyzeText`). Rather than handing MiniSearch
 * hundreds of prefix terms, their postings are summed into one term: the character's frequency
 * in each article. Ranking is then BM25 on the character itself.
 *
 * The merged term's document frequency (articles holding ANY of those terms) is stored by the
 * build under `charFrequencyKey(char)` (see `char-frequency.ts`): with it, the merged postings
 * are made block by block, the newest block's from the newest block's vocabulary parts alone, and
 * the query is answered progressively like any common term.
 */
import { charFrequencyKey } from '../text/char-frequency.ts';
import type { IndexReader } from '../load-index.ts';
import { joinPostings, type TermEntry, type TermPostings } from '../format/term-part.ts';


/** Merged entries and per-block merged postings, per opened index. */
const CACHE = new WeakMap<IndexReader, Map<string, Promise<unknown>>>();

function cached<T>(reader: IndexReader, key: string, make: () => Promise<T>): Promise<T> {
  let cache = CACHE.get(reader);
  if (!cache) CACHE.set(reader, (cache = new Map()));
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = make();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}

/**
 * The merged term of one-character query `char` (its postings come from {@link mergedPostings}),
 * or null when no article holds the character (with `only`, no article of the newest block).
 * Fetches the newest block's vocabulary parts of the character's range and (without `only`) the
 * older blocks' part holding its stored frequency; nothing else of the older blocks' range.
 */
export function mergedTerm(reader: IndexReader, char: string, only?: 'newestParts'): Promise<TermEntry | null> {
  return cached(reader, `entry:${only ?? 'all'}:${char}`, async () => {
    const key = charFrequencyKey(char);
    const [frequency] = await Promise.all([only ? reader.entryIn(only, key) : reader.entry(key), reader.partsFor(char, true, 'newestParts')]);
    return frequency ? { df: frequency.df, postings: null, chunks: [], newest: null } : null;
  });
}

/**
 * The merged postings of `char` in blocks `blocks` (ascending), joined. Each block's sum is made
 * once per index: the newest block's from the newest vocabulary, an older block's from the older
 * vocabulary's inline postings and that block's chunks.
 */
export async function mergedPostings(reader: IndexReader, char: string, blocks: readonly number[]): Promise<TermPostings> {
  const pieces = await Promise.all(blocks.map((block) => cached(reader, `block:${char}:${block}`, () => mergeBlock(reader, char, block))));
  return joinPostings(pieces, reader.manifest.fields.length);
}

async function mergeBlock(reader: IndexReader, char: string, block: number): Promise<TermPostings> {
  const vocabulary = block === reader.blockCount - 1 ? 'newestParts' : 'parts';
  const terms = await reader.termsWithPrefix(char, vocabulary);
  const lists = await Promise.all(
    terms.map(async (term) => {
      const entry = await reader.entryIn(vocabulary, term);
      return entry ? reader.postingsIn(entry, block) : null;
    }),
  );
  const { blockSize } = reader.manifest;
  const base = block * blockSize;
  return reader.manifest.fields.map((_, field) => {
    // Dense per-block sums: numbers come out in order, no sort needed.
    const sums = new Uint32Array(blockSize);
    let distinct = 0;
    for (const postings of lists) {
      const flat = postings?.[field];
      if (!flat) continue;
      for (let i = 0; i < flat.length; i += 2) {
        const slot = flat[i]! - base;
        if (sums[slot] === 0) distinct++;
        sums[slot]! += flat[i + 1]!;
      }
    }
    const merged = new Uint32Array(distinct * 2);
    let k = 0;
    for (let slot = 0; slot < blockSize && k < merged.length; slot++) {
      if (sums[slot] === 0) continue;
      merged[k++] = base + slot;
      merged[k++] = sums[slot]!;
    }
    return merged;
  });
}
