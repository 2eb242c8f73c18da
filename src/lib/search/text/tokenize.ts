/**
 * Splits FOLDED text (see `foldText`) into index terms, identically for articles and queries:
 * runs of CJK characters (Han, kana, hangul) become overlapping bigrams, runs of letters and
 * digits become words. No dictionary segmentation (Intl.Segmenter, jieba): bigrams find any
 * substring of two or more characters, in both scripts, with the same rules everywhere.
 */
import { cappedWordEnd } from './term-length.ts';

/** What a run of folded text is made of. */
export type RunKind = 'cjk' | 'word';

/** One run of folded text: `[start, end)` are UTF-16 offsets into the folded string. */
export interface TextRun {
  kind: RunKind;
  start: number;
  end: number;
}

/** A term and where it sits in the folded text, `[start, end)` in UTF-16 units. */
export interface PositionedToken {
  term: string;
  start: number;
  end: number;
}

/**
 * Calls `visit` for every run of folded text, in order: a `word` run is a maximal stretch of
 * letters, digits and marks (hyphens, apostrophes, punctuation and spaces separate; a possessive
 * `'s` is dropped); a `cjk` run is a maximal stretch of Han, kana, hangul and bopomofo.
 * Digits next to CJK characters form their own word run (`2020年` → `2020`, `年`).
 *
 * @example forEachRun('g20峰会', (kind, s, e) => …) // ('word', 0, 3), ('cjk', 3, 5)
 */
export function forEachRun(folded: string, visit: (kind: RunKind, start: number, end: number) => void): void {
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const cp = folded.codePointAt(i)!;
    const kind = classify(cp);
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    if (kind === SEPARATOR || kind === APOSTROPHE) continue;
    while (i < length) {
      const next = folded.codePointAt(i)!;
      if (classify(next) !== kind) break;
      i += next > 0xffff ? 2 : 1;
    }
    const end = i;
    // "trump's" indexes as "trump": the possessive is noise, and queries drop it the same way.
    if (kind === WORD && isApostrophe(folded.charCodeAt(i)) && isPossessive(folded, i + 1)) i += 2;
    visit(kind === CJK ? 'cjk' : 'word', start, end);
  }
}

/**
 * Index terms of folded text: each CJK run gives its overlapping bigrams (a run of one character
 * gives that character), each word run gives itself. Every term `t` satisfies
 * `tokenize(t)` = `[t]`, so MiniSearch may safely run terms through it again.
 *
 * @param folded output of `foldText` (tokenize does not fold: `analyzeText` does both)
 * @example tokenize('国安法 covid-19') // ['国安', '安法', 'covid', '19']
 * @example tokenize('g20峰会') // ['g20', '峰会']
 */
export function tokenize(folded: string): string[] {
  const terms: string[] = [];
  forEachRun(folded, (kind, start, end) => {
    if (kind === 'word') terms.push(folded.slice(start, cappedWordEnd(folded, start, end)));
    else forEachBigram(folded, start, end, (s, e) => terms.push(folded.slice(s, e)));
  });
  return terms;
}

/**
 * Like `tokenize`, with each term's `[start, end)` in the folded text. Map them to the original
 * text through `foldWithOffsets`: `[starts[start], ends[end - 1])`.
 *
 * @example tokenizeWithPositions('香港人') // [{ term: '香港', start: 0, end: 2 }, { term: '港人', start: 1, end: 3 }]
 */
export function tokenizeWithPositions(folded: string): PositionedToken[] {
  const tokens: PositionedToken[] = [];
  const push = (start: number, end: number): void => {
    tokens.push({ term: folded.slice(start, end), start, end });
  };
  forEachRun(folded, (kind, start, end) => {
    if (kind === 'word') push(start, cappedWordEnd(folded, start, end));
    else forEachBigram(folded, start, end, push);
  });
  return tokens;
}

/**
 * The runs of folded text as objects (see `forEachRun`).
 *
 * @example splitRuns('covid 新冠') // [{ kind: 'word', start: 0, end: 5 }, { kind: 'cjk', start: 6, end: 8 }]
 */
