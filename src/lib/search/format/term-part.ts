import { ByteReader, ByteWriter } from './bytes.ts';
import { TermDirectory } from './term-directory.ts';

/**
 * Postings of one term: per field, the article numbers that contain it (ascending) and how often.
 * Stored flat as `[number0, freq0, number1, freq1, …]`.
 */
export type TermPostings = Uint32Array[];

/**
 * Index of the first pair in flat postings `[number, freq, …]` whose article number is at least
 * `floor` (the numbers ascend): where the postings of a block start.
 *
 * @example lowerBound(Uint32Array.of(3, 1, 8, 2, 12, 1), 8) // 2
 */
export function lowerBound(flat: Uint32Array, floor: number): number {
  let lo = 0;
  let hi = flat.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (flat[2 * mid]! < floor) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * Postings of ascending, disjoint number ranges (blocks, chunks), one after the other, field by
 * field: the postings of them all.
 *
 * @example joinPostings([[Uint32Array.of(1, 2)], [Uint32Array.of(9, 1)]], 1) // [Uint32Array [1, 2, 9, 1]]
 */
export function joinPostings(pieces: readonly TermPostings[], fieldCount: number): TermPostings {
  return Array.from({ length: fieldCount }, (_, field) => {
    const lists = pieces.map((piece) => piece[field]!);
    if (lists.length === 1) return lists[0]!;
    const joined = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
    let offset = 0;
    for (const list of lists) {
      joined.set(list, offset);
      offset += list.length;
    }
    return joined;
  });
}

/** One block's chunk of a common term's postings: the block number and the chunk's content hash. */
export interface ChunkRef {
  block: number;
  hash: string;
}

/**
 * What a vocabulary part knows of one term. A rare term's postings are in the part itself; a
 * common term's are split by block into chunk files (`post-<hash>.bin`), and the part keeps only
 * its document frequency (so BM25 ranks alike whichever blocks are loaded) and the chunks' names.
 */
export interface TermEntry {
  /** Articles holding the term in the whole archive, per field. */
  df: number[];
  /** The complete postings of a rare term; null for a common term (see `chunks`). */
  postings: TermPostings | null;
  /** A common term's chunks, oldest block first; empty for a rare term. */
  chunks: ChunkRef[];
  /** A common term's postings in the newest block (which has no chunks), or null. */
  newest: TermPostings | null;
}

const INLINE = 0;
const CHUNKED = 1;
const INLINE_WITH_DF = 2;

/**
 * Writes one range of the vocabulary, term by term. Layout (before gzip): `count`, then per term
 * `sharedPrefix suffix kind` (front-coded, sorted) and either `postingsBytes` (kind 0: the
 * postings follow the directory; their lengths are the document frequencies), `df…
 * chunkCount (blockDelta hash)…` (kind 1: chunked) or `df… postingsBytes` (kind 2: inline with
 * document frequencies of their own, the newest vocabulary's); then the inline postings blocks,
 * each as `writePostings` lays them out. The directory comes first so a reader can find one term
 * without decoding the others' postings.
 *
 * @example
 * const part = new TermPartWriter();
 * part.addInline('台湾', pool, [0, 3, 3, 5]); // title pairs 0–2, text pairs 3–4 of pool
 * const bytes = part.finish();
 */
export class TermPartWriter {
  private readonly directory = new ByteWriter();
  private readonly blocks = new ByteWriter();
  private count = 0;
  private previous = '';

  /** Terms added so far. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds a term whose postings are inline: per field `f`, the pairs `bounds[2f] … bounds[2f + 1]`
   * of `pool` (see `writePostings`); with `df`, document frequencies of its own (kind 2). Terms
   * must come sorted by `<` (UTF-16 order) and unique.
   */
  addInline(term: string, pool: Uint32Array, bounds: ArrayLike<number>, df?: readonly number[]): void {
    this.addTerm(term);
    const before = this.blocks.size;
    writePostings(this.blocks, pool, bounds);
    if (df) {
      this.directory.uint(INLINE_WITH_DF);
      for (const value of df) this.directory.uint(value);
    } else {
      this.directory.uint(INLINE);
    }
    this.directory.uint(this.blocks.size - before);
  }

  /** Adds a common term: its document frequency per field and its chunks, oldest block first. */
  addChunked(term: string, df: readonly number[], chunks: readonly ChunkRef[]): void {
    this.addTerm(term);
    this.directory.uint(CHUNKED);
    for (const value of df) this.directory.uint(value);
    this.directory.uint(chunks.length);
    let lastBlock = 0;
    for (const chunk of chunks) {
      this.directory.uint(chunk.block - lastBlock).string(chunk.hash);
      lastBlock = chunk.block;
    }
  }

  /** The part's bytes. */
  finish(): Uint8Array {
    return new ByteWriter().uint(this.count).bytes(this.directory.view()).bytes(this.blocks.view()).finish();
  }

  private addTerm(term: string): void {
    const shared = sharedPrefixLength(this.previous, term);
    this.directory.uint(shared).string(term.slice(shared));
    this.previous = term;
    this.count++;
  }
}

/**
 * Writes postings: per field `n` and `n × (numberDelta, freq)`, the field's pairs being
 * `bounds[2f] … bounds[2f + 1]` of flat `pool` (`[number, freq, …]`, pair `p` at `2p`).
 * Chunk files are exactly this.
 */
export function writePostings(writer: ByteWriter, pool: Uint32Array, bounds: ArrayLike<number>): void {
  for (let b = 0; b < bounds.length; b += 2) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    writer.uint(to - from);
    let last = 0;
    for (let p = from; p < to; p++) {
      const number = pool[2 * p]!;
      writer.uint(number - last).uint(pool[2 * p + 1]!);
      last = number;
    }
  }
}

