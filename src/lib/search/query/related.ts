/**
 * "Same story elsewhere": articles from other outlets, published within a few days, whose title
 * and text share the most distinctive terms of an article's title and lead. Works on the index
 * alone (postings + docs table): no article text beyond the source article's own fragment.
 */
import { analyzeText } from '../text/analyze.ts';
import type { DocsTable } from '../format/docs-table.ts';
import { prepareFolding } from '../text/fold.ts';
import type { IndexReader } from '../load-index.ts';
import type { TermPostings } from '../format/term-part.ts';

/** Knobs of {@link findRelated}. */
export interface RelatedOptions {
  /** Days before and after the article's date that count as "the same event". */
  days?: number;
  /** Related articles returned at most. */
  limit?: number;
  /** Least share (0–1) of the source's weighted terms a candidate must hold. */
  minScore?: number;
  /** Most distinctive source terms looked up. */
  maxTerms?: number;
  /** Characters of the source's text (its lead) used besides the title. */
  leadChars?: number;
}

export const DEFAULT_RELATED_OPTIONS: Required<RelatedOptions> = {
  days: 3,
  limit: 5,
  minScore: 0.15,
  maxTerms: 24,
  leadChars: 160,
};

/** A related article and how much of the source's weighted terms it shares (0–1). */
export interface RelatedArticle {
  number: number;
  score: number;
}

/** One source term: how much it weighs (title terms more than lead terms) and its postings. */
export interface SourceTerm {
  term: string;
  /** 2 for a title term, 1 for a lead-only term. */
  weight: number;
  postings: TermPostings;
}

/** A title term found only in a candidate's text counts this much of a title match. */
const TEXT_ONLY_FACTOR = 0.6;

/**
 * Finds articles about the same event as article `number`: other outlets, dated within
 * `days` of it, sharing enough of its distinctive title and lead terms. Undated articles have
 * none.
 *
 * @throws IndexError when the article's fragment, the docs table or a vocabulary part cannot be loaded
 * @example
 * const related = await findRelated(searcher.reader, 7);
 * // [{ number: 8, score: 0.41 }]
 */
export async function findRelated(reader: IndexReader, number: number, options: RelatedOptions = {}): Promise<RelatedArticle[]> {
  const settings = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const fragment = await reader.fragment(number);
  if (!(await reader.docs([reader.blockOf(number)])).day[number]) return [];
  const lead = fragment.text.slice(0, settings.leadChars);
  await prepareFolding(fragment.title, lead);
  const weights = sourceTermWeights(fragment.title, lead);

  await Promise.all([...weights.keys()].map((term) => reader.partsFor(term)));
  const terms: SourceTerm[] = [];
  const blocks = new Set<number>();
  for (const [term, weight] of weights) {
    const entry = await reader.entry(term);
    // A common term (its postings split into chunks) is too frequent to tie two stories together.
    if (!entry?.postings) continue;
    terms.push({ term, weight, postings: entry.postings });
    for (const flat of entry.postings) for (let i = 0; i < flat.length; i += 2) blocks.add(reader.blockOf(flat[i]!));
  }
  const docs = await reader.docs(blocks);
  return rankRelated(number, terms, docs, settings);
}

/**
 * The source's terms with their weights: title terms weigh 2, terms only in the lead weigh 1.
 * Single characters and one- or two-letter words carry too little meaning to tie stories together.
 * The folding table must be loaded when the texts may hold traditional characters.
 *
 * @example sourceTermWeights('王毅会见北约秘书长', '周一，王毅…') // Map { '王毅' => 2, '毅会' => 2, …, '周一' => 1 }
 */
export function sourceTermWeights(title: string, lead: string): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of analyzeText(text)) {
      if (!isMeaningful(term)) continue;
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
  };
  add(title, 2);
  add(lead, 1);
  return weights;
}

/**
 * Scores candidates from the source terms' postings: the share of the source's weighted
 * distinctiveness (weight × BM25 idf of the `maxTerms` best terms that some other article holds)
 * that a candidate holds, a term
 * in its text only counting {@link TEXT_ONLY_FACTOR}. Keeps other outlets within `days`, at least
 * `minScore`, best first (then closest in date), at most `limit`.
 */
export function rankRelated(number: number, terms: readonly SourceTerm[], docs: DocsTable, options: RelatedOptions = {}): RelatedArticle[] {
  const { days, limit, minScore, maxTerms } = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const day = docs.day[number]!;
  if (!day) return [];
  const outlet = docs.outlet[number];
  const weighted = terms
    .map((term) => ({ ...term, frequency: documentFrequency(term.postings) }))
    // A term no other article holds cannot tie stories together; it would only dilute the share.
    .filter((term) => term.frequency > 1)
    .map((term) => ({ ...term, value: term.weight * idf(docs.count, term.frequency) }))
    .sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : 1))
    .slice(0, maxTerms);
  const total = weighted.reduce((sum, term) => sum + term.value, 0);
  if (total <= 0) return [];

  const isCandidate = (n: number) => n !== number && docs.outlet[n] !== outlet && docs.day[n] !== 0 && Math.abs(docs.day[n]! - day) <= days;
  const scores = new Map<number, number>();
  for (const term of weighted) {
    // Per candidate, the best field: a title match counts fully, a text-only match partly.
    const best = new Map<number, number>();
    term.postings.forEach((flat, fieldId) => {
      const factor = fieldId === 0 ? 1 : TEXT_ONLY_FACTOR;
      for (let i = 0; i < flat.length; i += 2) {
        const n = flat[i]!;
        if (isCandidate(n)) best.set(n, Math.max(best.get(n) ?? 0, factor));
      }
    });
    for (const [n, factor] of best) scores.set(n, (scores.get(n) ?? 0) + factor * term.value);
  }
  return [...scores]
    .map(([n, score]) => ({ number: n, score: score / total }))
    .filter((related) => related.score >= minScore)
    .sort((a, b) => b.score - a.score || Math.abs(docs.day[a.number]! - day) - Math.abs(docs.day[b.number]! - day) || a.number - b.number)
    .slice(0, limit);
}

/** BM25's idf, as MiniSearch computes it. */
function idf(count: number, frequency: number): number {
  return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
}

/** Articles holding a term in any field. */
function documentFrequency(postings: TermPostings): number {
  const numbers = new Set<number>();
  for (const flat of postings) for (let i = 0; i < flat.length; i += 2) numbers.add(flat[i]!);
  return numbers.size;
}

function isMeaningful(term: string): boolean {
  const length = [...term].length;
  // CJK bigrams (2 characters) and words of 3+ letters; digits alone (years, counts) say little.
  if (/^\d+$/.test(term)) return false;
  return /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u.test(term) ? length >= 2 : length >= 3;
}