export function splitRuns(folded: string): TextRun[] {
  const runs: TextRun[] = [];
  forEachRun(folded, (kind, start, end) => runs.push({ kind, start, end }));
  return runs;
}

/** Whether a code point is Han, kana, hangul or bopomofo (tokenized as bigrams). */
export function isCjkCodePoint(cp: number): boolean {
  if (cp < 0x1100) return false;
  if (cp < 0x10000) {
    return (
      (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
      (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
      (cp >= 0x3040 && cp <= 0x30ff && cp !== 0x30fb) || // kana (not the katakana middle dot, a separator)
      (cp >= 0xac00 && cp <= 0xd7af) || // hangul syllables
      (cp >= 0x1100 && cp <= 0x11ff) || // hangul jamo
      (cp >= 0x3130 && cp <= 0x318f) || // hangul compatibility jamo
      (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
      (cp >= 0x3100 && cp <= 0x312f) || // bopomofo
      (cp >= 0x31a0 && cp <= 0x31ff) || // bopomofo extended, katakana phonetic extensions
      (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs (NFKC maps most; a few remain)
      (cp >= 0xa960 && cp <= 0xa97f) || // hangul jamo extended-A
      (cp >= 0xd7b0 && cp <= 0xd7ff) || // hangul jamo extended-B
      cp === 0x3005 || // 々 iteration mark
      cp === 0x3007 || // 〇
      (cp >= 0x3021 && cp <= 0x3029) || // Hangzhou numerals
      (cp >= 0x3038 && cp <= 0x303b)
    );
  }
  return (
    (cp >= 0x20000 && cp <= 0x3ffff) || // Extensions B–I, compatibility supplement
    (cp >= 0x1b000 && cp <= 0x1b16f) // kana supplement and extended
  );
}

const SEPARATOR = 0;
const WORD = 1;
const CJK = 2;
const APOSTROPHE = 3;

// Class + 1 per BMP code point, filled on first sight (0 = not yet classified).
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

function classify(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClasses[cp]!;
    if (known !== 0) return known - 1;
    const kind = computeClass(cp);
    bmpClasses[cp] = kind + 1;
    return kind;
  }
  let kind = astralClasses.get(cp);
  if (kind === undefined) {
    kind = computeClass(cp);
    astralClasses.set(cp, kind);
  }
  return kind;
}

function computeClass(cp: number): number {
  // ʼ (U+02BC) is a letter to Unicode but an apostrophe in practice.
  if (isApostrophe(cp)) return APOSTROPHE;
  if (isCjkCodePoint(cp)) return CJK;
  return WORD_CHARACTER.test(String.fromCodePoint(cp)) ? WORD : SEPARATOR;
}

function isApostrophe(unit: number): boolean {
  return unit === 0x27 || unit === 0x2019 || unit === 0x02bc;
}

/** `'s` at `i - 1` ends a word (the `s` at `i` is not followed by a word or CJK character). */
function isPossessive(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x73) return false;
  if (i + 1 >= text.length) return true;
  return classify(text.codePointAt(i + 1)!) !== WORD;
}

/**
 * Calls `push` with the `[start, end)` of each overlapping bigram of the CJK run `[start, end)`
 * of `text`, in order; a run of one character gives that character.
 */
export function forEachBigram(text: string, start: number, end: number, push: (start: number, end: number) => void): void {
  let first = start;
  let second = first + codePointWidth(text, first);
  if (second >= end) {
    push(start, end);
    return;
  }
  while (second < end) {
    const third = second + codePointWidth(text, second);
    push(first, third);
    first = second;
    second = third;
  }
}

function codePointWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** One CJK character (a BMP code unit or a surrogate pair). */
export function isSingleCjk(term: string): boolean {
  const cp = term.codePointAt(0)!;
  return term.length === (cp > 0xffff ? 2 : 1) && isCjkCodePoint(cp);
}
