/**
 * The order in which the vocabulary is fetched ahead (the worker's `prefetch`): the newest block's
 * parts before the older blocks' (every first answer reads the newest block's), each in table
 * order, except that the parts around the terms searched so far jump the queue, nearest first:
 * the next keystroke most likely extends the word just typed (香 → 香港 → 香港人), whose terms sort
 * next to it. `focus` is called with each search's term ranges while the prefetch runs.
 */
import { partIndexOf, type TermPartEntry } from '../lib/search/format/index-format.ts';

/** Parts on each side of a searched range that jump the queue. */
export const NEIGHBOURS = 2;

/**
 * One vocabulary's parts in table order, and the file that brings each (`path`, given the part and
 * its index in the table): its own, or the pack holding it and its neighbours (`term-packs.ts`),
 * which the queue hands out once.
 */
export interface PrefetchVocabulary {
  parts: readonly TermPartEntry[];
  path: (entry: TermPartEntry, index: number) => string;
}

/**
 * @example
 * const queue = new PrefetchQueue([newest, older]);
 * queue.focus([['香港', '香港']]);
 * queue.next() // the part holding 香港, then its neighbours, then the rest in order
 */
export class PrefetchQueue {
  /** Paths not yet handed out, in order. */
  private readonly waiting: string[] = [];
  private readonly taken = new Set<string>();

  constructor(private readonly vocabularies: readonly PrefetchVocabulary[]) {
    const listed = new Set<string>();
    for (const { parts, path } of vocabularies) {
      parts.forEach((part, i) => {
        const file = path(part, i);
        if (listed.has(file)) return;
        listed.add(file);
        this.waiting.push(file);
      });
    }
  }

  /** Files still waiting. */
  get size(): number {
    return this.waiting.length;
  }

  /** The next path to fetch, or undefined when all have been handed out. */
  next(): string | undefined {
    const path = this.waiting.shift();
    if (path !== undefined) this.taken.add(path);
    return path;
  }

  /** Moves the parts of the ranges `[from, to]`, and `NEIGHBOURS` on each side, to the front of the queue (nearest first). */
  focus(ranges: ReadonlyArray<readonly [string, string]>): void {
    const front: string[] = [];
    for (const { parts, path } of this.vocabularies) {
      if (parts.length === 0) continue;
      for (const [from, to] of ranges) {
        const first = partIndexOf(parts, from);
        const last = partIndexOf(parts, to);
        for (let i = first; i <= last; i++) front.push(path(parts[i]!, i));
        for (let d = 1; d <= NEIGHBOURS; d++) {
          if (last + d < parts.length) front.push(path(parts[last + d]!, last + d));
          if (first - d >= 0) front.push(path(parts[first - d]!, first - d));
        }
      }
    }
    const moved = [...new Set(front)].filter((path) => !this.taken.has(path));
    if (moved.length === 0) return;
    const set = new Set(moved);
    const rest = this.waiting.filter((path) => !set.has(path));
    this.waiting.splice(0, this.waiting.length, ...moved, ...rest);
  }
}

/** The part of the Network Information API read here (`navigator.connection`, not in TypeScript's DOM library). */
export interface ConnectionSpeed {
  /** Estimated bandwidth, Mbit/s (Chromium rounds it and caps it at 10). */
  downlink?: number;
}

/**
 * The prefetch budget raised by the connection's estimated bandwidth: `budget` at 5 Mbit/s or
 * less, twice it at 10 Mbit/s or more; `budget` when the browser gives no estimate. Never lowered:
 * a browser that has measured nothing yet (a first visit, a host on the local network) reports a
 * default of about 1.4 Mbit/s, and a slow connection stops the prefetch by its effective type
 * instead (`connectionAllowsPrefetch`).
 *
 * @example scaledBudget(8_000_000, { downlink: 10 }) // 16000000
 */
export function scaledBudget(budget: number, connection: ConnectionSpeed | undefined): number {
  const downlink = connection?.downlink;
  if (typeof downlink !== 'number' || !(downlink > 0)) return budget;
  return Math.round(budget * Math.min(2, Math.max(1, downlink / 5)));
}
