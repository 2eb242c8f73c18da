import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import type { LiteralForm } from '../text/literal-forms.ts';
import type { PlanClause, PlanToken, PlanVariant } from './query-plan.ts';
import { isCjkCodePoint } from '../text/tokenize.ts';
import { MATCH_TIERS, OTHER_SCRIPT_ARTICLE } from './match-tiers.ts';

export { MATCH_TIERS, OTHER_SCRIPT_ARTICLE } from './match-tiers.ts';

/**
 * Articles whose text has fewer unique terms than this are scored down (a 100-character video
 * blurb must not outrank full articles on a one-word query; BM25's length normalization favours
 * them). Field lengths are unique terms, about one per character of Chinese text.
 */
export const SHORT_TEXT_TERMS = 300;
/** The score factor of an article with no text at all; it rises to 1 at `SHORT_TEXT_TERMS`. */
export const SHORTEST_TEXT_FACTOR = 0.4;

/** A scored article: its score, its tier and the index terms that matched (for snippets and rewrites). */
export interface ClauseHit {
  number: number;
  score: number;
  /** `MATCH_TIERS` of its match, summed over the clauses of an `AND` (the best for `OR`): lower ranks first. */
  tier: number;
  terms: string[];
}

/** How one token is looked up: MiniSearch's prefix and typo options for it. */
export interface TokenLookup {
  /** Whether an article is written in traditional characters (the docs table's flag): the script tier of a clause without `forms`. */
  isTraditional?: (number: number) => boolean;
  /** For a clause's `forms`, the tier of an article matching its typed form (`typedFormTier` of literal-forms.ts); absent: no such tier. */
  typedFormTier?: (forms: readonly LiteralForm[], typedTraditional: boolean) => ((number: number) => number) | null;
  /** The token's words are looked up with typos (the archive has no word starting with it). */
  fuzzy: ReadonlySet<string>;
  /** One-character tokens merged into one term (`merged-prefix.ts`): looked up exactly. */
  merged: ReadonlySet<string>;
}

/**
 * Scores clauses and combines them (`AND`: every clause must match; `OR`: any).
 *
 * - Within a variant, every token must match. A Chinese variant of several bigrams scores as
 *   its weakest bigram (per token; see `clauseScores`): a contiguous occurrence gives every bigram the same
 *   count, so an article where one bigram is frequent and another rare (the term's pieces
 *   scattered: 新冠 … 疫苗) scores like the few places the whole term could be, not like its
 *   strongest piece. Latin words of one variant count as their mean.
 * - A clause scores as its best variant, the typed form before synonyms (`MATCH_TIERS`): the
 *   variants of a synonym group do not add up (an article naming NATO once in each of its three
 *   forms does not outrank one naming 北约 eight times). A typed form the article wrote only in the
 *   other script is one tier lower.
 * - A clause typed `+word` (`asWritten`) keeps only the articles that wrote its typed form.
 * - Clauses add up, scores and tiers; the total score is scaled by `lengthFactor` of the article
 *   (short texts count less). Results sort by tier, then score.
 *
 * Each token's scores come from MiniSearch (BM25 with the archive's own statistics, title boost,
 * prefix and typo weights), so they equal those of one index over the whole archive.
 *
 * @example
 * const hits = scoreClauses(search, plan.include, 'AND', { fuzzy, merged }, (n) => 1);
 */
export function scoreClauses<T>(
  search: MiniSearch<T>,
  clauses: readonly PlanClause[],
  combineWith: 'AND' | 'OR',
  lookup: TokenLookup,
  lengthFactor: (number: number) => number,
): Map<number, ClauseHit> {
  const tokenScores = new Map<string, Map<number, ClauseHit>>();
  const scoresOf = (token: PlanToken): Map<number, ClauseHit> => {
    const key = `${token.term}\u0000${token.prefix}\u0000${token.maxEdits}`;
    let scores = tokenScores.get(key);
    if (!scores) {
      scores = new Map();
      for (const r of search.search(tokenQuery(token, lookup))) scores.set(r.id as number, { number: r.id as number, score: r.score, tier: MATCH_TIERS.typed, terms: r.terms });
      tokenScores.set(key, scores);
    }
    return scores;
  };
  let combined: Map<number, ClauseHit> | null = null;
  for (const clause of clauses) {
    const scores = clauseScores(clause, scoresOf);
    const tierOf = typedTierOf(clause, lookup);
    if (tierOf) for (const hit of scores.values()) if (hit.tier === MATCH_TIERS.typed) hit.tier = tierOf(hit.number);
    // `+word`: an article that wrote the words only otherwise does not match at all.
    if (tierOf && clause.asWritten) for (const [n, hit] of scores) if (Math.floor(hit.tier) >= MATCH_TIERS.otherScript) scores.delete(n);
    if (combined === null) {
      combined = scores;
      continue;
    }
    const next = new Map<number, ClauseHit>();
    if (combineWith === 'AND') {
      for (const [n, hit] of scores) {
        const before = combined.get(n);
        if (before) next.set(n, { number: n, score: before.score + hit.score, tier: before.tier + hit.tier, terms: union(before.terms, hit.terms) });
      }
    } else {
      for (const [n, hit] of combined) next.set(n, hit);
      for (const [n, hit] of scores) {
        const before = next.get(n);
        next.set(n, before ? { number: n, score: before.score + hit.score, tier: Math.min(before.tier, hit.tier), terms: union(before.terms, hit.terms) } : hit);
      }
    }
    combined = next;
  }
  const hits = combined ?? new Map<number, ClauseHit>();
  for (const hit of hits.values()) hit.score *= lengthFactor(hit.number);
  return hits;
}

