/**
 * The part of MiniSearch (7.2.0) the search core uses, and nothing else: evaluating a query tree
 * (AND / OR of terms, each exact, prefix or with typos) over a handful of terms' postings and
 * scoring with MiniSearch's BM25+. The worker holds only the query's terms at a time, so there is
 * no radix tree: prefix and typo matches are found by looking at every loaded term. Scores,
 * matched terms and the combination rules are MiniSearch's own (the unit tests compare them with
 * MiniSearch over the whole archive); the code is a seventh of its size in the worker.
 */
import type { DocsTable } from './docs-table.ts';
import type { TermPostings } from './term-part.ts';

/** Ranking knobs: BM25 over title and text, the title counting three times as much. */
export const SEARCH_OPTIONS = {
  boost: { title: 3 } as Readonly<Record<string, number>>,
  // Prefix and typo matches rank below exact ones (MiniSearch's defaults are 0.375 and 0.45).
  weights: { prefix: 0.5, fuzzy: 0.4 },
  // MiniSearch's BM25+ parameters (its defaults).
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
} as const;

/** One term of a query: `prefix` also matches longer terms, `fuzzy` is the edits allowed (0: none). */
export interface TermQuery {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

/** Terms and subtrees combined: AND keeps the documents every part matches, OR any. */
export interface QueryTree {
  combineWith: 'AND' | 'OR';
  queries: ReadonlyArray<QueryTree | TermQuery>;
}

/** A matching document: its number, its score, the index terms it matched (MiniSearch's `terms`). */
export interface ScoredMatch {
  id: number;
  score: number;
  terms: string[];
}

/** What the scorer needs from the manifest: the archive's own BM25 statistics. */
export interface ArchiveStats {
  fields: readonly string[];
  /** Articles in the archive (BM25's document count). */
  articles: number;
  averageFieldLength: readonly number[];
}

/** A document's running result: score, query terms matched (`queryTerms`), index terms matched. */
interface Partial {
  score: number;
  terms: string[];
  match: Record<string, true>;
}
type Results = Map<number, Partial>;

/**
 * Scores queries over just the given terms, as one MiniSearch index over the whole archive would:
 * the document count, average field lengths and every term's document frequency are the
 * archive's own, even when `terms` holds only some blocks' postings.
 *
 * @param terms the query's terms and their postings (all of them, or those of some blocks)
 * @param docs field lengths of every article the postings name
 * @param documentFrequency per term, its per-field document frequency in the archive (else its postings' length)
 * @example
 * const scorer = new Scorer(new Map([['王毅', postings]]), docs, manifest, new Map([['王毅', entry.df]]));
 * scorer.search({ combineWith: 'AND', queries: [{ term: '王毅', prefix: false, fuzzy: 0 }] });
 */
export class Scorer {
  private readonly boosts: number[];

  constructor(
    private readonly terms: ReadonlyMap<string, TermPostings>,
    private readonly docs: DocsTable,
    private readonly stats: ArchiveStats,
    private readonly documentFrequency: ReadonlyMap<string, readonly number[]> = new Map(),
  ) {
    this.boosts = stats.fields.map((field) => (Object.hasOwn(SEARCH_OPTIONS.boost, field) && SEARCH_OPTIONS.boost[field]) || 1);
  }

  /** The matching documents, best first (MiniSearch's `search` with a query tree). */
  search(query: QueryTree): ScoredMatch[] {
    const out: ScoredMatch[] = [];
    // MiniSearch multiplies by the number of query terms a document matched ("quality").
    for (const [id, { score, terms, match }] of this.run(query)) out.push({ id, score: score * (terms.length || 1), terms: Object.keys(match) });
    return out.sort((a, b) => b.score - a.score);
  }

  private run(query: QueryTree | TermQuery): Results {
    if (!('queries' in query)) return this.term(query);
    const results = query.queries.map((sub) => this.run(sub));
    return results.length === 0 ? new Map() : results.reduce(query.combineWith === 'AND' ? and : or);
  }

