import { ByteWriter } from '../format/bytes.ts';
import { hashBytes } from '../format/content-hash.ts';
import { type CharFrequencies, charFrequencyKey, leadingCjk } from '../text/char-frequency.ts';
import { lowerBoundPair, type PostingsTable } from './collect-postings.ts';
import { chunkPath, type IndexFile, type TermPartEntry, termPartPath } from '../format/index-format.ts';
import { type ChunkRef, postingsSize, TermPartWriter, writePostings } from '../format/term-part.ts';


/** How `encodeVocabulary` splits postings and cuts parts. */
export interface VocabularyLayout {
  blockSize: number;
  blockCount: number;
  /** A term whose older blocks' postings take more than this is split into per-block chunks. */
  chunkBytes: number;
  /** Target size of one part before gzip. */
  partBytes: number;
  /** First terms of the previous build's parts of the older blocks (empty: cut anew). */
  boundaries: readonly string[];
  /** The same for the newest block's parts. */
  newestBoundaries: readonly string[];
}

/** A range of the vocabulary whose size may reach this many times `partBytes` before it is cut anew. */
const PART_OVERFLOW = 2;

/**
 * One vocabulary's terms, in order, as positions into the postings table, with the bytes each
 * takes in a part (for cutting) and, for chunked terms, what the part lists instead of postings.
 */
class TermList {
  ranks: Uint32Array;
  bytes: Uint32Array;
  length = 0;
  /** Entries without postings (chunked terms, one-character frequencies), by position; `term` when not `terms[rank]`. */
  readonly chunked = new Map<number, { term?: string; df: number[]; chunks: ChunkRef[] }>();

  constructor(capacity: number) {
    this.ranks = new Uint32Array(Math.max(1, capacity));
    this.bytes = new Uint32Array(Math.max(1, capacity));
  }

  push(rank: number, bytes: number): number {
    if (this.length === this.ranks.length) {
      this.ranks = grow(this.ranks);
      this.bytes = grow(this.bytes);
    }
    this.ranks[this.length] = rank;
    this.bytes[this.length] = bytes;
    return this.length++;
  }

  /** The term at position `i`. */
  termAt(i: number, terms: readonly string[]): string {
    return this.chunked.get(i)?.term ?? terms[this.ranks[i]!]!;
  }
}

function grow(array: Uint32Array): Uint32Array {
  const next = new Uint32Array(array.length * 2);
  next.set(array);
  return next;
}

/**
 * Encodes every term in two vocabularies and yields their files: first the chunk files of common
 * terms, then the parts of the older blocks' vocabulary, then the newest block's. The older
 * blocks' postings are the ones a day's new articles never change (their parts keep their
 * names); the newest block's are the ones they do. In the older blocks a rare term keeps its
 * postings inline and a term with more than `chunkBytes` of postings gets one chunk file per
 * block it occurs in (with more than two blocks); the newest block's postings are always inline.
 * The older vocabulary's document frequencies are the older blocks'; the newest vocabulary's
 * are the whole archive's (so the newest block alone ranks as the full index). Each vocabulary
 * also holds, under `charFrequencyKey(c)`, the merged document frequency of one-character query
 * `c` in its blocks (see `char-frequency.ts`): a chunked-kind entry without chunks.
 *
 * Parts: without earlier boundaries, a part closes once it reaches about `partBytes`. With
 * them, each earlier part's range is kept (so a part whose terms did not change keeps its name)
 * unless it grew past `PART_OVERFLOW × partBytes`; then that range alone is cut anew.
 *
 * @returns (as the generator's value) the two part tables, `bytes` still 0 (the writer fills them in)
 */
