/**
 * Character folding, identical at build time and query time: NFKC, lowercase, Latin diacritics
 * removed, invisible format characters removed, traditional → simplified (character level, from
 * opencc-js). Folding works one code point at a time, so every folded code unit knows the exact
 * original range it came from and matches in folded text map back to the original.
 *
 * The traditional → simplified table (`fold-table.ts`, with its keys `fold-keys.ts`, 7.8 KB gzip)
 * is loaded on demand: a query with no traditional character never fetches it. Before it is
 * loaded, the characters that may need it are told by `fold-candidates.ts` (a superset of the
 * keys: a Han character outside GB 2312's Hanzi, which the platform's GBK decoder lists, or one of
 * the 17 keys inside it); after, exactly by the table. docs/widget.md has what this saves.
 */
import { GB2312_KEYS, KEY_RANGES } from './fold-candidates.ts';
import { loadCode } from '../code-unavailable.ts';
import { grow, isNfkcStableHan, preFold, unitsToString } from './fold-code-point.ts';

/** Result of {@link foldWithOffsets}: the folded text and where each of its code units came from. */
export interface FoldedText {
  /** The folded text (what `foldText` returns). */
  folded: string;
  /** For each UTF-16 unit of `folded`, the index in the original text of the code point it came from. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `folded`, the end (exclusive) of that original code point. */
  ends: Uint32Array;
}

/**
 * Thrown when text holds a character that only the traditional → simplified table can fold and
 * the table has not been loaded: folding on would silently give a different answer at query time
 * than at build time.
 */
export class FoldingTableError extends Error {
  override name = 'FoldingTableError';
}

// Folded value per BMP code point (0 = unchanged), and per astral one. Set once the table loads.
let bmpTable: Uint32Array | undefined;
let astralTable: Map<number, number> | undefined;
let loading: Promise<void> | undefined;
/**
 * Pairs learned without the whole table (`addFoldingPairs`, from the article fragments that
 * carry their own): a page of results in traditional characters then folds without the table
 * download. At most the table's 3,233 entries.
 */
const knownPairs = new Map<number, number>();
/**
 * Candidates (`isCandidate`) learned to need no table: the characters of a fragment's text that
 * its pairs do not list (a rare simplified character outside GB 2312, 堃 or 镕). One a BMP code
 * point, and astral ones in a Set.
 */
const knownPlain = new Uint8Array(0x10000);
const knownPlainAstral = new Set<number>();
/** 1 for each of GB 2312's Hanzi that is not a key; null where the platform has no GBK decoder. */
let gb2312Plain: Uint8Array | null | undefined;

/**
 * Loads the traditional → simplified table (a separate chunk in the browser). Memoised: call it
 * as often as you like; after a failed load the next call tries again.
 *
 * @throws (rejects) `CodeUnavailableError` when the chunk cannot be fetched
 * @example await loadFoldingTable(); foldText('臺灣') // '台湾'
 */
