/**
 * How many words of a text an index cuts (`MAX_TERM_LENGTH`), for the build's report: word runs
 * (letters, digits) longer than a term may be, found as `tokenize` finds them. A CJK run is
 * indexed as bigrams and never cut, however long. One pass over the text: the regular expression
 * this replaces (`[\p{L}\p{N}\p{M}]{65,}`) retried at every character of long CJK runs, 1.8 s of
 * each compile worker's 40 s in a profile of the shared corpus's cold build, and counted those
 * runs as cut words.
 */
import { MAX_TERM_LENGTH } from './term-length.ts';
import { forEachRun } from './tokenize.ts';

/**
 * @example countLongWords(`x ${'a'.repeat(70)}`) // 1
 * @example countLongWords('中'.repeat(200)) // 0
 */
export function countLongWords(text: string): number {
  let count = 0;
  forEachRun(text, (kind, start, end) => {
    if (kind === 'word' && end - start > MAX_TERM_LENGTH) count++;
  });
  return count;
}
