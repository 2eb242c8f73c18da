/**
 * Turns what a visitor typed into folded, tokenized clauses: terms (all must match), quoted
 * phrases (must match contiguously), exclusions. The result is plain data (it crosses from the
 * search worker to the page) that the search core turns into MiniSearch queries and that
 * `highlight.ts` uses to mark matches.
 */
import { foldWithOffsets } from '../text/fold.ts';
import { isOrOperator } from './query-operators.ts';
import { expandTerm } from '../text/synonyms.ts';
import { splitRuns, tokenize } from '../text/tokenize.ts';

/** One index term to look up, with how loosely it may match. */
export interface QueryToken {
  /** A folded index term: a CJK bigram (or single character) or a word. */
  term: string;
  /**
   * Match index terms that start with `term`: the word being typed (last Latin word of a query
   * that does not end in a space), and every single CJK character (it is the start of bigrams).
   */
  prefix: boolean;
  /** Allow typos: typed words of 5+ letters only. */
  fuzzy: boolean;
  /** Edit distance allowed when `fuzzy` (1 for 5–8 letters, 2 from 9), else 0. */
  maxEdits: number;
}

/** One way to write a term: its folded text and the tokens that must ALL match. */
export interface QueryVariant {
  /** Folded text, Latin words joined by one space: `国安法`, `covid 19`. */
  text: string;
  tokens: QueryToken[];
  /**
   * A synonym of what was typed (`expandTerm`'s forms after the first): it ranks below the typed
   * form and its Latin words match whole, not as prefixes. Absent for the typed form.
   */
  synonym?: boolean;
}

/** A query term: it matches an article when ANY of its variants does (all of that variant's tokens). */
export interface QueryTerm {
  /** The term as typed (for a chunk split into runs, that run's characters; `香港 OR 台湾` for alternatives). */
  raw: string;
  /** Folded text of the term as typed (= `variants[0].text`). */
  text: string;
  /**
   * `variants[0]` is the typed form; the rest are synonyms (see `expandTerm`) and, for
   * alternatives joined by `OR`, each alternative as typed followed by its synonyms.
   */
  variants: QueryVariant[];
}

/** A quoted phrase: all tokens must match, and the words must follow each other in the text. */
export interface QueryPhrase {
  /** The phrase as typed, without quotes. */
  raw: string;
  /** Folded text, runs joined by one space. */
  text: string;
  tokens: QueryToken[];
  /**
   * Typed `+word` (or `+"phrase"`): searched as written, the other script and other variant
   * forms excluded too (臺灣, not 台灣 or 台湾); see `PlanClause#asWritten`.
   */
  asWritten?: true;
}

/** A parsed query. Articles must match every term and phrase and none of the exclusions. */
export interface ParsedQuery {
  raw: string;
  terms: QueryTerm[];
  phrases: QueryPhrase[];
  excludedTerms: QueryTerm[];
  excludedPhrases: QueryPhrase[];
}

// Straight, curly, CJK corner and full-width quotes all open or close a phrase.
const QUOTES = new Set(['"', '“', '”', '„', '「', '」', '『', '』', '＂']);
const MINUSES = new Set(['-', '－', '−']);
const PLUSES = new Set(['+', '＋']);
const SPACE = /\s/;

/**
 * Parses a query. Space-separated chunks are terms; a chunk mixing scripts splits into one term
 * per run (`G20峰会` → `g20`, `峰会`) unless the whole chunk is a synonym (`COVID-19`). Terms
 * joined by `OR` (or `|`, `｜`) are one term whose variants are the alternatives and their
 * synonyms (`王毅 美国 OR 日本`: 王毅, and 美国 or 日本); each alternative is then taken whole
 * (`G20峰会 OR 峰会`). Text in quotes (`"…"`, `“…”`, `「…」`, `＂…＂`) is a phrase; `-word` and
 * `-"phrase"` exclude; `+word` and `+"phrase"` are phrases searched as written (`asWritten`). Tolerant: an unbalanced quote is ignored, a lone `-` is ignored, an `OR`
 * with no term on one side (at either end, next to a phrase or an exclusion) is ignored,
 * full-width spaces separate.
 *
 * @throws FoldingTableError when the query holds traditional characters and the folding table is
 * not loaded: `await prepareFolding(raw)` first
 * @example
 * parseQuery('國安法 -"new york" covi')
 * // terms: 国安法 (tokens 国安, 安法), covi (prefix); excludedPhrases: new york
 */
