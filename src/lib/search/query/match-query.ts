/**
 * Finds where a parsed query matches in an article's ORIGINAL text, for highlighting, snippets
 * and phrase checks. Matching runs on the folded text, atom by atom (a word, or one CJK
 * character), ignoring the spaces and punctuation between atoms; each match maps back to the
 * exact original characters through `foldWithOffsets`.
 */
import { foldWithOffsets } from '../text/fold.ts';
import type { ParsedQuery, QueryPhrase, QueryToken } from './parse-query.ts';
import { forEachRun } from '../text/tokenize.ts';

/** One match: `[start, end)` in the original text (UTF-16), and which clause matched. */
export interface QueryMatch {
  start: number;
  end: number;
  /** Index into `query.terms`, then `query.phrases` (a phrase's clause is `terms.length + i`). */
  clause: number;
}

/**
 * Every match of the query's terms (any variant, prefix and typo rules included) and phrases in
 * `text`, sorted by start. A term or phrase found nowhere in the text as a whole falls back to
 * the single tokens of its typed form (the bigrams that made the article match). Exclusions are
 * never matched.
 *
 * @throws FoldingTableError when `text` needs the folding table and it is not loaded
 * @example findQueryMatches('國安法通過', parseQuery('国安法')) // [{ start: 0, end: 3, clause: 0 }]
 */
export function findQueryMatches(text: string, query: ParsedQuery): QueryMatch[] {
  if (query.terms.length === 0 && query.phrases.length === 0) return [];
  const atoms = new AtomText(text);
  const matches: QueryMatch[] = [];
  const clauses: Array<Array<{ text: string; tokens: readonly QueryToken[]; asWritten?: true; raw?: string }>> = [
    ...query.terms.map((term) => term.variants),
    ...query.phrases.map((phrase) => [phrase]),
  ];
  clauses.forEach((forms, clause) => {
    const before = matches.length;
    for (const form of forms) {
      // `+word`: only where the text writes it as typed (臺灣, not 台灣).
      const written = form.asWritten && form.raw !== undefined ? writtenKey(form.raw) : null;
      atoms.match(patternOf(form.text, form.tokens), (start, end) => {
        if (written === null || writtenKey(text.slice(start, end)) === written) matches.push({ start, end, clause });
      });
    }
    if (matches.length > before) return;
    // Only the typed form's tokens: a lone bigram of a synonym (严重 of 严重特殊传染性肺炎) means nothing.
    for (const token of forms[0]!.tokens) atoms.match(patternOf(token.term, [token]), (start, end) => matches.push({ start, end, clause }));
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Text as written for a `+word` comparison: NFKC, lowercase, letters and digits only (no script folding). */
function writtenKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether the phrase's words follow each other in `text` (spaces and punctuation between them
 * ignored, as the index ignores them): the check a phrase needs after its tokens all matched.
 *
 * @example containsPhrase('New-York times', parseQuery('"new york"').phrases[0]) // true
 */
export function containsPhrase(text: string, phrase: QueryPhrase): boolean {
  let found = false;
  new AtomText(text).match(patternOf(phrase.text, []), () => {
    found = true;
  });
  return found;
}

interface PatternAtom {
  text: string;
  isWord: boolean;
  prefix: boolean;
  maxEdits: number;
}

/** Atoms of folded `text`; word atoms take their prefix/typo rules from the same word token. */
function patternOf(text: string, tokens: readonly QueryToken[]): PatternAtom[] {
  const pattern: PatternAtom[] = [];
  const wordTokens = new Map(tokens.map((token) => [token.term, token]));
  forEachRun(text, (kind, start, end) => {
    if (kind === 'word') {
      const word = text.slice(start, end);
      const token = wordTokens.get(word);
      pattern.push({ text: word, isWord: true, prefix: token?.prefix ?? false, maxEdits: token?.fuzzy ? token.maxEdits : 0 });
    } else {
      for (const c of text.slice(start, end)) pattern.push({ text: c, isWord: false, prefix: false, maxEdits: 0 });
    }
  });
  return pattern;
}

/**
 * Original text folded and cut into atoms (a word, or one CJK character), kept as offsets into the
 * folded text: building it allocates no string per atom, and a pattern's first atom is looked up
 * with `indexOf` in the folded text (an article's text is folded and cut for every snippet).
 */
class AtomText {
  private readonly folded: string;
  private count = 0;
  /** Each atom's `[start, end)` in the folded text and in the original text, and whether it is a word. */
  private readonly foldStarts: Uint32Array;
  private readonly foldEnds: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly isWord: Uint8Array;
  /** For each folded offset, 1 + the index of the atom starting there; 0 where none does. */
  private readonly atomAt: Uint32Array;

  constructor(original: string) {
    const { folded, starts, ends } = foldWithOffsets(original);
    this.folded = folded;
    // Never more atoms than folded units.
    const capacity = folded.length;
    this.foldStarts = new Uint32Array(capacity);
    this.foldEnds = new Uint32Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.isWord = new Uint8Array(capacity);
    this.atomAt = new Uint32Array(capacity);
    const add = (start: number, end: number, isWord: boolean): void => {
      const at = this.count++;
      this.foldStarts[at] = start;
      this.foldEnds[at] = end;
      this.starts[at] = starts[start]!;
      this.ends[at] = ends[end - 1]!;
      this.isWord[at] = isWord ? 1 : 0;
      this.atomAt[start] = at + 1;
    };
    forEachRun(folded, (kind, start, end) => {
      if (kind === 'word') {
        add(start, end, true);
        return;
      }
      for (let i = start; i < end; ) {
        const width = folded.charCodeAt(i) >= 0xd800 && folded.charCodeAt(i) <= 0xdbff && i + 1 < end ? 2 : 1;
        add(i, i + width, false);
        i += width;
      }
    });
  }

  /** Calls `found(start, end)` (original offsets) for each place the atoms of `pattern` follow each other. */
  match(pattern: readonly PatternAtom[], found: (start: number, end: number) => void): void {
    const first = pattern[0];
    if (!first) return;
    const visit = (at: number): void => {
      if (at + pattern.length > this.count) return;
      for (let k = 0; k < pattern.length; k++) if (!this.atomMatches(at + k, pattern[k]!)) return;
      found(this.starts[at]!, this.ends[at + pattern.length - 1]!);
    };
    if (first.prefix || first.maxEdits > 0) {
      for (let at = 0; at < this.count; at++) visit(at);
      return;
    }
    // An exact first atom: only where its text occurs, and an atom starts.
    for (let p = this.folded.indexOf(first.text); p >= 0; p = this.folded.indexOf(first.text, p + 1)) {
      const at = this.atomAt[p]! - 1;
      if (at >= 0) visit(at);
    }
  }

  private atomMatches(at: number, atom: PatternAtom): boolean {
    const start = this.foldStarts[at]!;
    const length = this.foldEnds[at]! - start;
    const startsWithIt = atom.text.length <= length && this.folded.startsWith(atom.text, start);
    if (startsWithIt && atom.text.length === length) return true;
    if (!atom.isWord || this.isWord[at] === 0) return false;
    if (atom.prefix && startsWithIt) return true;
    return atom.maxEdits > 0 && withinEdits(this.folded.slice(start, start + length), atom.text, atom.maxEdits);
  }
}

/** Levenshtein distance of `a` and `b` is at most `max` (UTF-16 units; words here are Latin). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}
