/**
 * The encodings of the folding data that `scripts/gen-fold-data.ts` writes (`fold-keys.ts`,
 * `fold-table.ts`): a code point set as ascending gaps, and the folded values as distances from
 * their keys, both in a URL-safe alphabet that packs into little JavaScript.
 */
/** Alphabet of the `FOLDING_KEYS` encoding (kept in step with scripts/gen-fold-data.ts). */
const KEY_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/**
 * Decodes a code point set written by the generator's `encodeCodePointSet`: ascending gaps, each
 * base-32 with continuation digits (≥ 32) before one final digit (< 32).
 *
 * @throws Error on a character outside the alphabet
 * @example decodeCodePointSet('0') // [0]
 * @example decodeCodePointSet('w1') // [0x21] (gap 33 = 32 + 1)
 */
export function decodeCodePointSet(encoded: string): number[] {
  const out: number[] = [];
  let previous = -1;
  let gap = 0;
  for (let i = 0; i < encoded.length; i++) {
    const digit = KEY_ALPHABET.indexOf(encoded[i]!);
    if (digit < 0) throw new Error(`fold: bad character in an encoded code point set at ${i}`);
    gap = gap * 32 + (digit & 31);
    if (digit < 32) {
      previous += gap + 1;
      out.push(previous);
      gap = 0;
    }
  }
  return out;
}

/**
 * Decodes the folded values written by the generator's `encodeFoldedValues`: for each key, in
 * order, the value's zig-zag distance from it, in the digits of `decodeCodePointSet`.
 *
 * @throws Error on a character outside the alphabet, or when the counts differ
 * @example decodeFoldedValues([0x570b], 'R') // [0x56fd] (國 → 国: distance -14, zig-zag 27)
 */
export function decodeFoldedValues(keys: readonly number[], encoded: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < encoded.length; i++) {
    const digit = KEY_ALPHABET.indexOf(encoded[i]!);
    if (digit < 0) throw new Error(`fold: bad character in the encoded folded values at ${i}`);
    n = n * 32 + (digit & 31);
    if (digit < 32) {
      const delta = n % 2 === 0 ? n / 2 : -(n + 1) / 2;
      out.push(keys[out.length]! + delta);
      n = 0;
    }
  }
  if (out.length !== keys.length) throw new Error(`fold: ${out.length} folded values for ${keys.length} keys`);
  return out;
}
