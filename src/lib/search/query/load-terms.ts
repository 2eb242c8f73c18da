import type { IndexReader } from '../load-index.ts';
import { isSingleCjk } from '../text/tokenize.ts';
import { mergedTerm } from './merged-prefix.ts';
import { type PlanToken, planTokens, type QueryPlan } from './query-plan.ts';
import type { TermEntry } from '../format/term-part.ts';

/** The terms a plan needs, found in the vocabulary parts. */
export interface PlanTerms {
  /** Every term to hand MiniSearch, with what its part says of it. */
  entries: Map<string, TermEntry>;
  /** Words looked up with typos (the archive has no word starting with them). */
  fuzzy: Set<string>;
  /** Per word of `fuzzy`, the archive's words within its typo distance (what it was corrected to). */
  corrections: Map<string, string[]>;
  /**
   * One-character queries whose prefix terms were merged into one term (see `merged-prefix.ts`):
   * their postings come from `mergedPostings`, block by block, not from their entry.
   */
  merged: Set<string>;
}

/**
 * Loads the parts that hold the plan's terms and returns every needed term's entry. A word
 * looks for typo matches only when the archive has no word starting with it: a typo-tolerant
 * match of a real word would add articles that do not contain what was typed.
 * @throws IndexError when a part (or, for a one-character query, a chunk) cannot be loaded
 */
export async function loadPlanTerms(reader: IndexReader, plan: QueryPlan): Promise<PlanTerms> {
  return (await loadTerms(reader, plan, undefined))!;
}

/**
 * The plan's terms as the newest block's vocabulary alone knows them (postings of the newest
 * block, document frequencies of the archive): enough to answer over the newest block, exactly,
 * before any older part arrives. Null when it cannot tell: a word that the newest block has no
 * word starting with may need typo matches, which only the whole vocabulary decides.
 * @throws IndexError when a part cannot be loaded
 */
export function loadNewestPlanTerms(reader: IndexReader, plan: QueryPlan): Promise<PlanTerms | null> {
  return loadTerms(reader, plan, 'newestParts');
}

/** True when every part the plan's terms need is fetched already (or on its way). */
export function hasPlanParts(reader: IndexReader, plan: QueryPlan): boolean {
  return planTokens(plan).every((token) => !isMerged(token) && reader.hasPartsFor(token.term, token.prefix));
}

function isMerged(token: PlanToken): boolean {
  return token.prefix && isSingleCjk(token.term);
}

async function loadTerms(reader: IndexReader, plan: QueryPlan, only: 'newestParts' | undefined): Promise<PlanTerms | null> {
  const tokens = planTokens(plan);
  // Every part the tokens may need, fetched at once (the lookups below then find them loaded);
  // a one-character query's merged term fetches its own (not the older blocks' whole range).
  await Promise.all(tokens.map((token) => (isMerged(token) ? mergedTerm(reader, token.term, only) : reader.partsFor(token.term, token.prefix, only))));
  const entries = new Map<string, TermEntry>();
  const fuzzy = new Set<string>();
  const corrections = new Map<string, string[]>();
  const merged = new Set<string>();
  const add = async (term: string): Promise<boolean> => {
    if (entries.has(term)) return true;
    const entry = await (only ? reader.entryIn(only, term) : reader.entry(term));
    if (entry) entries.set(term, entry);
    return entry !== undefined;
  };
  for (const token of tokens) {
    if (isMerged(token)) {
      const entry = await mergedTerm(reader, token.term, only);
      if (entry) entries.set(token.term, entry);
      merged.add(token.term);
      continue;
    }
    let found = await add(token.term);
    if (token.prefix) {
      for (const term of await reader.termsWithPrefix(token.term, only)) found = (await add(term)) || found;
    }
    if (token.maxEdits > 0 && !found) {
      if (only) return null;
      fuzzy.add(token.term);
      // Typos are looked for among the terms of the parts already loaded for this word.
      const max = token.maxEdits;
      const near: string[] = [];
      for (const term of await reader.termsNear(token.term, token.prefix)) {
        if (Math.abs(term.length - token.term.length) <= max && isLatinWord(term) && editDistanceAtMost(term, token.term, max) && (await add(term))) near.push(term);
      }
      corrections.set(token.term, near);
    }
  }
  return { entries, fuzzy, corrections, merged };
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
