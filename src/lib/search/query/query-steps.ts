/**
 * How a query is answered block by block: which articles it can match at most (a rare term
 * bounds them), the steps it is answered in, and each step's postings.
 *
 * A step's postings may be cut down to the candidates and to its blocks without changing any
 * score: BM25's document frequencies are the archive's own (see `assembleMiniSearch`), and an
 * article outside the candidates cannot match every included clause.
 */
import type { IndexReader } from '../load-index.ts';
import type { PlanTerms } from './load-terms.ts';
import { mergedPostings } from './merged-prefix.ts';
import type { PlanToken, QueryPlan } from './query-plan.ts';
import { joinPostings, lowerBound, type TermEntry, type TermPostings } from '../format/term-part.ts';

/**
 * The articles a query can match at most, when a rare term bounds them: for some included clause,
 * every variant has a token whose postings are all inline (a rare term, complete in its part) or
 * that no article holds. A clause matches where any variant does, so its candidates are the union
 * of each variant's rarest token's articles. Null when no clause is bounded (every variant of every
 * clause has only common tokens, or typo tokens), and for an empty plan.
 */
export function candidateArticles(plan: QueryPlan, { entries, fuzzy }: PlanTerms): Set<number> | null {
  let best: Set<number> | null = null;
  for (const clause of plan.include) {
    const candidates = new Set<number>();
    let bounded = true;
    for (const variant of clause.variants) {
      let rarest: TermEntry[] | null = null;
      let rarestSize = Infinity;
      for (const token of variant.tokens) {
        const matched = tokenEntries(token, entries, fuzzy);
        if (!matched || !matched.every((entry) => entry.postings !== null)) continue;
        const size = matched.reduce((sum, entry) => sum + entry.postings!.reduce((s, flat) => s + flat.length, 0), 0);
        if (size < rarestSize) [rarest, rarestSize] = [matched, size];
      }
      if (!rarest) {
        bounded = false;
        break;
      }
      for (const entry of rarest) for (const flat of entry.postings!) for (let i = 0; i < flat.length; i += 2) candidates.add(flat[i]!);
    }
    if (bounded && (best === null || candidates.size < best.size)) best = candidates;
  }
  return best;
}

/**
 * The entries MiniSearch matches for one token (the term, and with `prefix` the loaded terms
 * starting with it); null for a typo token (its matches are any near term: never a bound).
 */
function tokenEntries(token: PlanToken, entries: ReadonlyMap<string, TermEntry>, fuzzy: ReadonlySet<string>): TermEntry[] | null {
  if (fuzzy.has(token.term)) return null;
  if (!token.prefix) return entries.has(token.term) ? [entries.get(token.term)!] : [];
  return [...entries].filter(([term]) => term.startsWith(token.term)).map(([, entry]) => entry);
}

/**
 * Articles a progressive search's first answer covers by default: the newest 2,500, whatever the
 * archive's size, so that even a term in most articles is scored over a few thousand hits first.
 */
export const FIRST_STEP_ARTICLES = 2_500;

/** The lowest article number of a progressive search's first step: within the newest block. */
export function firstStepFloor(reader: IndexReader, articles = FIRST_STEP_ARTICLES): number {
  const newestFloor = (reader.blockCount - 1) * reader.manifest.blockSize;
  return Math.max(newestFloor, reader.manifest.slots - Math.max(1, articles));
}

/**
 * Lowest article numbers of the successive steps (each covers its floor … newest; 0: complete).
 * Unbounded (`candidates` null): the newest articles (`first`), the newest block, then twice as
 * many blocks each time (1, 3, 7, … blocks: a step redoes the earlier ones, so the total work
 * stays within twice the complete query's), then all of them. Bounded: one complete step when
 * the candidates' postings and docs rows are all in memory already (or all in the newest block),
 * else the newest articles first, then the rest at once. `[0]`: one complete step.
 */
export function stepFloors(reader: IndexReader, planTerms: PlanTerms, candidates: ReadonlySet<number> | null, first: number): number[] {
  const newest = reader.blockCount - 1;
  if (newest === 0) return [0];
  const { blockSize } = reader.manifest;
  if (candidates === null) {
    const floors = first > newest * blockSize ? [first] : [];
    for (let searched = 1; searched < reader.blockCount; searched = searched * 2 + 1) floors.push((reader.blockCount - searched) * blockSize);
    floors.push(0);
    return floors;
  }
  const blocks = blocksOf(reader, candidates).filter((block) => block < newest);
  const inMemory = blocks.every(
    (block) =>
      reader.hasDocsBlock(block) &&
      [...planTerms.entries].every(([term, entry]) => !planTerms.merged.has(term) && reader.hasPostingsIn(entry, block)),
  );
  return inMemory ? [0] : [first, 0];
}

/** Each candidate set's blocks, worked out once: a step asks for them once per term. */
const candidateBlocks = new WeakMap<ReadonlySet<number>, number[]>();

/** The blocks candidates fall in, ascending. */
function blocksOf(reader: IndexReader, candidates: ReadonlySet<number>): number[] {
  let sorted = candidateBlocks.get(candidates);
  if (!sorted) {
    const blocks = new Set<number>();
    if (reader.blockCount === 1) {
      if (candidates.size > 0) blocks.add(0);
    } else {
      for (const n of candidates) blocks.add(reader.blockOf(n));
    }
    sorted = [...blocks].sort((a, b) => a - b);
    candidateBlocks.set(candidates, sorted);
  }
  return sorted;
}

/**
 * One term's postings for the step over article numbers `floor` … newest, cut down to
 * `candidates` when there are any: only the candidates' blocks are fetched (a common term's chunks).
 */
export async function stepPostings(
  reader: IndexReader,
  planTerms: PlanTerms,
  term: string,
  entry: TermEntry,
  floor: number,
  candidates: ReadonlySet<number> | null,
): Promise<TermPostings> {
  const fromBlock = reader.blockOf(floor);
  const blocks = candidates
    ? blocksOf(reader, candidates).filter((block) => block >= fromBlock)
    : Array.from({ length: reader.blockCount - fromBlock }, (_, i) => fromBlock + i);
  let postings: TermPostings;
  if (planTerms.merged.has(term)) {
    postings = await mergedPostings(reader, term, blocks);
  } else if (candidates && !entry.postings) {
    const pieces = await Promise.all(blocks.map((block) => reader.postingsIn(entry, block)));
    postings = joinPostings(pieces, reader.manifest.fields.length);
  } else {
    postings = await reader.postings(entry, fromBlock);
  }
  // A step may start inside a block (the first one covers the newest articles only).
  if (floor > fromBlock * reader.manifest.blockSize) postings = postings.map((flat) => flat.subarray(lowerBound(flat, floor)));
  return candidates ? postings.map((flat) => keepCandidates(flat, candidates)) : postings;
}

/** The pairs of flat postings whose article is a candidate. */
function keepCandidates(flat: Uint32Array, candidates: ReadonlySet<number>): Uint32Array {
  let kept = 0;
  for (let i = 0; i < flat.length; i += 2) if (candidates.has(flat[i]!)) kept++;
  if (kept * 2 === flat.length) return flat;
  const out = new Uint32Array(kept * 2);
  let k = 0;
  for (let i = 0; i < flat.length; i += 2) {
    if (!candidates.has(flat[i]!)) continue;
    out[k++] = flat[i]!;
    out[k++] = flat[i + 1]!;
  }
  return out;
}
