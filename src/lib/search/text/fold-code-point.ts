/**
 * The parts of folding that need no table: NFKC, lowercase, diacritics and invisible characters
 * of one code point (`preFold`), which Han characters those leave alone, and the UTF-16 buffers
 * `foldWithOffsets` writes into.
 */
/** CJK Unified Ideographs and Extension A: NFKC and lowercase leave them alone. */
export function isNfkcStableHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
}

// Latin letters that may carry a diacritic, and the combining marks dropped from them.
const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
// Zero-width spaces and joiners, soft hyphens, variation selectors: invisible, and inserted
// into Chinese words (sometimes on purpose) where they would break bigrams.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

const preFoldCache = new Map<number, string | null>();

/** NFKC, lowercase, accent and ignorable removal of one non-ASCII code point; null when unchanged. */
export function preFold(cp: number): string | null {
  const cached = preFoldCache.get(cp);
  if (cached !== undefined) return cached;
  const original = String.fromCodePoint(cp);
  let folded = original;
  // Repeat until stable (lowercasing can leave a compatibility form, as in ǅ → ǆ → dž → dz),
  // which keeps foldText idempotent.
  for (let previous = ''; folded !== previous; ) {
    previous = folded;
    folded = folded.normalize('NFKC').toLowerCase();
    if (LATIN_WITH_MARKS.test(folded)) folded = folded.normalize('NFD').replace(COMBINING_DIACRITICS, '');
    folded = folded.replace(IGNORABLE, '');
  }
  const result = folded === original ? null : folded;
  preFoldCache.set(cp, result);
  return result;
}

export function grow<T extends Uint16Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder('utf-16le');

export function unitsToString(units: Uint16Array, length: number): string {
  const view = units.subarray(0, length);
  // The platform's decoder, many times quicker than fromCharCode: exact unless the text holds a
  // lone surrogate (decoded as U+FFFD), or the platform is big-endian.
  if (LITTLE_ENDIAN) {
    const decoded = UTF16.decode(view);
    if (!decoded.includes('\ufffd') || !hasLoneSurrogate(view)) return decoded;
  }
  let out = '';
  // Chunked: spreading a huge array into fromCharCode overflows the call stack.
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode(...view.subarray(i, Math.min(length, i + 8192)));
  return out;
}

function hasLoneSurrogate(units: Uint16Array): boolean {
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < units.length && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) i++;
    else if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}
