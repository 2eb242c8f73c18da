import { forEachIndexTerm } from '../text/analyze.ts';
import { storedLength } from '../format/docs-table.ts';

/**
 * Every term's postings in one typed array. Terms are sorted (UTF-16 order, as `<` compares);
 * field `f` of the term at position `t` owns the pairs `offsets[t × fields + f] …
 * offsets[t × fields + f + 1]` of `pool`, stored flat as `[number, freq, …]` (pair `p` at
 * `pool[2p]`, `pool[2p + 1]`), article numbers ascending.
 */
export interface PostingsTable {
  terms: string[];
  fieldCount: number;
  /** Pair offsets: `terms.length × fieldCount + 1` entries, the last one the number of pairs. */
  offsets: Uint32Array;
  pool: Uint32Array;
  /** Per field, MiniSearch's field length (unique terms) of each article number. */
  fieldLength: Uint32Array[];
}

/**
 * Analyzes the texts of every article (by number; `undefined` is a deleted article's hole) and
 * gathers the postings of each term and field. Two passes keep it lean: the first interns terms
 * and keeps each article field's `[termId, freq]` pairs in a small typed array, the second lays
 * them out by sorted term in one pool (about 16 bytes per posting at the peak, where one growing
 * JS array per term and field took several times that).
 *
 * @param texts the texts of one article, one per field, or undefined for a hole
 * @param onField called with each article field's distinct terms (for counts of other kinds)
 * @param extraTerms keys of an article added to its last field once each, counted in no field
 *   length and given to no `onField` (the literal forms of `literal-forms.ts`)
 * @example
 * const table = collectPostings(2, (n) => [titles[n], texts[n]], articles.length);
 */
export function collectPostings(
  fieldCount: number,
  texts: (number: number) => readonly string[] | undefined,
  slots: number,
  onField?: (number: number, field: number, terms: readonly string[]) => void,
  extraTerms?: (number: number) => readonly string[],
): PostingsTable {
  // Terms of one or two UTF-16 units (most: bigrams) are looked up by their code units, without
  // making a string; longer ones (words, astral bigrams) by string.
  const units = new UnitKeyTable();
  const ids = new Map<string, number>();
  const byId: string[] = [];
  let counts = new Uint32Array(1 << 16);
  let freq = new Uint32Array(1 << 14);
  const touched: number[] = [];
  const lists: Array<Uint32Array | undefined> = new Array(slots * fieldCount);
  const fieldLength = Array.from({ length: fieldCount }, () => new Uint32Array(slots));
  let pairs = 0;

  const visit = (folded: string, start: number, end: number): void => {
    let id: number;
    const first = folded.charCodeAt(start);
    if (end - start <= 2 && first !== 0) {
      id = units.intern(unitKey(folded, start, end), byId.length);
      if (id === byId.length) byId.push(folded.slice(start, end));
    } else {
      const term = folded.slice(start, end);
      id = ids.get(term) ?? byId.length;
      if (id === byId.length) {
        ids.set(term, id);
        byId.push(term);
      }
    }
    if (id >= freq.length) freq = grow(freq, id + 1);
    if (freq[id] === 0) touched.push(id);
    freq[id]!++;
  };
  const idOf = (term: string): number => (term.length <= 2 && term.charCodeAt(0) !== 0 ? units.find(unitKey(term, 0, term.length)) : ids.get(term)!);

  for (let number = 0; number < slots; number++) {
    const fields = texts(number);
    if (!fields) continue;
    for (let field = 0; field < fieldCount; field++) {
      touched.length = 0;
      forEachIndexTerm(fields[field]!, visit);
      const ordinary = touched.length;
      if (extraTerms && field === fieldCount - 1) for (const key of extraTerms(number)) visit(key, 0, key.length);
      const list = new Uint32Array(touched.length * 2);
      for (let k = 0; k < touched.length; k++) {
        const id = touched[k]!;
        list[2 * k] = id;
        list[2 * k + 1] = freq[id]!;
        freq[id] = 0;
        const slot = id * fieldCount + field;
        if (slot >= counts.length) counts = grow(counts, slot + 1);
        counts[slot]!++;
      }
      lists[number * fieldCount + field] = list;
      if (onField) onField(number, field, touched.slice(0, ordinary).map((id) => byId[id]!));
      // As the docs block will give it back (one byte, log scale: `storedLength`).
      fieldLength[field]![number] = storedLength(ordinary);
      pairs += touched.length;
    }
  }

  // The default sort compares strings by UTF-16 code units, exactly like `<`, and natively.
  const terms = byId.slice().sort();
  const rank = new Uint32Array(byId.length);
  const offsets = new Uint32Array(terms.length * fieldCount + 1);
  for (let r = 0; r < terms.length; r++) {
    const id = idOf(terms[r]!);
    rank[id] = r;
    for (let field = 0; field < fieldCount; field++) {
      const slot = r * fieldCount + field;
      offsets[slot + 1] = offsets[slot]! + (counts[id * fieldCount + field] ?? 0);
    }
  }

  const cursor = offsets.slice(0, terms.length * fieldCount);
  const pool = new Uint32Array(pairs * 2);
  for (let number = 0; number < slots; number++) {
    for (let field = 0; field < fieldCount; field++) {
      const list = lists[number * fieldCount + field];
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const p = cursor[rank[list[k]!]! * fieldCount + field]!++;
        pool[2 * p] = number;
        pool[2 * p + 1] = list[k + 1]!;
      }
      // Read once: let it go now, so the two layouts are not both held to the end.
      lists[number * fieldCount + field] = undefined;
    }
  }
  return { terms, fieldCount, offsets, pool, fieldLength };
}

/**
 * Index of the first pair in `from … to` (pair indices of a field's postings in `pool`) whose
 * article number is at least `floor`: where a block's postings start.
 */
export function lowerBoundPair(pool: Uint32Array, from: number, to: number, floor: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pool[2 * mid]! < floor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grow(array: Uint32Array<ArrayBuffer>, atLeast: number): Uint32Array<ArrayBuffer> {
  let capacity = array.length * 2;
  while (capacity < atLeast) capacity *= 2;
  const next = new Uint32Array(capacity);
  next.set(array);
  return next;
}

/** The key of a term of one or two UTF-16 units (the first not U+0000): unique, never 0. */
function unitKey(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  return end - start === 1 ? first : ((first << 16) | text.charCodeAt(start + 1)) >>> 0;
}

/** An open-addressing hash table from non-zero 32-bit keys to ids. */
class UnitKeyTable {
  private keys = new Uint32Array(1 << 16);
  private values = new Uint32Array(1 << 16);
  /** 32 − log2(capacity): the slot is the top bits of a Fibonacci hash (its low bits mix poorly). */
  private shift = 16;
  private used = 0;

  /** The id of `key`, or -1. */
  find(key: number): number {
    const slot = this.slotOf(key);
    return this.keys[slot] === key ? this.values[slot]! : -1;
  }

  /** The id of `key`; a new key is given `next` (and `next` is returned). */
  intern(key: number, next: number): number {
    let slot = this.slotOf(key);
    if (this.keys[slot] === key) return this.values[slot]!;
    if (2 * (this.used + 1) > this.keys.length) {
      this.rehash();
      slot = this.slotOf(key);
    }
    this.keys[slot] = key;
    this.values[slot] = next;
    this.used++;
    return next;
  }

  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key || found === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private rehash(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Uint32Array(keys.length * 2);
    this.shift--;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.values[slot] = values[i]!;
    }
  }
}
