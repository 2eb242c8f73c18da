/**
 * Seeded randomness for the synthetic corpus. Every draw comes from an `Rng` built from the
 * corpus seed, so the same arguments always give the same bytes; `Math.random` and the clock are
 * never used. Each article gets its own stream (`Rng.forArticle`), so its content depends only on
 * (seed, index), not on the order in which articles are generated or written.
 */

/** 32-bit hash of a string (xmur3 finaliser), used to turn `--seed` text into a number. */
export function hashSeed(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One splitmix32 step: spreads consecutive integers (article indexes) over the state space. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * sfc32 generator (Chris Doty-Humphrey's Small Fast Counting RNG): 128 bits of state, passes
 * PractRand, and needs only 32-bit integer ops, so it is fast and identical on every platform.
 *
 * @example
 * const rng = new Rng(hashSeed('demo'), 7);
 * rng.int(10); // 0…9, the same every run
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed 32-bit seed; @param stream distinguishes independent streams with one seed. */
  constructor(seed: number, stream = 0) {
    this.a = splitmix32(seed);
    this.b = splitmix32(this.a ^ stream);
    this.c = splitmix32(this.b + stream);
    this.d = 1;
    // The first outputs of a freshly seeded sfc32 are correlated with the seed; discard them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The stream for one article: a pure function of the corpus seed and the article index. */
  static forArticle(seed: number, index: number): Rng {
    return new Rng(splitmix32(seed ^ 0x5bd1e995) ^ splitmix32(index), index);
  }

  /** Next unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max], both inclusive. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Standard normal deviate (Box–Muller; the second value is dropped to keep streams simple). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal deviate with the given median and shape: long right tail, never negative. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Zero-padded random digits, e.g. for ids in URLs. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(10));
    return out;
  }

  /** Random lowercase hexadecimal of the given length. */
  hex(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += '0123456789abcdef'[this.int(16)];
    return out;
  }
}

/**
 * Draws indexes in proportion to fixed weights: cumulative sums plus binary search, O(log n) per
 * draw, which beats alias tables here because the lists are short and built once.
 */
export class WeightedTable {
  private readonly cumulative: Float64Array;
  /** Sum of all weights. */
  readonly total: number;

  /** @throws {RangeError} when there are no weights or their sum is not positive. */
  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i]!);
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new RangeError('WeightedTable: weights must have a positive sum');
    this.total = sum;
  }

  /** The index whose cumulative share contains `u` (a number in [0, 1)). */
  locate(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A random index, chosen in proportion to its weight. */
  sample(rng: Rng): number {
    return this.locate(rng.next());
  }
}

/**
 * Zipf–Mandelbrot weights 1 / (rank + q)^s for ranks 1…n: a few items take most draws and a long
 * tail is seen rarely, as with words in real text. q > 0 flattens the very top of the curve.
 */
export function zipfWeights(n: number, s = 1, q = 2.7): Float64Array {
  const weights = new Float64Array(n);
  for (let r = 0; r < n; r++) weights[r] = 1 / Math.pow(r + 1 + q, s);
  return weights;
}

/** A list of values drawn with Zipf frequencies by list position (the first is the most common). */
export class ZipfBag<T> {
  private readonly table: WeightedTable;

  constructor(
    readonly items: readonly T[],
    s = 1,
    q = 2.7,
  ) {
    this.table = new WeightedTable(zipfWeights(items.length, s, q));
  }

  /** A value, common ones far more often than rare ones. */
  pick(rng: Rng): T {
    return this.items[this.table.sample(rng)]!;
  }
}
