/**
 * One-character queries (`港`). Such a query matches every term that starts with the character
 * (its bigrams and the run-final unigram, see `analyzeText`). Rather than handing MiniSearch
 * hundreds of prefix terms, their postings are summed into one term: the character's frequency
 * in each article. Ranking is then BM25 on the character itself.
 *
 * The merged term's document frequency (articles holding ANY of those terms) is stored by the
 * build under `charFrequencyKey(char)` (see `char-frequency.ts`): with it, the merged postings
 * are made block by block, the newest block's from the newest block's vocabulary parts alone, and
 * the query is answered progressively like any common term. An index built before that key
 * existed gets the old way: every prefix term's postings of every block summed at once.
 */
import { charFrequencyKey } from './char-frequency.ts';
import type { IndexReader } from './load-index.ts';
import type { TermEntry, TermPostings } from './term-part.ts';
import { isCjkCodePoint } from './tokenize.ts';

/** A one-character query's merged term: its entry, and whether its postings come block by block. */
export interface MergedTerm {
  entry: TermEntry;
  /** True: use {@link mergedPostings}; false: `entry.postings` is complete (an older index). */
  blockwise: boolean;
}

/** One CJK character (a BMP code unit or a surrogate pair). */
export function isSingleCjk(term: string): boolean {
  const cp = term.codePointAt(0)!;
  return term.length === (cp > 0xffff ? 2 : 1) && isCjkCodePoint(cp);
}

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
 * The merged term of one-character query `char`, or null when no article holds the character.
 * Fetches the parts holding its stored frequency and, in parallel, the newest block's parts of
 * its range (what the first progressive step needs); nothing of the older blocks' range.
 */
export function mergedTerm(reader: IndexReader, char: string): Promise<MergedTerm | null> {
  return cached(reader, `entry:${char}`, async () => {
    const [frequency] = await Promise.all([reader.entry(charFrequencyKey(char)), reader.partsFor(char, true, 'newestParts')]);
    if (frequency) return { entry: { df: frequency.df, postings: null, chunks: [], newest: null }, blockwise: true };
    const postings = await mergeAllBlocks(reader, char);
    return postings ? { entry: { df: postings.map((flat) => flat.length / 2), postings, chunks: [], newest: null }, blockwise: false } : null;
  });
}

/**
 * The merged postings of `char` in blocks `blocks` (ascending), joined. Each block's sum is made
 * once per index: the newest block's from the newest vocabulary, an older block's from the older
 * vocabulary's inline postings and that block's chunks.
 */
export async function mergedPostings(reader: IndexReader, char: string, blocks: readonly number[]): Promise<TermPostings> {
  const pieces = await Promise.all(blocks.map((block) => cached(reader, `block:${char}:${block}`, () => mergeBlock(reader, char, block))));
  return reader.manifest.fields.map((_, field) => joinLists(pieces.map((piece) => piece[field]!)));
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

/** The old way (an index without stored character frequencies): every block's postings, summed. */
async function mergeAllBlocks(reader: IndexReader, char: string): Promise<TermPostings | null> {
  const terms = await reader.termsWithPrefix(char);
  if (terms.length === 0) return null;
  const lists = await Promise.all(terms.map(async (term) => reader.postings((await reader.entry(term))!)));
  const sums: Array<Map<number, number>> = reader.manifest.fields.map(() => new Map());
  for (const postings of lists) {
    postings.forEach((flat, field) => {
      const sum = sums[field]!;
      for (let i = 0; i < flat.length; i += 2) sum.set(flat[i]!, (sum.get(flat[i]!) ?? 0) + flat[i + 1]!);
    });
  }
  return sums.map((sum) => Uint32Array.from([...sum].sort((a, b) => a[0] - b[0]).flat()));
}

/** Flat postings lists of ascending, disjoint number ranges, one after the other. */
export function joinLists(lists: readonly Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0]!;
  const joined = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
  let offset = 0;
  for (const list of lists) {
    joined.set(list, offset);
    offset += list.length;
  }
  return joined;
}
