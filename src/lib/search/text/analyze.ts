import { foldText } from './fold.ts';
import { cappedWordEnd } from './term-length.ts';
import { forEachBigram, forEachRun, tokenize } from './tokenize.ts';

/**
 * The index-side text → terms path for titles and texts: fold (NFKC, case, traditional →
 * simplified), split into bigrams and words (`tokenize`), and add the last character of each
 * Chinese run as a unigram. With it, every character of the text starts some indexed term, so a
 * one-character query is a prefix search that finds every article holding that character
 * (`其中` alone would leave `中` findable only as the end of a bigram).
 * The folding table must be loaded first when the text may hold traditional characters.
 * @example analyzeText('臺灣 COVID-19') // ['台湾', '湾', 'covid', '19']
 */
export function analyzeText(text: string): string[] {
  const folded = foldText(text);
  const terms = tokenize(folded);
  forEachRun(folded, (kind, start, end) => {
    if (kind !== 'cjk') return;
    const last = folded.codePointAt(end - 1);
    // A single-character run is already a unigram; an astral last character spans two units.
    const lastStart = last !== undefined && (last & 0xfc00) === 0xdc00 ? end - 2 : end - 1;
    if (lastStart > start) terms.push(folded.slice(lastStart, end));
  });
  return terms;
}

/**
 * The terms of `analyzeText(text)`, without making a string of each: calls `visit` with the
 * folded text and each term's `[start, end)` in it (the same terms, as often, in another order:
 * each Chinese run's bigrams are followed by its last-character unigram).
 * @example forEachIndexTerm('臺灣', (folded, s, e) => terms.push(folded.slice(s, e))) // terms: ['台湾', '湾']
 */
export function forEachIndexTerm(text: string, visit: (folded: string, start: number, end: number) => void): void {
  const folded = foldText(text);
  const push = (start: number, end: number): void => visit(folded, start, end);
  forEachRun(folded, (kind, start, end) => {
    if (kind !== 'cjk') {
      visit(folded, start, cappedWordEnd(folded, start, end));
      return;
    }
    forEachBigram(folded, start, end, push);
    const last = folded.codePointAt(end - 1);
    const lastStart = last !== undefined && (last & 0xfc00) === 0xdc00 ? end - 2 : end - 1;
    if (lastStart > start) visit(folded, lastStart, end);
  });
}
