import { describe, expect, it } from 'vitest';
import { countLongWords } from '../../src/lib/search/text/long-words.ts';
import { MAX_TERM_LENGTH } from '../../src/lib/search/text/term-length.ts';
import { tokenize } from '../../src/lib/search/text/tokenize.ts';

describe('countLongWords', () => {
  it('counts the word runs the index cuts, and only those', () => {
    const long = 'a'.repeat(MAX_TERM_LENGTH + 6);
    expect(countLongWords(`x ${long} y ${'b'.repeat(MAX_TERM_LENGTH)} ${long}2`)).toBe(2);
    expect(countLongWords('')).toBe(0);
  });

  it('never counts a CJK run: it is indexed as bigrams, whatever its length', () => {
    const run = '香港政府今日宣布'.repeat(30);
    expect(tokenize(run).every((term) => term.length <= 2)).toBe(true);
    expect(countLongWords(run)).toBe(0);
    expect(countLongWords(`${run} ${'z'.repeat(100)}`)).toBe(1);
  });
});