/**
 * The tier of an article matching a clause's typed form: by how it wrote the typed bigrams
 * (`forms`), or, for a clause without Chinese bigrams typed in traditional characters, by the
 * article's script. Null: no script tier (a simplified one-character query, a Latin word).
 */
function typedTierOf(clause: PlanClause, lookup: TokenLookup): ((number: number) => number) | null {
  if (clause.forms && lookup.typedFormTier) return lookup.typedFormTier(clause.forms, clause.traditional === true);
  const isTraditional = lookup.isTraditional;
  if (!clause.traditional || !isTraditional) return null;
  return (number) => (isTraditional(number) ? MATCH_TIERS.typed : MATCH_TIERS.otherScript + OTHER_SCRIPT_ARTICLE);
}

/** The score factor of an article whose text has `textTerms` unique terms (see `SHORT_TEXT_TERMS`). */
export function shortTextFactor(textTerms: number): number {
  if (textTerms >= SHORT_TEXT_TERMS) return 1;
  return SHORTEST_TEXT_FACTOR + (1 - SHORTEST_TEXT_FACTOR) * Math.sqrt(textTerms / SHORT_TEXT_TERMS);
}

/**
 * One clause: each article's best variant, the best tier first, then the best score. Variants
 * compete per token (a five-bigram synonym is not five times a one-word typed form); the winner
 * is scaled back by the typed form's token count, the clause's weight against the query's other
 * clauses.
 */
function clauseScores(clause: PlanClause, scoresOf: (token: PlanToken) => Map<number, ClauseHit>): Map<number, ClauseHit> {
  const best = new Map<number, ClauseHit>();
  const scale = Math.max(1, clause.variants[0]?.tokens.length ?? 1);
  for (const variant of clause.variants) {
    const tier = variant.synonym ? MATCH_TIERS.synonym : MATCH_TIERS.typed;
    for (const hit of variantScores(variant, scoresOf)) {
      hit.score *= scale;
      hit.tier = tier;
      const before = best.get(hit.number);
      if (!before) best.set(hit.number, hit);
      else if (hit.tier < before.tier || (hit.tier === before.tier && hit.score > before.score)) best.set(hit.number, { ...hit, terms: union(hit.terms, before.terms) });
      else before.terms = union(before.terms, hit.terms);
    }
  }
  return best;
}

/**
 * Articles holding every token of a variant, with its score per token: a Chinese word's weakest
 * bigram (see `scoreClauses`), the mean of Latin words.
 */
function variantScores(variant: PlanVariant, scoresOf: (token: PlanToken) => Map<number, ClauseHit>): ClauseHit[] {
  const lists = variant.tokens.map(scoresOf);
  if (lists.length === 0) return [];
  // Walk the smallest list; the others are looked up.
  const smallest = lists.reduce((a, b) => (b.size < a.size ? b : a));
  const chained = isBigramChain(variant.tokens);
  const hits: ClauseHit[] = [];
  for (const n of smallest.keys()) {
    let sum = 0;
    let min = Infinity;
    const terms: string[] = [];
    let all = true;
    for (const list of lists) {
      const hit = list.get(n);
      if (!hit) {
        all = false;
        break;
      }
      sum += hit.score;
      min = Math.min(min, hit.score);
      for (const term of hit.terms) if (!terms.includes(term)) terms.push(term);
    }
    if (all) hits.push({ number: n, score: chained ? min : sum / lists.length, tier: MATCH_TIERS.typed, terms });
  }
  return hits;
}

/** Two or more CJK bigrams, each starting with the previous one's second character: one Chinese word. */
function isBigramChain(tokens: readonly PlanToken[]): boolean {
  return (
    tokens.length > 1 &&
    tokens.every((t, i) => t.term.length === 2 && isCjkCodePoint(t.term.charCodeAt(0)) && (i === 0 || tokens[i - 1]!.term[1] === t.term[0]))
  );
}

function tokenQuery(token: PlanToken, lookup: TokenLookup): Query {
  const isMerged = lookup.merged.has(token.term);
  return { queries: [token.term], prefix: token.prefix && !isMerged, fuzzy: lookup.fuzzy.has(token.term) ? token.maxEdits : false };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const term of b) if (!out.includes(term)) out.push(term);
  return out;
}
