import type { IndexReader } from './load-index.ts';
import type { QueryPlan } from './query-plan.ts';
import type { TermEntry, TermPostings } from './term-part.ts';
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
  // Every part the tokens may need, fetched at once (the lookups below then find them loaded).
  await Promise.all(tokens.map((token) => reader.partsFor(token.term, token.prefix)));
  const entries = new Map<string, TermEntry>();
  const fuzzy = new Set<string>();
  const merged = new Set<string>();
  const add = async (term: string): Promise<boolean> => {
    if (entries.has(term)) return true;
    const entry = await reader.entry(term);
    if (entry) entries.set(term, entry);
    return entry !== undefined;
  };
  for (const token of tokens) {
    if (token.prefix && isSingleCjk(token.term)) {
      const entry = await mergedPrefix(reader, token.term);
      if (entry) entries.set(token.term, entry);
      merged.add(token.term);
      continue;
    }
    let found = await add(token.term);
    if (token.prefix) {
      for (const term of await reader.termsWithPrefix(token.term)) found = (await add(term)) || found;
    }
    if (token.maxEdits > 0 && !found) {
      fuzzy.add(token.term);
      // Typos are looked for among the terms of the parts already loaded for this word.
      const max = token.maxEdits;
      for (const term of await reader.termsNear(token.term, token.prefix)) {
        if (Math.abs(term.length - token.term.length) <= max && isLatinWord(term) && editDistanceAtMost(term, token.term, max)) await add(term);
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

/** Merged entries of one-character queries, per opened index. */
const MERGED = new WeakMap<IndexReader, Map<string, Promise<TermEntry | null>>>();

/**
 * A one-character query matches every term that starts with the character (its bigrams and the
 * run-final unigram, see `analyzeText`). Rather than handing MiniSearch hundreds of prefix terms,
 * their postings are summed into one term: the character's frequency in each article. Ranking is
 * then BM25 on the character itself, and the query costs one term instead of hundreds. The
 * merged term's document frequency is known only from all of its postings, so common prefix
 * terms' chunks are all loaded: a one-character query is answered complete, never block by block.
 */
function mergedPrefix(reader: IndexReader, char: string): Promise<TermEntry | null> {
  let cache = MERGED.get(reader);
  if (!cache) MERGED.set(reader, (cache = new Map()));
  let promise = cache.get(char);
  if (!promise) {
    promise = mergePostings(reader, char);
    promise.catch(() => cache.delete(char));
    cache.set(char, promise);
  }
  return promise;
}

async function mergePostings(reader: IndexReader, char: string): Promise<TermEntry | null> {
  const terms = await reader.termsWithPrefix(char);
  const lists = await Promise.all(terms.map(async (term) => reader.postings((await reader.entry(term))!)));
  if (lists.length === 0) return null;
  const sums: Array<Map<number, number>> = reader.manifest.fields.map(() => new Map());
  for (const postings of lists) {
    postings.forEach((flat, field) => {
      const sum = sums[field]!;
      for (let i = 0; i < flat.length; i += 2) sum.set(flat[i]!, (sum.get(flat[i]!) ?? 0) + flat[i + 1]!);
    });
  }
  const postings: TermPostings = sums.map((sum) => Uint32Array.from([...sum].sort((a, b) => a[0] - b[0]).flat()));
  return { df: postings.map((flat) => flat.length / 2), postings, chunks: [], newest: null };
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