  /** MiniSearch's `executeQuerySpec`: the exact term, then longer terms (prefix), then typos. */
  private term({ term, prefix, fuzzy }: TermQuery): Results {
    const results: Results = new Map();
    this.add(term, term, 1, results);
    const typos = new Map<string, number>();
    if (fuzzy > 0) {
      for (const other of this.terms.keys()) {
        const distance = editDistance(term, other, fuzzy);
        if (distance > 0) typos.set(other, distance);
      }
    }
    if (prefix) {
      for (const other of this.terms.keys()) {
        const extra = other.length - term.length;
        if (extra <= 0 || !other.startsWith(term)) continue;
        typos.delete(other); // a prefix match is scored as one, never as a typo
        this.add(term, other, (SEARCH_OPTIONS.weights.prefix * other.length) / (other.length + 0.3 * extra), results);
      }
    }
    for (const [other, distance] of typos) this.add(term, other, (SEARCH_OPTIONS.weights.fuzzy * other.length) / (other.length + distance), results);
    return results;
  }

  /** MiniSearch's `termResults`: adds index term `derived` (matched for `source`) to `results`. */
  private add(source: string, derived: string, weight: number, results: Results): void {
    const postings = this.terms.get(derived);
    if (!postings) return;
    const df = this.documentFrequency.get(derived);
    const { k, b, d } = SEARCH_OPTIONS.bm25;
    this.stats.fields.forEach((_, field) => {
      const flat = postings[field];
      if (!flat?.length) return;
      const matching = df?.[field] ?? flat.length / 2;
      const idf = Math.log(1 + (this.stats.articles - matching + 0.5) / (matching + 0.5));
      const average = this.stats.averageFieldLength[field]!;
      const lengths = this.docs.fieldLength[field]!;
      for (let i = 0; i < flat.length; i += 2) {
        const number = flat[i]!;
        const frequency = flat[i + 1]!;
        const raw = idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * lengths[number]!) / average)));
        const score = weight * this.boosts[field]! * raw;
        const result = results.get(number);
        if (result) {
          result.score += score;
          if (!result.terms.includes(source)) result.terms.push(source);
          result.match[derived] = true;
        } else {
          const match: Record<string, true> = Object.create(null) as Record<string, true>;
          match[derived] = true;
          results.set(number, { score, terms: [source], match });
        }
      }
    });
  }
}

/** MiniSearch's OR: every document of either side, scores added. Reuses `a`. */
function or(a: Results, b: Results): Results {
  for (const [number, other] of b) {
    const existing = a.get(number);
    if (!existing) {
      a.set(number, other);
      continue;
    }
    existing.score += other.score;
    Object.assign(existing.match, other.match);
    for (const term of other.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
  }
  return a;
}

/** MiniSearch's AND: the documents of both sides, scores added, in `b`'s order. */
function and(a: Results, b: Results): Results {
  const combined: Results = new Map();
  for (const [number, other] of b) {
    const existing = a.get(number);
    if (!existing) continue;
    for (const term of other.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
    combined.set(number, { score: existing.score + other.score, terms: existing.terms, match: Object.assign(existing.match, other.match) });
  }
  return combined;
}

/**
 * Levenshtein distance (insertions, deletions, substitutions of UTF-16 units) between `a` and
 * `b` when it is at most `max`, else -1.
 *
 * @example editDistance('huawai', 'huawei', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return -1;
  let previous = Array.from({ length: a.length + 1 }, (_, j) => j);
  for (let i = 1; i <= b.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= a.length; j++) {
      const value = Math.min(previous[j - 1]! + (a[j - 1] === b[i - 1] ? 0 : 1), previous[j]! + 1, row[j - 1]! + 1);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return -1;
    previous = row;
  }
  const distance = previous[a.length]!;
  return distance <= max ? distance : -1;
}
