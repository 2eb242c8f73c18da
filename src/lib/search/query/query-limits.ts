/**
 * What one query may cost, enforced before it reaches the engine. A query is cut to
 * `MAX_QUERY_CHARS` characters and `MAX_QUERY_CLAUSES` clauses (terms, phrases, exclusions, in the
 * order typed), and typo matching is kept for Latin words of at most `MAX_TYPO_WORD_LENGTH`
 * letters: MiniSearch's fuzzy search allocates memory quadratic in a word's length (a
 * 100,000-letter word ended in a RangeError), and every clause and every character costs lookups,
 * matching and snippet work. What was cut is returned, for the page and the CLI to say so.
 */
import type { ParsedQuery, QueryToken } from './parse-query.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES } from './query-caps.ts';

export { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES };
/** Longest word matched with typos; longer words match exactly (and as prefixes). */
export const MAX_TYPO_WORD_LENGTH = 24;

/** What `limitQuery` cut from a query; absent fields mean nothing of that kind was cut. */
export interface QueryCut {
  /** Characters typed, when more than `MAX_QUERY_CHARS` (only the first ones are searched). */
  chars?: number;
  /** Clauses typed, when more than `MAX_QUERY_CLAUSES` (only the first ones are searched). */
  clauses?: number;
}

/** A parsed query within the limits, and what was cut to get there (null: nothing). */
export interface LimitedQuery {
  parsed: ParsedQuery;
  cut: QueryCut | null;
}

/**
 * The first `MAX_QUERY_CHARS` characters of a query (never half a surrogate pair) and how many it
 * had when that is more.
 * @example limitQueryText('a'.repeat(300)) // { text: 'aaa…' (256), chars: 300 }
 */
export function limitQueryText(text: string): { text: string; chars?: number } {
  if (text.length <= MAX_QUERY_CHARS) return { text };
  const points = Array.from(text);
  if (points.length <= MAX_QUERY_CHARS) return { text };
  return { text: points.slice(0, MAX_QUERY_CHARS).join(''), chars: points.length };
}

/**
 * Parses a query within the limits: `parse` sees at most `MAX_QUERY_CHARS` characters; of its
 * clauses the first `MAX_QUERY_CLAUSES` typed are kept; typo matching stays only on Latin words
 * of `MAX_TYPO_WORD_LENGTH` letters or fewer.
 * @example limitQuery('a b c … (20 words)', parseQuery).cut // { clauses: 20 }
 */
export function limitQuery(text: string, parse: (text: string) => ParsedQuery): LimitedQuery {
  const limited = limitQueryText(text);
  const parsed = parse(limited.text);
  const cut: QueryCut = {};
  if (limited.chars !== undefined) cut.chars = limited.chars;
  const clauses = parsed.terms.length + parsed.phrases.length + parsed.excludedTerms.length + parsed.excludedPhrases.length;
  if (clauses > MAX_QUERY_CLAUSES) {
    keepFirstClauses(parsed, limited.text);
    cut.clauses = clauses;
  }
  for (const token of allTokens(parsed)) {
    if (token.fuzzy && !isTypoWord(token.term)) {
      token.fuzzy = false;
      token.maxEdits = 0;
    }
  }
  return { parsed, cut: cut.chars === undefined && cut.clauses === undefined ? null : cut };
}

/** A word typo matching may run on: Latin letters only, and not too long. */
function isTypoWord(term: string): boolean {
  return term.length <= MAX_TYPO_WORD_LENGTH && LATIN_WORD.test(term);
}

const LATIN_WORD = /^\p{Script=Latin}+$/u;

/** Keeps the `MAX_QUERY_CLAUSES` clauses that come first in `text` (by where their raw text is). */
function keepFirstClauses(parsed: ParsedQuery, text: string): void {
  const lists = [parsed.terms, parsed.phrases, parsed.excludedTerms, parsed.excludedPhrases] as const;
  const all = lists.flatMap((list, kind) => list.map((clause, i) => ({ kind, i, at: positionOf(text, clause.raw) })));
  all.sort((a, b) => a.at - b.at || a.kind - b.kind || a.i - b.i);
  const kept = new Set(all.slice(0, MAX_QUERY_CLAUSES).map(({ kind, i }) => `${kind}:${i}`));
  const keep = (kind: number) => (i: number) => kept.has(`${kind}:${i}`);
  retain(parsed.terms, keep(0));
  retain(parsed.phrases, keep(1));
  retain(parsed.excludedTerms, keep(2));
  retain(parsed.excludedPhrases, keep(3));
}

/** Removes, in place, the items of `list` whose index `keep` refuses. */
function retain<T>(list: T[], keep: (i: number) => boolean): void {
  const kept = list.filter((_, i) => keep(i));
  list.length = 0;
  list.push(...kept);
}

/** Where a clause was typed: its first word's position (alternatives are joined by ` OR `). */
function positionOf(text: string, raw: string): number {
  const at = text.indexOf(raw.split(' OR ')[0] ?? raw);
  return at < 0 ? text.length : at;
}

function allTokens(parsed: ParsedQuery): QueryToken[] {
  return [
    ...[...parsed.terms, ...parsed.excludedTerms].flatMap((term) => term.variants.flatMap((variant) => variant.tokens)),
    ...[...parsed.phrases, ...parsed.excludedPhrases].flatMap((phrase) => phrase.tokens),
  ];
}
