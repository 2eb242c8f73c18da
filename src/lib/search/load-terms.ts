import type { IndexReader } from './load-index.ts';
import type { QueryPlan } from './query-plan.ts';
import type { TermEntry, TermPart, TermPostings } from './term-part.ts';
import { isCjkCodePoint } from './tokenize.ts';

/** The terms a plan needs, found in the vocabulary parts. */
export interface PlanTerms {
  /** Every term to hand MiniSearch, with what its part says of it. */
  entries: Map<string, TermEntry>;
  /** Words looked up with typos (the archive has no word starting with them). */
  fuzzy: Set<string>;
  /** One-character queries whose prefix terms were merged into one term (see `mergedPrefix`). */
  merged: Set<string>;
}

/**
 * Loads the parts that hold the plan's terms and returns every needed term's entry. A word
 * looks for typo matches only when the archive has no word starting with it: a typo-tolerant
 * match of a real word would add articles that do not contain what was typed.
 * @throws IndexError when a part (or, for a one-character query, a chunk) cannot be loaded
 */
export async function loadPlanTerms(reader: IndexReader, plan: QueryPlan): Promise<PlanTerms> {
  const tokens = [...plan.include, ...plan.exclude].flatMap((c) => c.variants.flatMap((v) => v.tokens));
  const partIndexes = new Set<number>();
  for (const token of tokens) {
    partIndexes.add(reader.partIndexOf(token.term));
    if (token.prefix) for (const i of reader.partIndexesForPrefix(token.term)) partIndexes.add(i);
  }
  const parts = new Map(await Promise.all([...partIndexes].map(async (i) => [i, await reader.part(i)] as const)));
  const entries = new Map<string, TermEntry>();
  const fuzzy = new Set<string>();
  const merged = new Set<string>();
  const add = (part: TermPart, term: string): boolean => {
    if (entries.has(term)) return true;
    const entry = part.get(term);
    if (entry) entries.set(term, entry);
    return entry !== undefined;
  };
  for (const token of tokens) {
    const home = parts.get(reader.partIndexOf(token.term))!;
    if (token.prefix && isSingleCjk(token.term)) {
      const entry = await mergedPrefix(reader, home, token.term, reader.partIndexesForPrefix(token.term).map((i) => parts.get(i)!));
      if (entry) entries.set(token.term, entry);
      merged.add(token.term);
      continue;
    }
    let found = add(home, token.term);
    if (token.prefix) {
      for (const i of reader.partIndexesForPrefix(token.term)) {
        const part = parts.get(i)!;
        for (const term of part.withPrefix(token.term)) found = add(part, term) || found;
      }
    }
    if (token.maxEdits > 0 && !found) {
      fuzzy.add(token.term);
      // Typos are looked for among the terms of the parts already loaded for this word.
      const max = token.maxEdits;
      for (const i of new Set([reader.partIndexOf(token.term), ...(token.prefix ? reader.partIndexesForPrefix(token.term) : [])])) {
        const part = parts.get(i)!;
        for (const term of part.terms) {
          if (Math.abs(term.length - token.term.length) <= max && isLatinWord(term) && editDistanceAtMost(term, token.term, max)) add(part, term);
        }
      }
    }
  }
  return { entries, fuzzy, merged };
}

/** One CJK character (a BMP code unit or a surrogate pair). */
function isSingleCjk(term: string): boolean {
  const cp = term.codePointAt(0)!;
  return term.length === (cp > 0xffff ? 2 : 1) && isCjkCodePoint(cp);
}

/** Merged entries of one-character queries, per part holding the character. */
const MERGED = new WeakMap<TermPart, Map<string, Promise<TermEntry | null>>>();

/**
 * A one-character query matches every term that starts with the character (its bigrams and the
 * run-final unigram, see `analyzeText`). Rather than handing MiniSearch hundreds of prefix terms,
 * their postings are summed into one term: the character's frequency in each article. Ranking is
 * then BM25 on the character itself, and the query costs one term instead of hundreds. The
 * merged term's document frequency is known only from all of its postings, so common prefix
 * terms' chunks are all loaded: a one-character query is answered complete, never block by block.
 */
function mergedPrefix(reader: IndexReader, home: TermPart, char: string, parts: readonly TermPart[]): Promise<TermEntry | null> {
  let cache = MERGED.get(home);
  if (!cache) MERGED.set(home, (cache = new Map()));
  let promise = cache.get(char);
  if (!promise) {
    promise = mergePostings(reader, char, parts);
    promise.catch(() => cache.delete(char));
    cache.set(char, promise);
  }
  return promise;
}

async function mergePostings(reader: IndexReader, char: string, parts: readonly TermPart[]): Promise<TermEntry | null> {
  const lists = await Promise.all(parts.flatMap((part) => part.withPrefix(char).map((term) => reader.postings(part.get(term)!))));
  if (lists.length === 0) return null;
  const sums: Array<Map<number, number>> = reader.manifest.fields.map(() => new Map());
  for (const postings of lists) {
    postings.forEach((flat, field) => {
      const sum = sums[field]!;
      for (let i = 0; i < flat.length; i += 2) sum.set(flat[i]!, (sum.get(flat[i]!) ?? 0) + flat[i + 1]!);
    });
  }
  const postings: TermPostings = sums.map((sum) => Uint32Array.from([...sum].sort((a, b) => a[0] - b[0]).flat()));
  return { df: postings.map((flat) => flat.length / 2), postings, chunks: [] };
}

function isLatinWord(term: string): boolean {
  return /^[a-z0-9]/.test(term);
}

/** Levenshtein distance ≤ max, with an early exit (words are short). */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}