/** Bytes `writePostings` would write for the same arguments, without writing them. */
export function postingsSize(pool: Uint32Array, bounds: ArrayLike<number>): number {
  let size = 0;
  for (let b = 0; b < bounds.length; b += 2) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    size += varintSize(to - from);
    let last = 0;
    for (let p = from; p < to; p++) {
      const number = pool[2 * p]!;
      size += varintSize(number - last) + varintSize(pool[2 * p + 1]!);
      last = number;
    }
  }
  return size;
}

/** Encodes postings, one flat array per field, as `writePostings` does. */
export function encodePostings(postings: TermPostings): Uint8Array {
  const writer = new ByteWriter();
  for (const field of postings) writePostings(writer, field, [0, field.length / 2]);
  return writer.finish();
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Decodes what `encodePostings` wrote. @throws RangeError on truncated data */
export function decodePostings(data: Uint8Array, fieldCount: number): TermPostings {
  const reader = new ByteReader(data);
  const postings: TermPostings = [];
  for (let f = 0; f < fieldCount; f++) {
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
  return postings;
}

/**
 * A part's term directory, read once: each term's text (see `TermDirectory`) and where its entry
 * and inline postings start. An entry is decoded when `get` asks for it, and remembered.
 */
export class TermPart {
  private readonly directory: TermDirectory;
  /** Byte offset in the part of term `i`'s kind (its entry). */
  private readonly entryAt: Uint32Array;
  /** Offset in `blocks` of term `i`'s inline postings (unused for a chunked term). */
  private readonly postingsAt: Uint32Array;
  private readonly blocks: Uint8Array;
  private readonly decoded = new Map<number, TermEntry>();
  private termList: string[] | null = null;

  /**
   * @param data the part's bytes after gunzip
   * @param fieldCount fields per term (the manifest's `fields.length`)
   * @throws RangeError when the data is truncated or corrupt
   */
  constructor(
    private readonly data: Uint8Array,
    private readonly fieldCount: number,
  ) {
    const reader = new ByteReader(data);
    const count = reader.uint();
    // Each entry takes at least three bytes: a larger count is corrupt (and must not allocate gigabytes).
    if (count > data.length) throw new RangeError('term-part: corrupt term directory');
    this.directory = new TermDirectory(count);
    this.entryAt = new Uint32Array(count);
    this.postingsAt = new Uint32Array(count);
    let offset = 0;
    // Skips every entry without allocating: only the terms' units and the offsets are kept.
    for (let i = 0; i < count; i++) {
      const shared = reader.uint();
      const length = reader.uint();
      const from = reader.offset;
      reader.skip(length);
      this.directory.append(shared, data, from, from + length);
      this.entryAt[i] = reader.offset;
      const kind = reader.uint();
      if (kind === INLINE || kind === INLINE_WITH_DF) {
        if (kind === INLINE_WITH_DF) for (let f = 0; f < fieldCount; f++) reader.uint();
        this.postingsAt[i] = offset;
        offset += reader.uint();
      } else if (kind === CHUNKED) {
        for (let f = 0; f < fieldCount; f++) reader.uint();
        for (let c = reader.uint(); c > 0; c--) {
          reader.uint();
          reader.skip(reader.uint());
        }
      } else {
        throw new RangeError('term-part: unknown term kind');
      }
    }
    this.blocks = reader.take(offset);
  }

  /** The part's first and last term (undefined for a part without terms): its range, for checking. */
  get bounds(): [first: string, last: string] | undefined {
    const size = this.directory.size;
    return size === 0 ? undefined : [this.directory.at(0), this.directory.at(size - 1)];
  }

  /** The part's terms, sorted (made on first use: only typo matching reads them all). */
  get terms(): readonly string[] {
    this.termList ??= Array.from({ length: this.directory.size }, (_, i) => this.directory.at(i));
    return this.termList;
  }

  /** What the part holds of `term`, or undefined when it does not hold it. */
  get(term: string): TermEntry | undefined {
    const index = this.directory.find(term);
    if (index < 0) return undefined;
    let entry = this.decoded.get(index);
    if (!entry) {
      entry = this.entry(index);
      this.decoded.set(index, entry);
    }
    return entry;
  }

  /** Terms of this part that start with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    const found: string[] = [];
    const { directory } = this;
    for (let i = directory.lowerBound(prefix); i < directory.size && directory.startsWith(i, prefix); i++) found.push(directory.at(i));
    return found;
  }

  /**
   * The hashes of every chunk the part's common terms name (`chunkPath` gives their files), without
   * decoding any postings: what keeping the archive offline must fetch besides the parts.
   */
  chunkHashes(): string[] {
    const hashes: string[] = [];
    const reader = new ByteReader(this.data);
    for (let i = 0; i < this.directory.size; i++) {
      reader.offset = this.entryAt[i]!;
      if (reader.uint() !== CHUNKED) continue;
      for (let f = 0; f < this.fieldCount; f++) reader.uint();
      for (let c = reader.uint(); c > 0; c--) {
        reader.uint();
        hashes.push(reader.string());
      }
    }
    return hashes;
  }

  /** Decodes entry `index` (the constructor checked that it is whole). */
  private entry(index: number): TermEntry {
    const reader = new ByteReader(this.data);
    reader.offset = this.entryAt[index]!;
    const kind = reader.uint();
    const df = kind === INLINE ? null : Array.from({ length: this.fieldCount }, () => reader.uint());
    if (kind === CHUNKED) {
      const chunks: ChunkRef[] = [];
      let block = 0;
      for (let c = reader.uint(); c > 0; c--) {
        block += reader.uint();
        chunks.push({ block, hash: reader.string() });
      }
      return { df: df!, postings: null, chunks, newest: null };
    }
    const start = this.postingsAt[index]!;
    const postings = decodePostings(this.blocks.subarray(start, start + reader.uint()), this.fieldCount);
    return { df: df ?? postings.map((flat) => flat.length / 2), postings, chunks: [], newest: null };
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
