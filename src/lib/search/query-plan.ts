import type { ParsedQuery, QueryPhrase, QueryTerm, QueryToken } from './parse-query.ts';
import { isCjkCodePoint } from './tokenize.ts';

/**
 * A query as the engine executes it: clauses that must all match (include) or must not match
 * (exclude). A clause matches when any of its variants (the term and its synonyms) does; a
 * variant matches when all of its tokens do (a Chinese term is all of its bigrams).
 */
export interface QueryPlan {
  include: PlanClause[];
  exclude: PlanClause[];
}

export interface PlanClause {
  /** What the visitor wrote for this clause (folded). */
  source: string;
  /** True for `"quoted phrases"`: tokens must also be contiguous in the text. */
  phrase: boolean;
  variants: PlanVariant[];
}

export interface PlanVariant {
  /** Folded text of this variant, for highlighting. */
  text: string;
  tokens: PlanToken[];
}

export interface PlanToken {
  term: string;
  /** Also match longer terms that start with this one (Latin words and numbers). */
  prefix: boolean;
  /** Edits allowed for typo matches (Latin words of 5+ letters), 0 for none. */
  maxEdits: number;
}

/**
 * Makes every Latin word and number of a parsed query match as a prefix (`covid` finds `covid19`;
 * exact matches still rank first), not only the word being typed: "an article containing the
 * word" means a word starting with it. Applied to the parsed query itself so that search and
 * highlighting agree. Returns the same object.
 */
export function widenLatinPrefixes(parsed: ParsedQuery): ParsedQuery {
  const widen = (token: QueryToken) => {
    if (!isCjkCodePoint(token.term.codePointAt(0)!)) token.prefix = true;
  };
  for (const term of [...parsed.terms, ...parsed.excludedTerms]) for (const v of term.variants) v.tokens.forEach(widen);
  return parsed;
}

/** Every token of a plan, included and excluded clauses alike: what its vocabulary lookups are for. */
export function planTokens(plan: QueryPlan): PlanToken[] {
  return [...plan.include, ...plan.exclude].flatMap((c) => c.variants.flatMap((v) => v.tokens));
}

/** Turns a parsed query into the plan the engine runs. */
export function planQuery(parsed: ParsedQuery): QueryPlan {
  return {
    include: [...parsed.terms.map(termClause), ...parsed.phrases.map(phraseClause)],
    exclude: [...parsed.excludedTerms.map(termClause), ...parsed.excludedPhrases.map(phraseClause)],
  };
}

/**
 * A variant that contains another variant of the same term (新冠肺炎 ⊃ 新冠, `covid 19` ⊃ `covid`)
 * can only match articles the shorter one matches already: it is dropped, so the query loads
 * fewer vocabulary parts. Highlighting still uses every variant.
 */
function termClause(term: QueryTerm): PlanClause {
  const texts = term.variants.map((v) => v.text);
  const needed = term.variants.filter((v, i) => !texts.some((other, j) => j !== i && other.length < v.text.length && containsForm(v.text, other)));
  return {
    source: term.text,
    phrase: false,
    variants: needed.map((v) => ({ text: v.text, tokens: coverChain(v.tokens).map(planToken) })),
  };
}

/**
 * A Chinese term of n ≥ 5 characters is the chain of its n − 1 overlapping bigrams; every
 * character is already covered by every other bigram (plus the last one), so matching those
 * alone finds the same articles but for the rare ones where the pieces occur apart, and loads
 * half the vocabulary parts: 新型冠状病毒 → 新型 冠状 病毒 instead of 新型 型冠 冠状 状病 病毒.
 */
function coverChain(tokens: readonly QueryToken[]): QueryToken[] {
  const isChain =
    tokens.length >= 4 &&
    tokens.every((t, i) => t.term.length === 2 && isCjkCodePoint(t.term.charCodeAt(0)) && (i === 0 || tokens[i - 1]!.term[1] === t.term[0]));
  if (!isChain) return [...tokens];
  return tokens.filter((_, i) => i % 2 === 0 || i === tokens.length - 1);
}

/** True when every token of `shorter` is a token (or, for words, a prefix of a token) of `longer`. */
function containsForm(longer: string, shorter: string): boolean {
  if (isCjkCodePoint(shorter.codePointAt(0)!) && !shorter.includes(' ')) return longer.includes(shorter);
  const words = longer.split(' ');
  return shorter.split(' ').every((w) => words.some((x) => x.startsWith(w)));
}

function phraseClause(phrase: QueryPhrase): PlanClause {
  return { source: phrase.text, phrase: true, variants: [{ text: phrase.text, tokens: phrase.tokens.map(planToken) }] };
}

function planToken(token: QueryToken): PlanToken {
  return { term: token.term, prefix: token.prefix, maxEdits: token.fuzzy ? token.maxEdits : 0 };
}
