/**
 * The reader: the article being shown (by number from a result, or by id from the URL), its
 * related stories, the ranges of its body to mark, and its own error with a Retry. Only the
 * latest article asked for is shown: an answer for one the visitor has left is dropped.
 */
import type { TextRange } from '../../lib/search/query/highlight.ts';
import type { Messages } from '../i18n/i18n.ts';
import type { ErrorMessage, ReaderState, SearchEvent, StateWorker } from './types.ts';

/** What the reader needs from the rest of the state. */
export interface ReaderContext {
  client: StateWorker;
  /** The strings of the language shown (an error event carries its message in it). */
  t(): Messages;
  /** The message that explains a failure to load an article. */
  messageFor(error: unknown): ErrorMessage;
  onEvent(event: SearchEvent): void;
  log(error: unknown): void;
}

export class Reader {
  /** The open article, or null. */
  state: ReaderState | null = $state.raw(null);
  /** Counter: only the answers for the latest article asked for may be shown. */
  private seq = 0;

  constructor(private readonly context: ReaderContext) {}

  /** Shows article `target` (`id` for the URL), with `text`'s words to mark; nothing to do if it is shown already. */
  show(target: { number: number } | { id: string }, id: string, text: string): void {
    if (this.state?.id === id && this.state.status === 'ready') return;
    const { client } = this.context;
    const seq = ++this.seq;
    const number = 'number' in target ? target.number : null;
    this.state = { number, id, status: 'loading', article: null, text, related: null, error: null };
    const update = (change: Partial<ReaderState>) => {
      if (seq === this.seq && this.state) this.state = { ...this.state, ...change };
    };
    const load = () => {
      client.request('article', target).then(
        (article) => {
          if (!article) return update({ status: 'missing' });
          update({ status: 'ready', article, number: article.number });
          this.loadRelated(seq, article.number);
        },
        (error: unknown) => {
          this.context.log(error);
          const retry = () => {
            update({ status: 'loading', error: null });
            load();
          };
          const message = this.context.messageFor(error);
          update({ status: 'error', error: { message, retry } });
          if (seq === this.seq) this.context.onEvent({ type: 'error', detail: { message: this.context.t()[message] } });
        },
      );
    };
    load();
  }

  /** Closes the article; answers still on their way for it are dropped. */
  close(): void {
    this.seq++;
    this.state = null;
  }

  /** Asks the worker for the ranges of the body text to mark (none when the article is not for a query). */
  async highlight(body: string): Promise<TextRange[]> {
    const text = this.state?.text ?? '';
    if (!text) return [];
    try {
      return await this.context.client.request('highlight', { body, text });
    } catch (error) {
      // Marks are a nicety: the article is readable without them.
      this.context.log(error);
      return [];
    }
  }

  private loadRelated(seq: number, number: number): void {
    this.context.client.request('related', { number }).then(
      (related) => {
        if (seq === this.seq && this.state) this.state = { ...this.state, related };
      },
      (error: unknown) => {
        // Related stories are extra: log the cause and show none rather than a second error.
        this.context.log(error);
        if (seq === this.seq && this.state) this.state = { ...this.state, related: [] };
      },
    );
  }
}