export function parseQuery(raw: string): ParsedQuery {
  const query: ParsedQuery = { raw, terms: [], phrases: [], excludedTerms: [], excludedPhrases: [] };
  for (const item of groupAlternatives(scanChunks(raw))) {
    if (Array.isArray(item)) {
      addTerm(query, alternativesTerm(item));
      continue;
    }
    const chunk = item;
    const runs = foldedRuns(chunk.raw);
    if (runs.length === 0) continue;
    const whole = joinRuns(runs);
    if (chunk.phrase) {
      const phrase: QueryPhrase = { raw: chunk.raw, text: whole, tokens: tokenize(whole).map(exactToken), ...(chunk.asWritten && !chunk.negated ? { asWritten: true as const } : {}) };
      (chunk.negated ? query.excludedPhrases : query.phrases).push(phrase);
      continue;
    }
    if (chunk.negated) {
      query.excludedTerms.push(makeTerm(chunk.raw, whole, false));
      continue;
    }
    // One term for a synonym written as several runs (covid-19); otherwise one term per run.
    const parts = runs.length > 1 && expandTerm(whole).length === 1 ? runs : [{ text: whole, raw: chunk.raw }];
    parts.forEach((part, i) => {
      const term = makeTerm(part.raw, part.text, true);
      if (chunk.reachesEnd && i === parts.length - 1) markTyping(term.variants[0]!);
      addTerm(query, term);
    });
  }
  return query;
}

/** A chunk's runs of one script, folded, each with the characters it was typed as. */
function foldedRuns(raw: string): Array<{ text: string; raw: string }> {
  const { folded, starts, ends } = foldWithOffsets(raw);
  return splitRuns(folded).map((run) => ({
    text: folded.slice(run.start, run.end),
    raw: raw.slice(starts[run.start], ends[run.end - 1]),
  }));
}

/** Folded runs as one text, joined by one space (a variant's or a phrase's `text`). */
function joinRuns(runs: ReadonlyArray<{ text: string }>): string {
  return runs.map((run) => run.text).join(' ');
}

/** Adds a term unless the query has one of the same text already. */
function addTerm(query: ParsedQuery, term: QueryTerm): void {
  if (!query.terms.some((other) => other.text === term.text)) query.terms.push(term);
}

/** An `OR` standing alone (not quoted, not excluded). */
function isOr(chunk: Chunk | undefined): boolean {
  return chunk !== undefined && !chunk.phrase && !chunk.negated && isOrOperator(chunk.raw);
}

/** A plain term chunk: neither a phrase nor an exclusion nor an operator. */
function isPlainTerm(chunk: Chunk | undefined): chunk is Chunk {
  return chunk !== undefined && !chunk.phrase && !chunk.negated && !isOrOperator(chunk.raw);
}

/**
 * Chunks, with runs of plain terms joined by `OR` gathered into arrays (two or more
 * alternatives); an `OR` that joins no two plain terms is dropped.
 */
function groupAlternatives(chunks: readonly Chunk[]): Array<Chunk | Chunk[]> {
  const out: Array<Chunk | Chunk[]> = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (isOr(chunk)) continue;
    if (!isPlainTerm(chunk)) {
      out.push(chunk);
      continue;
    }
    const group = [chunk];
    while (isOr(chunks[i + 1]) && isPlainTerm(chunks[i + 2])) {
      group.push(chunks[i + 2]!);
      i += 2;
    }
    out.push(group.length > 1 ? group : chunk);
  }
  return out;
}

