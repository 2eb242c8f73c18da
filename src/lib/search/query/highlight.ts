/**
 * Highlight ranges and result snippets, in exact UTF-16 offsets of the ORIGINAL text: a folded
 * query (国安法) marks the characters as written (國安法), a prefix (`cov`) marks `Cov` in `Covid`,
 * synonyms mark too. Ranges never split a surrogate pair.
 */
import { findQueryMatches, type QueryMatch } from './match-query.ts';
import type { ParsedQuery } from './parse-query.ts';

/** A `[start, end)` range of UTF-16 offsets. */
export type TextRange = [number, number];

/** A snippet of an article's text around the best matches of a query. */
export interface Snippet {
  /** The snippet: a substring of the original text, trimmed of surrounding whitespace. */
  text: string;
  /** Offset of `text` in the original text. */
  start: number;
  /** Ranges to mark, relative to `text`, sorted, merged. */
  highlights: TextRange[];
  /** Non-space text precedes the snippet (show "…" before it). */
  leadingEllipsis: boolean;
  /** Non-space text follows the snippet (show "…" after it). */
  trailingEllipsis: boolean;
}

/** Snippet options. */
export interface SnippetOptions {
  /** Longest snippet, in UTF-16 units. */
  maxChars?: number;
}

export const DEFAULT_SNIPPET_OPTIONS: Required<SnippetOptions> = { maxChars: 120 };

/** Longest snippet under a result in the page, in UTF-16 units (the worker's and the manifest's leads). */
export const RESULT_SNIPPET_CHARS = 140;

/**
 * Ranges of the whole text to mark for a query (the reader view), sorted, overlapping and
 * touching ranges merged.
 *
 * @throws FoldingTableError when `text` needs the folding table and it is not loaded (`prepareFolding(text)`)
 * @example highlightRanges('國安法與COVID-19', parseQuery('国安法 covid')) // [[0, 3], [4, 9]]
 */
export function highlightRanges(text: string, query: ParsedQuery): TextRange[] {
  return mergeRanges(findQueryMatches(text, query).map((m): TextRange => [m.start, m.end]));
}

/**
 * The window of at most `maxChars` that covers the most distinct query clauses (then the most
 * matches), widened to start at the beginning of the sentence or clause holding the first match
 * and to end at a sentence end when one fits. Without any match, the start of the text.
 *
 * @throws FoldingTableError as `highlightRanges`
 * @example
 * findSnippet(articleText, parseQuery('川普 推特'), { maxChars: 80 })
 * // { text: '美国总统特朗普周二在推特上表示……', start: 312, highlights: [[4, 7], [10, 12]], leadingEllipsis: true, trailingEllipsis: true }
 */
export function findSnippet(text: string, query: ParsedQuery, options: SnippetOptions = {}): Snippet {
  const maxChars = Math.max(1, options.maxChars ?? DEFAULT_SNIPPET_OPTIONS.maxChars);
  const matches = findQueryMatches(text, query);
  const span = bestSpan(matches, maxChars);
  let start: number;
  let end: number;
  if (!span) {
    start = skipSpace(text, 0);
    end = cutEnd(text, start + maxChars, start);
  } else if (span.end - span.start >= maxChars) {
    start = span.start;
    end = cutEnd(text, start + maxChars, start);
  } else {
    start = snapStart(text, span.start, maxChars - (span.end - span.start));
    end = snapEnd(text, span.end, start + maxChars);
  }
  start = skipSpace(text, start);
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const highlights = mergeRanges(
    matches.filter((m) => m.start < end && m.end > start).map((m): TextRange => [Math.max(m.start, start) - start, Math.min(m.end, end) - start]),
  );
  return {
    text: text.slice(start, end),
    start,
    highlights,
    leadingEllipsis: text.slice(0, start).trim() !== '',
    trailingEllipsis: text.slice(end).trim() !== '',
  };
}

/**
 * Sorts and merges overlapping or touching ranges.
 *
 * @example mergeRanges([[4, 6], [0, 2], [1, 3]]) // [[0, 3], [4, 6]]
 */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: TextRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** First to last match of the best window: most distinct clauses, then most matches, then earliest. */
function bestSpan(matches: readonly QueryMatch[], maxChars: number): { start: number; end: number } | undefined {
  let best: { start: number; end: number; clauses: number; count: number } | undefined;
  const perClause = new Map<number, number>();
  let j = 0;
  for (let i = 0; i < matches.length; i++) {
    // Two pointers: the window [i, j) holds the matches that fit within maxChars from match i.
    while (j < matches.length && matches[j]!.end - matches[i]!.start <= maxChars) {
      perClause.set(matches[j]!.clause, (perClause.get(matches[j]!.clause) ?? 0) + 1);
      j++;
    }
    if (j > i) {
      const end = Math.max(...matches.slice(i, j).map((m) => m.end));
      const candidate = { start: matches[i]!.start, end, clauses: perClause.size, count: j - i };
      if (!best || candidate.clauses > best.clauses || (candidate.clauses === best.clauses && candidate.count > best.count)) best = candidate;
      const left = perClause.get(matches[i]!.clause)! - 1;
      if (left === 0) perClause.delete(matches[i]!.clause);
      else perClause.set(matches[i]!.clause, left);
    } else {
      // Match i alone is longer than maxChars: it is its own window.
      best ??= { start: matches[i]!.start, end: matches[i]!.end, clauses: 1, count: 1 };
      j = i + 1;
    }
  }
  return best;
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '\n', '…']);
const CLAUSE_END = new Set(['，', '、', '：', ',', ':']);

/** Start of the sentence (else clause) holding `matchStart`, if within `slack` before it. */
function snapStart(text: string, matchStart: number, slack: number): number {
  const floor = Math.max(0, matchStart - slack);
  if (floor === 0) return 0;
  let clause = -1;
  for (let i = matchStart - 1; i >= floor; i--) {
    const c = text[i]!;
    if (isSentenceEnd(text, i)) return i + 1;
    if (clause < 0 && CLAUSE_END.has(c)) clause = i + 1;
  }
  if (clause >= 0) return clause;
  // No boundary in reach: keep a third of the slack as context, starting on a word boundary.
  let start = matchStart - Math.floor(slack / 3);
  while (start < matchStart && isWordUnit(text.charCodeAt(start - 1)) && isWordUnit(text.charCodeAt(start))) start++;
  return isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start;
}

/** End after the last sentence end in `[matchEnd, limit)`, else `limit` cut on a word boundary. */
function snapEnd(text: string, matchEnd: number, limit: number): number {
  if (limit >= text.length) return text.length;
  for (let i = limit - 1; i >= matchEnd; i--) if (isSentenceEnd(text, i)) return i + 1;
  return cutEnd(text, limit, matchEnd);
}

/** `limit`, moved back off a half surrogate pair and out of a Latin word (not before `floor`). */
function cutEnd(text: string, limit: number, floor: number): number {
  let end = Math.min(limit, text.length);
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  let back = end;
  while (back > floor && isWordUnit(text.charCodeAt(back - 1)) && isWordUnit(text.charCodeAt(back))) back--;
  return back > floor ? back : end;
}

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i]!;
  if (SENTENCE_END.has(c)) return true;
  // A Latin full stop ends a sentence only before a space: not in 3.5 or U.S.A.
  return c === '.' && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)));
}

function isWordUnit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0xc0 && unit <= 0x24f);
}

function isSpace(unit: number): boolean {
  return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) || unit === 0xa0 || unit === 0x3000;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