export function loadFoldingTable(): Promise<void> {
  loading ??= loadCode(() => import('./fold-table.ts')).then(
    ({ FOLDING_KEYS, FOLDED_VALUES, decodeCodePointSet, decodeFoldedValues }) => {
      const keys = decodeCodePointSet(FOLDING_KEYS);
      installTable(keys, decodeFoldedValues(keys, FOLDED_VALUES));
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether the traditional → simplified table is loaded. */
export function isFoldingTableLoaded(): boolean {
  return bmpTable !== undefined;
}

/**
 * Whether folding `text` needs the traditional → simplified table, i.e. it holds (after NFKC) a
 * character the table changes: exactly once the table is loaded, before it a superset (a Han
 * character outside GB 2312, see the module's comment). Cheap and synchronous: use it on the query
 * path to await `loadFoldingTable()` only when needed. With `exceptKnown`, characters whose pair
 * is already known (`addFoldingPairs`), do not count.
 *
 * @example needsFoldingTable('台湾 covid') // false
 * @example needsFoldingTable('臺灣') // true
 */
export function needsFoldingTable(text: string, exceptKnown = false): boolean {
  const needs = (cp: number) => isKey(cp) && !(exceptKnown && knownPairs.has(cp));
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x80) continue;
    if (needs(cp)) return true;
    if (!isNfkcStableHan(cp)) {
      const pre = preFold(cp);
      if (pre !== null) {
        for (let j = 0; j < pre.length; j++) {
          const c = pre.codePointAt(j)!;
          if (c > 0xffff) j++;
          if (needs(c)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Awaits the table only when one of `texts` needs it and the pairs already known
 * (`addFoldingPairs`) do not cover it: the one call to make before folding text of unknown script
 * (a query, an article fragment) in the browser.
 *
 * @example await prepareFolding(query); parseQuery(query)
 */
export async function prepareFolding(...texts: string[]): Promise<void> {
  if (!isFoldingTableLoaded() && texts.some((text) => needsFoldingTable(text, true))) await loadFoldingTable();
}

/**
 * The table's pairs for the characters of `text` that it changes, in the table's own encoding
 * (key, value, key, value…; keys ascending), or '' when `text` needs none. The index stores them
 * with each article fragment so that snippets and marks never wait for the whole table.
 *
 * @throws FoldingTableError when the table is not loaded (build time loads it first)
 * @example foldingPairsFor('臺灣 covid') // '灣湾臺台'
 */
export function foldingPairsFor(text: string): string {
  if (!bmpTable) throw new FoldingTableError('fold: foldingPairsFor needs the table: await loadFoldingTable() first');
  const keys = new Set<number>();
  const collect = (cp: number): void => {
    if (isKey(cp)) keys.add(cp);
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x80) continue;
    if (isNfkcStableHan(cp)) {
      collect(cp);
      continue;
    }
    const pre = preFold(cp);
    if (pre === null) collect(cp);
    else for (const c of pre) collect(c.codePointAt(0)!);
  }
  let out = '';
  for (const key of [...keys].sort((a, b) => a - b)) out += String.fromCodePoint(key, tableValue(key));
  return out;
}

/** Share of an article's Han characters that are traditional forms above which it counts as written in traditional characters. */
export const TRADITIONAL_SHARE = 0.05;

/**
 * Whether text is written in traditional characters: at least `TRADITIONAL_SHARE` of its Han
 * characters are ones the folding table changes (simplified text holds almost none; traditional
 * news text a fifth or more).
 *
 * @throws FoldingTableError when the table is not loaded (its keys come with it; build time loads it)
 * @example isTraditionalText('臺灣的選舉') // true
 * @example isTraditionalText('台湾的选举') // false
 */
export function isTraditionalText(text: string): boolean {
  if (!bmpTable) throw new FoldingTableError('fold: isTraditionalText needs the table: await loadFoldingTable() first');
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x3400) continue;
    if (isKey(cp)) traditional++;
    if (isNfkcStableHan(cp) || cp > 0xffff) han++;
  }
  return han > 0 && traditional >= han * TRADITIONAL_SHARE;
}

/**
 * Learns pairs written by `foldingPairsFor` (the pairs a fragment carries) and, with `texts`, the
 * texts those pairs were written for: their other characters need no table either (the build lists
 * every key of a fragment's text), so a simplified article with a rare character outside GB 2312
 * folds without it too. Pairs whose key cannot be one (`isKey`) are ignored, so a corrupt fragment
 * cannot fold simplified text differently from the table; once the table is loaded, it alone decides.
 *
 * @example addFoldingPairs('臺台'); foldText('臺') // '台', without loading the table
 * @example addFoldingPairs('', '张堃说'); foldText('堃') // '堃', without loading the table
 */
export function addFoldingPairs(pairs: string, ...texts: string[]): void {
  if (bmpTable) return;
  const codePoints = Array.from(pairs, (c) => c.codePointAt(0)!);
  for (let i = 0; i + 1 < codePoints.length; i += 2) {
    const key = codePoints[i]!;
    if (isKey(key) && knownPairs.size < 4096) knownPairs.set(key, codePoints[i + 1]!);
  }
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (!isCandidate(cp) || knownPairs.has(cp)) continue;
      if (cp < 0x10000) knownPlain[cp] = 1;
      else if (knownPlainAstral.size < 4096) knownPlainAstral.add(cp);
    }
  }
}

/**
 * Folds text for indexing and matching: NFKC, lowercase, Latin diacritics dropped (é → e),
 * default-ignorable characters dropped (zero-width spaces, soft hyphens, variation selectors),
 * traditional → simplified one character at a time. Idempotent: `foldText(foldText(x)) === foldText(x)`.
 * NFKC is applied per code point, so a base letter and a combining accent fold like the
 * precomposed letter only for Latin accents (which are dropped either way).
 *
 * @throws FoldingTableError when `text` needs the table (see `needsFoldingTable`) and it is not loaded
 * @example foldText('ＡＢＣ１２３ Café') // 'abc123 cafe'
 * @example foldText('臺灣報導') // '台湾报导' (after `await loadFoldingTable()`)
 */
export function foldText(text: string): string {
  let out = '';
  let flushed = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const replacement = foldCodePoint(cp);
    if (replacement !== UNCHANGED) {
      // Copy unchanged stretches in one slice: most characters of simplified text pass through.
      out += text.slice(flushed, i) + (typeof replacement === 'number' ? String.fromCodePoint(replacement) : replacement);
      flushed = i + width;
    }
    i += width - 1;
  }
  return flushed === 0 ? text : out + text.slice(flushed);
}

/**
 * Folds like `foldText` and records, for each folded UTF-16 unit, the original code point it came
 * from. A match `[a, b)` in `folded` covers `[starts[a], ends[b - 1])` in the original text; that
 * range never splits a surrogate pair, and an expansion (ﬁ → fi, ㈱ → (株)) maps to the whole
 * original character.
 *
 * @throws FoldingTableError as `foldText`
 * @example
 * const { folded, starts, ends } = foldWithOffsets('ﬁ國');
 * // folded 'fi国'; starts [0, 0, 1]; ends [1, 1, 2]
 */
export function foldWithOffsets(text: string): FoldedText {
  let capacity = text.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let length = 0;
  const push = (unit: number, start: number, end: number): void => {
    if (length === capacity) {
      capacity *= 2;
      units = grow(units, new Uint16Array(capacity));
      starts = grow(starts, new Uint32Array(capacity));
      ends = grow(ends, new Uint32Array(capacity));
    }
    units[length] = unit;
    starts[length] = start;
    ends[length] = end;
    length++;
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const end = i + (cp > 0xffff ? 2 : 1);
    const replacement = foldCodePoint(cp);
    // No string per character: most of them pass through, or fold to one code point.
    const unit = replacement === UNCHANGED ? cp : replacement;
    if (typeof unit === 'string') {
      for (let j = 0; j < unit.length; j++) push(unit.charCodeAt(j), i, end);
    } else if (unit > 0xffff) {
      push(0xd800 + ((unit - 0x10000) >> 10), i, end);
      push(0xdc00 + ((unit - 0x10000) & 0x3ff), i, end);
    } else {
      push(unit, i, end);
    }
    i = end - 1;
  }
  return { folded: unitsToString(units, length), starts: starts.slice(0, length), ends: ends.slice(0, length) };
}

const UNCHANGED = -1;

/** UNCHANGED, a replacement code point, or a replacement string (possibly empty). */
function foldCodePoint(cp: number): number | string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : UNCHANGED;
  if (isNfkcStableHan(cp)) return mapTable(cp);
  const pre = preFold(cp);
  if (pre === null) return mapTable(cp);
  let out = '';
  let changed = false;
  for (let j = 0; j < pre.length; j++) {
    const c = pre.codePointAt(j)!;
    if (c > 0xffff) j++;
    const mapped = mapTable(c);
    if (mapped !== UNCHANGED) changed = true;
    out += String.fromCodePoint(mapped === UNCHANGED ? c : mapped);
  }
  return changed ? out : pre;
}

