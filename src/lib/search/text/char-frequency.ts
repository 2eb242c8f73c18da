import { isCjkCodePoint } from './tokenize.ts';

/**
 * A one-character query (`港`) matches every term that starts with the character, and ranks as
 * one merged term (see `load-terms.ts`): BM25 then needs the merged term's document frequency,
 * the number of articles holding ANY of those terms, which the terms' own frequencies cannot
 * give (their union is not their sum). The build stores it in the vocabulary under a key of its
 * own, `<char>\u0000`: it sorts right after the character's unigram and before its bigrams, so it
 * lies in the part where the character's range starts. As for every term, the older blocks'
 * vocabulary holds their count and the newest block's vocabulary the whole archive's.
 */
export const CHAR_FREQUENCY_MARK = '\u0000';

/** The vocabulary key of the merged frequency of one-character query `char`. */
export function charFrequencyKey(char: string): string {
  return char + CHAR_FREQUENCY_MARK;
}

/** True for a key of {@link charFrequencyKey} (never a real term: analysed text holds no U+0000). */
export function isCharFrequencyKey(term: string): boolean {
  return term.endsWith(CHAR_FREQUENCY_MARK);
}

/** The CJK character a term starts with, or null (a Latin word, a number). */
export function leadingCjk(term: string): string | null {
  const cp = term.codePointAt(0);
  return cp !== undefined && isCjkCodePoint(cp) ? String.fromCodePoint(cp) : null;
}

/**
 * Counts, per CJK character and field, the articles whose terms start with it, apart for two
 * ranges of article numbers (the older blocks and the newest block), as the build adds articles.
 *
 * @example
 * const counts = new CharFrequencies(2, 9_000);
 * counts.add(0, 0, ['台湾', '湾']); // article 0's title
 * counts.older.get('台') // [1, 0]
 */
export class CharFrequencies {
  /** Character → articles per field, in numbers below `newestFloor`. */
  readonly older = new Map<string, number[]>();
  /** The same for numbers from `newestFloor` on. */
  readonly newest = new Map<string, number[]>();

  constructor(
    private readonly fieldCount: number,
    private readonly newestFloor: number,
  ) {}

  /** Counts article `number` once for each character that starts one of its `terms` in field `fieldId`. */
  add(number: number, fieldId: number, terms: Iterable<string>): void {
    const counts = number >= this.newestFloor ? this.newest : this.older;
    const chars = new Set<string>();
    for (const term of terms) {
      const char = leadingCjk(term);
      if (char !== null) chars.add(char);
    }
    for (const char of chars) {
      let perField = counts.get(char);
      if (!perField) counts.set(char, (perField = new Array<number>(this.fieldCount).fill(0)));
      perField[fieldId]!++;
    }
  }
}
