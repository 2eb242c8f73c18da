/**
 * The sorted terms of one vocabulary part, kept as UTF-16 units in one typed array instead of one
 * string each. A part holds some 400 terms and a query looks up a handful: decoding every term
 * into a string (and a Map of positions) cost most of a fresh worker's time in `TermPart`, while
 * a binary search can compare units in place and make strings only of the terms it returns.
 */

const decoder = new TextDecoder();

/**
 * Terms added in order, each as `previous.slice(0, shared) + suffix` (the part's front coding:
 * `shared` counts UTF-16 units, the suffix is UTF-8).
 *
 * @example
 * const terms = new TermDirectory(2);
 * terms.append(0, utf8('香港'), 0, 6);
 * terms.append(2, utf8('人'), 0, 3); // 香港人
 * terms.find('香港人') // 1
 */
export class TermDirectory {
  private units: Uint16Array;
  /** Term `i` is `units[starts[i]] … units[starts[i + 1] - 1]`. */
  private readonly starts: Uint32Array;
  private count = 0;

  /** @param capacity how many terms will be appended (the part's count) */
  constructor(capacity: number) {
    this.starts = new Uint32Array(capacity + 1);
    this.units = new Uint16Array(Math.max(16, capacity * 4));
  }

  /** Terms appended so far. */
  get size(): number {
    return this.count;
  }

  /**
   * Appends the term made of the previous term's first `shared` units and the UTF-8 suffix
   * `bytes[from … to - 1]`.
   * @throws RangeError when `shared` is longer than the previous term, or the directory is full
   */
  append(shared: number, bytes: Uint8Array, from: number, to: number): void {
    if (this.count + 1 >= this.starts.length) throw new RangeError('term-part: more terms than the part says');
    const previous = this.count === 0 ? 0 : this.starts[this.count - 1]!;
    const at = this.starts[this.count]!;
    if (shared > at - previous) throw new RangeError('term-part: corrupt term directory');
    // At most one unit per byte of UTF-8.
    this.reserve(at + shared + (to - from));
    const units = this.units;
    units.copyWithin(at, previous, previous + shared);
    let end = decodeUtf8Into(bytes, from, to, units, at + shared);
    if (end < 0) {
      // Not well-formed UTF-8 (never written by TermPartWriter): decode as TextDecoder does.
      // Its output has no more units than the input has bytes: the room reserved above suffices.
      const text = decoder.decode(bytes.subarray(from, to));
      end = at + shared;
      for (let i = 0; i < text.length; i++) units[end++] = text.charCodeAt(i);
    }
    this.starts[++this.count] = end;
  }

  /** Position of `term`, or -1 when the part does not hold it. */
  find(term: string): number {
    const i = this.lowerBound(term);
    return i < this.count && this.compare(i, term) === 0 ? i : -1;
  }

  /** Position of the first term not below `text` (UTF-16 order, as `<` compares strings). */
  lowerBound(text: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, text) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when term `i` starts with `prefix`. */
  startsWith(i: number, prefix: string): boolean {
    const start = this.starts[i]!;
    if (this.starts[i + 1]! - start < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (this.units[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** Term `i` as a string. */
  at(i: number): string {
    const start = this.starts[i]!;
    const end = this.starts[i + 1]!;
    let text = '';
    // In slices: an argument list has a length limit, and a term may be long (a URL-like word).
    for (let from = start; from < end; from += 4096) text += String.fromCharCode(...this.units.subarray(from, Math.min(end, from + 4096)));
    return text;
  }

  /** Negative, zero or positive as term `i` sorts before, equal to or after `text`. */
  private compare(i: number, text: string): number {
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - start;
    const shorter = Math.min(length, text.length);
    for (let k = 0; k < shorter; k++) {
      const difference = this.units[start + k]! - text.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - text.length;
  }

  private reserve(size: number): void {
    if (size <= this.units.length) return;
    const grown = new Uint16Array(Math.max(size, this.units.length * 2));
    grown.set(this.units.subarray(0, this.starts[this.count]!));
    this.units = grown;
  }
}

/**
 * Decodes well-formed UTF-8 `bytes[from … to - 1]` into UTF-16 units at `out[at]` and returns
 * the end position, or -1 at the first ill-formed sequence (the caller decodes those with
 * TextDecoder, whose replacement rules this does not repeat). `out` must have room for one unit
 * per byte.
 */
export function decodeUtf8Into(bytes: Uint8Array, from: number, to: number, out: Uint16Array, at: number): number {
  let i = from;
  while (i < to) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      out[at++] = b0;
      i++;
      continue;
    }
    let code: number;
    if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < to) {
      const b1 = bytes[i + 1]!;
      if ((b1 & 0xc0) !== 0x80) return -1;
      code = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < to) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return -1;
      code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // Overlong forms and encoded surrogates are ill-formed.
      if (code < 0x800 || (code >= 0xd800 && code < 0xe000)) return -1;
      i += 3;
    } else if (b0 >= 0xf0 && b0 < 0xf5 && i + 3 < to) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      const b3 = bytes[i + 3]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return -1;
      code = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (code < 0x10000 || code > 0x10ffff) return -1;
      code -= 0x10000;
      out[at++] = 0xd800 + (code >> 10);
      out[at++] = 0xdc00 + (code & 0x3ff);
      i += 4;
      continue;
    } else {
      return -1;
    }
    out[at++] = code;
  }
  return at;
}
