/**
 * The hosted page's vocabulary fetched ahead (`vocabulary-prefetch.ts`): once, a while after the
 * first answer to words, when the connection allows.
 */
import { connectionAllowsPrefetch, PREFETCH_DELAY_MS, VOCABULARY_BUDGET } from '../../worker/vocabulary-prefetch.ts';
import type { StateWorker } from './types.ts';

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
