/**
 * Compact binary encoding for index files: unsigned LEB128 varints and length-prefixed UTF-8
 * strings. Document numbers are delta-coded by callers, so most varints fit in one byte.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** UTF-16 units of a string short enough to be UTF-8 encoded in place (3 × 42 = 126 bytes < 128). */
const SHORT_STRING = 42;

/** Appends varints, bytes and strings to a growing buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  /** Appends an unsigned integer (0 ≤ value ≤ 2^53) as a LEB128 varint. */
  uint(value: number): this {
    if (value >>> 0 === value) {
      // The common case (postings, lengths): 32-bit shifts instead of float division.
      if (this.length + 5 > this.buffer.length) this.reserve(5);
      const buffer = this.buffer;
      while (value >= 0x80) {
        buffer[this.length++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
      buffer[this.length++] = value;
      return this;
    }
    if (!(value >= 0) || !Number.isSafeInteger(value)) throw new RangeError(`bytes: cannot encode ${value} as a varint`);
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
    return this;
  }

  /** Appends a UTF-8 string prefixed with its byte length. */
  string(value: string): this {
    if (value.length > SHORT_STRING) {
      const bytes = encoder.encode(value);
      this.uint(bytes.length);
      return this.bytes(bytes);
    }
    // Short strings (terms, hashes) are encoded in place: at most 3 bytes per UTF-16 unit, so
    // the length fits one varint byte, and no temporary array is made per string.
    this.reserve(1 + 3 * value.length);
    const buffer = this.buffer;
    const start = this.length + 1;
    let at = start;
    for (let i = 0; i < value.length; i++) {
      let code = value.charCodeAt(i);
      if (code < 0x80) {
        buffer[at++] = code;
        continue;
      }
      if (code < 0x800) {
        buffer[at++] = 0xc0 | (code >> 6);
        buffer[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      if ((code & 0xfc00) === 0xd800 && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        code = 0x10000 + ((code - 0xd800) << 10) + (value.charCodeAt(++i) - 0xdc00);
        buffer[at++] = 0xf0 | (code >> 18);
        buffer[at++] = 0x80 | ((code >> 12) & 0x3f);
        buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
        buffer[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
      if ((code & 0xf800) === 0xd800) code = 0xfffd;
      buffer[at++] = 0xe0 | (code >> 12);
      buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
      buffer[at++] = 0x80 | (code & 0x3f);
    }
    buffer[this.length] = at - start;
    this.length = at;
    return this;
  }

  /** Appends raw bytes. */
  bytes(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /** A copy of the bytes written. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** The bytes written, without a copy: valid only until the next write. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

/** Reads what `ByteWriter` wrote; throws a RangeError on truncated input. */
export class ByteReader {
  offset = 0;
  constructor(private readonly data: Uint8Array) {}

  /** Reads one LEB128 varint. */
  uint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.data.length) throw new RangeError('bytes: unexpected end of data');
      const byte = this.data[this.offset++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new RangeError('bytes: varint too long');
    }
  }

  /** Reads a length-prefixed UTF-8 string. */
  string(): string {
    const length = this.uint();
    return decoder.decode(this.take(length));
  }

  /** Reads `length` raw bytes (a view, not a copy). */
  take(length: number): Uint8Array {
    if (this.offset + length > this.data.length) throw new RangeError('bytes: unexpected end of data');
    const view = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }

  /** Skips `length` bytes (what `take` does, without making a view). */
  skip(length: number): void {
    if (this.offset + length > this.data.length) throw new RangeError('bytes: unexpected end of data');
    this.offset += length;
  }

  /** True when every byte has been read. */
  get done(): boolean {
    return this.offset >= this.data.length;
  }
}