/** The table's value for `cp`, or UNCHANGED; throws when it is needed but not loaded. */
function mapTable(cp: number): number {
  if (bmpTable) {
    const value = tableValue(cp);
    return value === 0 ? UNCHANGED : value;
  }
  if (isKey(cp)) {
    const known = knownPairs.get(cp);
    if (known !== undefined) return known;
    throw new FoldingTableError(
      `fold: "${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase()}) needs the traditional → simplified table; ` +
        'await loadFoldingTable() (or prepareFolding(text)) before folding this text',
    );
  }
  return UNCHANGED;
}

/** The loaded table's value for `cp` (0 = unchanged). */
function tableValue(cp: number): number {
  return cp < 0x10000 ? bmpTable![cp]! : (astralTable!.get(cp) ?? 0);
}

/**
 * Whether the table changes `cp`: exactly once it is loaded; before it, whether it may
 * (`isCandidate`) and no fragment has shown that it does not.
 */
function isKey(cp: number): boolean {
  return bmpTable ? tableValue(cp) !== 0 : isCandidate(cp) && !isKnownPlain(cp);
}

/** Whether `cp` may be a key (`fold-candidates.ts`): in a key range and not a GB 2312 Hanzi that is no key. */
function isCandidate(cp: number): boolean {
  if (!KEY_RANGES.some(([from, to]) => cp >= from && cp <= to)) return false;
  gb2312Plain ??= decodeGb2312Plain();
  return !(cp < 0x10000 && gb2312Plain?.[cp] === 1);
}

function isKnownPlain(cp: number): boolean {
  return cp < 0x10000 ? knownPlain[cp] === 1 : knownPlainAstral.has(cp);
}

/**
 * GB 2312's Hanzi (rows 16–87, 6,763 characters, the simplified set), decoded by the platform's
 * GBK decoder (every browser's TextDecoder has it), less the keys among them; null when the
 * decoder is missing: then every Han character is a candidate, and a Chinese query loads the table.
 */
function decodeGb2312Plain(): Uint8Array | null {
  const bytes = new Uint8Array(72 * 94 * 2);
  let at = 0;
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      bytes[at++] = row;
      bytes[at++] = cell;
    }
  }
  let text: string;
  try {
    text = new TextDecoder('gbk').decode(bytes);
  } catch {
    return null;
  }
  const plain = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) plain[text.charCodeAt(i)] = 1;
  for (let i = 0; i < GB2312_KEYS.length; i++) plain[GB2312_KEYS.charCodeAt(i)] = 0;
  return plain;
}

function installTable(keys: readonly number[], values: readonly number[]): void {
  const bmp = new Uint32Array(0x10000);
  const astral = new Map<number, number>();
  keys.forEach((key, i) => {
    if (key < 0x10000) bmp[key] = values[i]!;
    else astral.set(key, values[i]!);
  });
  astralTable = astral;
  bmpTable = bmp;
}
