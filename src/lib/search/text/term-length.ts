/**
 * The longest index term. A word run longer than this (a 500,000-letter "word", a base64 blob in
 * an article) is indexed as its first `MAX_TERM_LENGTH` UTF-16 units, and a query word is cut the
 * same way, so the two still meet: the cut keeps every vocabulary key, part boundary and manifest
 * entry small, whatever an article holds.
 */
export const MAX_TERM_LENGTH = 64;

/**
 * End of a word run `[start, end)` once cut to `MAX_TERM_LENGTH` units, never inside a surrogate
 * pair; `end` itself when the run is short enough.
 * @example cappedWordEnd('a'.repeat(100), 0, 100) // 64
 */
export function cappedWordEnd(folded: string, start: number, end: number): number {
  if (end - start <= MAX_TERM_LENGTH) return end;
  let cut = start + MAX_TERM_LENGTH;
  // A high surrogate at the cut's last unit would be half a character: leave it out.
  if ((folded.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
  return cut;
}

const LONG_WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}]{${MAX_TERM_LENGTH + 1},}`, 'gu');

/**
 * How many words of `text` are longer than an index term may be (and are indexed cut), for the
 * build's report. Counts letters and digits as `tokenize` does, before folding.
 * @example countLongWords(`x ${'a'.repeat(70)}`) // 1
 */
export function countLongWords(text: string): number {
  let count = 0;
  LONG_WORD.lastIndex = 0;
  for (const match of text.matchAll(LONG_WORD)) if (match[0].length > MAX_TERM_LENGTH) count++;
  return count;
}
