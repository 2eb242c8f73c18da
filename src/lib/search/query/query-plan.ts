import type { ParsedQuery, QueryPhrase, QueryTerm, QueryToken, QueryVariant } from './parse-query.ts';
import { needsFoldingTable } from '../text/fold.ts';
import { isCjkCodePoint } from '../text/tokenize.ts';
import { type LiteralForm, literalForms } from '../text/literal-forms.ts';

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
  /**
   * Typed in traditional characters (`needsFoldingTable` of what was typed): without `forms` (one
   * character), articles written in simplified characters match it one tier lower
   * (`rank-clauses.ts`); with `forms`, the literal-form keys tell the tier.
   */
  traditional?: boolean;
  /**
   * `+word`: only articles that wrote the typed form (its `forms`, as typed) match, not the other
   * script's (`rank-clauses.ts` drops them; the phrase check reads the text as written).
   */
  asWritten?: boolean;
  /**
   * The typed form's Chinese bigrams, folded and as typed (`literal-forms.ts`): an article that
   * wrote them otherwise (the other script) matches one tier lower. Absent without Chinese
   * bigrams and for `OR` alternatives.
   */
  forms?: LiteralForm[];
  variants: PlanVariant[];
}

export interface PlanVariant {
  /** Folded text of this variant, for highlighting. */
  text: string;
  tokens: PlanToken[];
  /** A synonym of the typed form: it ranks one tier lower (see `rank-clauses.ts`). */
  synonym: boolean;
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
  // A synonym's Latin words match whole: `ai` (人工智能) must not find airline, `nato` not natal.
  for (const term of [...parsed.terms, ...parsed.excludedTerms]) for (const v of term.variants) if (!v.synonym) v.tokens.forEach(widen);
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
 * A synonym that contains another variant of the same term (新冠肺炎 ⊃ 新冠, `covid 19` ⊃ `covid`)
 * can only match articles the shorter one matches already: it is dropped, so the query loads
 * fewer vocabulary parts. The typed form is always kept: it ranks above its synonyms (match
 * tiers, `rank-clauses.ts`). Every token of a variant is kept, so a Chinese term matches only
 * where all of its bigrams occur (火星殖民地 needs 星殖 too). Highlighting still uses every variant.
 */
function termClause(term: QueryTerm): PlanClause {
  const needed = term.variants.filter((v, i) => !v.synonym || !term.variants.some((other, j) => j !== i && other.text.length < v.text.length && containsForm(v, other)));
  const alternatives = term.variants.filter((v) => !v.synonym).length > 1;
  return {
    source: term.text,
    phrase: false,
    ...(needsFoldingTable(term.raw) ? { traditional: true } : {}),
    ...typedForms(alternatives ? '' : term.raw, term.variants[0]?.tokens ?? []),
    variants: needed.map((v) => ({ text: v.text, tokens: v.tokens.map(planToken), synonym: v.synonym === true })),
  };
}

/** `{ forms }` of a typed text whose bigrams are the typed variant's tokens, else nothing. */
function typedForms(raw: string, tokens: readonly QueryToken[]): { forms?: LiteralForm[] } {
  const forms = raw ? literalForms(raw) : [];
  return forms.length > 0 && forms.every((form) => tokens.some((t) => t.term === form.folded)) ? { forms } : {};
}

/** True when every token of `shorter` is a token (or, when it is a prefix token, the start of a token) of `longer`. */
function containsForm(longer: QueryVariant, shorter: QueryVariant): boolean {
  if (isCjkCodePoint(shorter.text.codePointAt(0)!) && !shorter.text.includes(' ')) return longer.text.includes(shorter.text);
  return shorter.tokens.every((t) => longer.tokens.some((x) => x.term === t.term || (t.prefix && x.term.startsWith(t.term))));
}

function phraseClause(phrase: QueryPhrase): PlanClause {
  return {
    source: phrase.text,
    phrase: true,
    ...(needsFoldingTable(phrase.raw) ? { traditional: true } : {}),
    ...(phrase.asWritten ? { asWritten: true } : {}),
    ...typedForms(phrase.raw, phrase.tokens),
    variants: [{ text: phrase.text, tokens: phrase.tokens.map(planToken), synonym: false }],
  };
}

function planToken(token: QueryToken): PlanToken {
  return { term: token.term, prefix: token.prefix, maxEdits: token.fuzzy ? token.maxEdits : 0 };
}
