import { ByteReader, ByteWriter } from './bytes.ts';

/**
 * Postings of one term: per field, the article numbers that contain it (ascending) and how often.
 * Stored flat as `[number0, freq0, number1, freq1, …]`.
 */
export type TermPostings = Uint32Array[];

/**
 * Encodes one range of the vocabulary. Layout (before gzip):
 * `count`, then per term `sharedPrefix suffix postingsBytes` (front-coded, sorted), then the postings
 * blocks; each block is, per field, `n` and `n × (numberDelta, freq)`. The directory comes first so
 * a reader can find one term without decoding the others' postings.
 *
 * @param terms sorted by `<` (UTF-16 order), unique
 */
export function encodeTermPart(terms: ReadonlyArray<readonly [string, TermPostings]>): Uint8Array {
  const directory = new ByteWriter();
  const blocks = new ByteWriter();
  directory.uint(terms.length);
  let previous = '';
  for (const [term, postings] of terms) {
    const block = encodePostings(postings);
    const shared = sharedPrefixLength(previous, term);
    directory.uint(shared).string(term.slice(shared)).uint(block.length);
    blocks.bytes(block);
    previous = term;
  }
  return directory.bytes(blocks.finish()).finish();
}

/** Bytes one term's postings take in a part, before gzip: the build uses it to size parts. */
export function encodePostings(postings: TermPostings): Uint8Array {
  const writer = new ByteWriter();
  for (const field of postings) {
    writer.uint(field.length / 2);
    let last = 0;
    for (let i = 0; i < field.length; i += 2) {
      writer.uint(field[i]! - last).uint(field[i + 1]!);
      last = field[i]!;
    }
  }
  return writer.finish();
}

/** A decoded part directory; postings are decoded on demand and remembered. */
export class TermPart {
  /** The part's terms, sorted. */
  readonly terms: string[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly decoded = new Map<string, TermPostings>();
  private readonly blocks: Uint8Array;
  private readonly positions = new Map<string, number>();

  /**
   * @param data the part's bytes after gunzip
   * @param fieldCount fields per term (the manifest's `fields.length`)
   * @throws RangeError when the data is truncated or corrupt
   */
  constructor(data: Uint8Array, private readonly fieldCount: number) {
    const reader = new ByteReader(data);
    const count = reader.uint();
    let previous = '';
    let offset = 0;
    for (let i = 0; i < count; i++) {
      const shared = reader.uint();
      if (shared > previous.length) throw new RangeError('term-part: corrupt term directory');
      const term = previous.slice(0, shared) + reader.string();
      const length = reader.uint();
      this.positions.set(term, this.terms.length);
      this.terms.push(term);
      this.offsets.push(offset);
      this.lengths.push(length);
      offset += length;
      previous = term;
    }
    this.blocks = reader.take(offset);
  }

  /** Postings of `term`, or undefined when the part does not hold it. */
  get(term: string): TermPostings | undefined {
    const cached = this.decoded.get(term);
    if (cached) return cached;
    const index = this.positions.get(term);
    if (index === undefined) return undefined;
    const reader = new ByteReader(this.blocks.subarray(this.offsets[index]!, this.offsets[index]! + this.lengths[index]!));
    const postings: TermPostings = [];
    for (let f = 0; f < this.fieldCount; f++) {
      const n = reader.uint();
      const flat = new Uint32Array(n * 2);
      let last = 0;
      for (let i = 0; i < n; i++) {
        last += reader.uint();
        flat[2 * i] = last;
        flat[2 * i + 1] = reader.uint();
      }
      postings.push(flat);
    }
    this.decoded.set(term, postings);
    return postings;
  }

  /** Terms of this part that start with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < this.terms.length && this.terms[i]!.startsWith(prefix); i++) found.push(this.terms[i]!);
    return found;
  }
}

function sharedPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Never split a surrogate pair between the shared prefix and the suffix.
  if (i > 0 && i < b.length && (b.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
  return i;
}