/**
 * One term for alternatives: each alternative taken whole (its runs together, as a synonym
 * written in several runs is), its typed form then its synonyms, repeated forms dropped. The
 * alternative still being typed (the query's last chunk) matches its last word as a prefix.
 */
function alternativesTerm(chunks: readonly Chunk[]): QueryTerm {
  const variants: QueryVariant[] = [];
  const raws: string[] = [];
  for (const chunk of chunks) {
    const text = joinRuns(foldedRuns(chunk.raw));
    if (!text) continue;
    const term = makeTerm(chunk.raw, text, true);
    if (chunk.reachesEnd) markTyping(term.variants[0]!);
    raws.push(chunk.raw);
    for (const variant of term.variants) if (!variants.some((v) => v.text === variant.text)) variants.push(variant);
  }
  return { raw: raws.join(' OR '), text: variants[0]?.text ?? '', variants };
}

interface Chunk {
  raw: string;
  phrase: boolean;
  negated: boolean;
  /** Typed after a `+`: a phrase searched as written. */
  asWritten?: boolean;
  /** The chunk runs to the end of the query, no space after it: the visitor may still be typing it. */
  reachesEnd: boolean;
}

function scanChunks(raw: string): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (MINUSES.has(c)) {
      const next = raw[i + 1];
      i++;
      if (next === undefined || SPACE.test(next)) continue;
      negated = true;
    }
    let asWritten = false;
    if (!negated && PLUSES.has(raw[i]!)) {
      const next = raw[i + 1];
      i++;
      if (next === undefined || SPACE.test(next)) continue;
      asWritten = true;
    }
    if (QUOTES.has(raw[i]!)) {
      const close = findQuote(raw, i + 1);
      if (close >= 0) {
        chunks.push({ raw: raw.slice(i + 1, close), phrase: true, negated, asWritten, reachesEnd: false });
        i = close + 1;
        continue;
      }
      // Unbalanced: ignore the quote, so a phrase being typed still finds its words.
      i++;
    }
    let end = i;
    while (end < raw.length && !SPACE.test(raw[end]!) && !QUOTES.has(raw[end]!)) end++;
    // A `+word` is a phrase of its own: never a prefix, a typo or an alternative of `OR`.
    if (end > i) chunks.push({ raw: raw.slice(i, end), phrase: asWritten, negated, asWritten, reachesEnd: !asWritten && end === raw.length });
    i = end;
  }
  return chunks;
}

function findQuote(raw: string, from: number): number {
  for (let i = from; i < raw.length; i++) if (QUOTES.has(raw[i]!)) return i;
  return -1;
}

function makeTerm(raw: string, text: string, allowTypos: boolean): QueryTerm {
  const variants = expandTerm(text).map((variant, i): QueryVariant => ({
    text: variant,
    tokens: tokenize(variant).map((term) => (allowTypos && i === 0 ? typedToken(term) : exactToken(term))),
    ...(i > 0 ? { synonym: true } : {}),
  }));
  return { raw, text, variants };
}

/** Flags the last token of a typed variant as a prefix when it is a word with a letter. */
function markTyping(variant: QueryVariant): void {
  const last = variant.tokens.at(-1);
  if (last && /\p{L}/u.test(last.term) && !isCjkToken(last.term)) last.prefix = true;
}

function exactToken(term: string): QueryToken {
  // A lone CJK character is only ever the start of a bigram (or a one-character run) in the index.
  return { term, prefix: isCjkToken(term) && [...term].length === 1, fuzzy: false, maxEdits: 0 };
}

function typedToken(term: string): QueryToken {
  const token = exactToken(term);
  const letters = [...term].length;
  if (letters >= 5 && /^\p{L}+$/u.test(term) && !isCjkToken(term)) {
    token.fuzzy = true;
    token.maxEdits = letters >= 9 ? 2 : 1;
  }
  return token;
}

function isCjkToken(term: string): boolean {
  return splitRuns(term)[0]?.kind === 'cjk';
}