export function* encodeVocabulary(
  table: PostingsTable,
  chars: CharFrequencies,
  layout: VocabularyLayout,
): Generator<IndexFile, { parts: TermPartEntry[]; newestParts: TermPartEntry[] }> {
  const { terms, fieldCount, offsets, pool } = table;
  const newestFloor = (layout.blockCount - 1) * layout.blockSize;
  // Per term and field: the first pair of the newest block.
  const cut = new Uint32Array(terms.length * fieldCount);
  const older = new TermList(terms.length);
  const newest = new TermList(terms.length);
  const before: number[] = new Array(2 * fieldCount).fill(0);
  const after: number[] = new Array(2 * fieldCount).fill(0);
  const piece: number[] = new Array(2 * fieldCount).fill(0);
  const chunkNames = new Set<string>();
  const charKeys = [...new Set([...chars.older.keys(), ...chars.newest.keys()].map(charFrequencyKey))].sort();
  let nextCharKey = 0;
  const addCharKey = (key: string) => {
    const char = leadingCjk(key)!;
    const inOlder = chars.older.get(char);
    const inNewest = chars.newest.get(char);
    if (inOlder) older.chunked.set(older.push(0, key.length * 3 + 8), { term: key, df: inOlder, chunks: [] });
    if (inNewest) newest.chunked.set(newest.push(0, key.length * 3 + 8), { term: key, df: inNewest.map((n, field) => n + (inOlder?.[field] ?? 0)), chunks: [] });
  };

  for (let rank = 0; rank < terms.length; rank++) {
    while (nextCharKey < charKeys.length && charKeys[nextCharKey]! < terms[rank]!) addCharKey(charKeys[nextCharKey++]!);
    const termBytes = terms[rank]!.length * 3;
    let hasBefore = false;
    let hasAfter = false;
    for (let field = 0; field < fieldCount; field++) {
      const slot = rank * fieldCount + field;
      const from = offsets[slot]!;
      const to = offsets[slot + 1]!;
      const at = lowerBoundPair(pool, from, to, newestFloor);
      cut[slot] = at;
      before[2 * field] = from;
      before[2 * field + 1] = at;
      after[2 * field] = at;
      after[2 * field + 1] = to;
      if (at > from) hasBefore = true;
      if (to > at) hasAfter = true;
    }
    // The newest block's entry carries the archive's document frequency: its first answer needs no older part.
    if (hasAfter) newest.push(rank, postingsSize(pool, after) + termBytes + 8);
    if (!hasBefore) continue;
    const size = postingsSize(pool, before);
    if (layout.blockCount <= 2 || size <= layout.chunkBytes) {
      older.push(rank, size + termBytes + 4);
      continue;
    }
    const chunks: ChunkRef[] = [];
    for (let field = 0; field < fieldCount; field++) piece[2 * field + 1] = before[2 * field]!;
    for (let block = 0; block < layout.blockCount - 1; block++) {
      const end = (block + 1) * layout.blockSize;
      let empty = true;
      for (let field = 0; field < fieldCount; field++) {
        const from = piece[2 * field + 1]!;
        const to = lowerBoundPair(pool, from, before[2 * field + 1]!, end);
        piece[2 * field] = from;
        piece[2 * field + 1] = to;
        if (to > from) empty = false;
      }
      if (empty) continue;
      const writer = new ByteWriter();
      writePostings(writer, pool, piece);
      const data = writer.finish();
      const hash = hashBytes(data);
      // The same chunk may serve two terms (identical postings in a block): write it once.
      if (!chunkNames.has(hash)) {
        chunkNames.add(hash);
        yield { path: chunkPath(hash), data, gzip: true };
      }
      chunks.push({ block, hash });
    }
    const df: number[] = [];
    for (let field = 0; field < fieldCount; field++) df.push(before[2 * field + 1]! - before[2 * field]!);
    older.chunked.set(older.push(rank, termBytes + 8 + chunks.length * 10), { df, chunks });
  }
  while (nextCharKey < charKeys.length) addCharKey(charKeys[nextCharKey++]!);

  const bounds: number[] = new Array(2 * fieldCount).fill(0);
  const df: number[] = new Array(fieldCount).fill(0);
  const encodePart = (list: TermList, start: number, end: number, isNewest: boolean): Uint8Array => {
    const part = new TermPartWriter();
    for (let i = start; i < end; i++) {
      const rank = list.ranks[i]!;
      const chunked = list.chunked.get(i);
      if (chunked) {
        part.addChunked(chunked.term ?? terms[rank]!, chunked.df, chunked.chunks);
        continue;
      }
      for (let field = 0; field < fieldCount; field++) {
        const slot = rank * fieldCount + field;
        bounds[2 * field] = isNewest ? cut[slot]! : offsets[slot]!;
        bounds[2 * field + 1] = isNewest ? offsets[slot + 1]! : cut[slot]!;
        df[field] = offsets[slot + 1]! - offsets[slot]!;
      }
      part.addInline(terms[rank]!, pool, bounds, isNewest ? df : undefined);
    }
    return part.finish();
  };

  const parts: TermPartEntry[] = [];
  for (const [start, end] of cutParts(older, terms, layout.partBytes, layout.boundaries)) {
    const data = encodePart(older, start, end, false);
    const hash = hashBytes(data);
    yield { path: termPartPath(hash), data, gzip: true };
    parts.push([older.termAt(start, terms), hash, 0]);
  }
  const newestParts: TermPartEntry[] = [];
  for (const [start, end] of cutParts(newest, terms, layout.partBytes, layout.newestBoundaries)) {
    const data = encodePart(newest, start, end, true);
    const hash = hashBytes(data);
    yield { path: termPartPath(hash), data, gzip: true };
    newestParts.push([newest.termAt(start, terms), hash, 0]);
  }
  return { parts, newestParts };
}

/** Where parts are cut: `[start, end)` positions in `list`, in order, none empty. */
function cutParts(list: TermList, terms: readonly string[], partBytes: number, boundaries: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (boundaries.length === 0) {
    if (list.length > 0) ranges.push([0, list.length]);
  } else {
    let range = -1;
    for (let i = 0; i < list.length; i++) {
      const term = list.termAt(i, terms);
      let target = range < 0 ? 0 : range;
      while (target + 1 < boundaries.length && boundaries[target + 1]! <= term) target++;
      if (target !== range || ranges.length === 0) {
        ranges.push([i, i]);
        range = target;
      }
      ranges[ranges.length - 1]![1] = i + 1;
    }
  }
  const cuts: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    let total = 0;
    for (let i = start; i < end; i++) total += list.bytes[i]!;
    if (boundaries.length > 0 && total <= PART_OVERFLOW * partBytes) {
      cuts.push([start, end]);
      continue;
    }
    let batchStart = start;
    let batchBytes = 0;
    for (let i = start; i < end; i++) {
      const bytes = list.bytes[i]!;
      if (batchBytes > 0 && batchBytes + bytes > partBytes) {
        cuts.push([batchStart, i]);
        batchStart = i;
        batchBytes = 0;
      }
      batchBytes += bytes;
    }
    if (end > batchStart) cuts.push([batchStart, end]);
  }
  return cuts;
}
