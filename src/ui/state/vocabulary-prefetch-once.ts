/**
 * When the hosted page fetches the whole vocabulary ahead (the worker's `prefetch`, which
 * `src/worker/vocabulary-prefetch.ts` sizes): once the visitor has searched for words (a sign they
 * will search again), a moment after the answer, on a connection that is neither slow nor
 * metered. Then every later new word is searched from memory, without a round trip. The hosted
 * page's own (`mount-app.ts` passes the class): the widget never prefetches, and shares no module
 * of it with the worker's side, which the widget's search in the page loads.
 */
import type { StateWorker } from './types.ts';

/** Largest vocabulary fetched ahead, in bytes (gzip, as the manifest counts them). */
export const VOCABULARY_BUDGET = 8_000_000;
/** Pause after the first answer to a query with words before the prefetch starts (ms). */
export const PREFETCH_DELAY_MS = 1000;

/** The parts of the Network Information API read here (not in TypeScript's DOM library). */
interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * True when the connection invites a download of a few megabytes: not with Save-Data on, not
 * on what the browser rates 2g or 3g. A browser without the API (Firefox, Safari) gives no sign
 * against it.
 *
 * @example connectionAllowsPrefetch({ saveData: false, effectiveType: '4g' }) // true
 */
export function connectionAllowsPrefetch(connection: ConnectionInfo | undefined = (navigator as Navigator & { connection?: ConnectionInfo }).connection): boolean {
  if (!connection) return true;
  if (connection.saveData) return false;
  return connection.effectiveType === undefined || connection.effectiveType === '4g';
}

/** The hosted page's prefetch: asked for once, `PREFETCH_DELAY_MS` after the first answer to words. */
export class VocabularyPrefetch {
  private timer: ReturnType<typeof setTimeout> | undefined;

  private pending = true;

  constructor(private readonly client: StateWorker) {}

  /** After an answer to words: the first call starts the timer, later ones do nothing. */
  schedule(): void {
    if (!this.pending) return;
    this.pending = false;
    if (!connectionAllowsPrefetch()) return;
    this.timer = setTimeout(() => {
      // Background work: a failure costs nothing (searches fetch what they need, and say so).
      this.client.request('prefetch', { budget: VOCABULARY_BUDGET }).catch(() => undefined);
    }, PREFETCH_DELAY_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}
