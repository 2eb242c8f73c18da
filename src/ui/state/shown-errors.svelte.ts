/**
 * The error the page shows (one at a time, with the Retry of what failed), the message chosen
 * for it, and the console line with its technical detail.
 */
import type { Messages } from '../i18n/i18n.ts';
import { errorDetail, errorMessage, type Operation } from './status-text.ts';
import type { ErrorMessage, SearchEvent, ShownError } from './types.ts';

export class ShownErrors {
  error: ShownError | null = $state.raw(null);
  /** Set once the App is unmounted: its worker's pending requests then fail, which is no error. */
  stopped = false;

  constructor(
    private readonly t: () => Messages,
    private readonly onEvent: (event: SearchEvent) => void,
  ) {}

  /** Shows the error of `operation` with its Retry, tells the host page, logs the detail once. */
  show(error: unknown, operation: Exclude<Operation, 'article'>, retry: () => void): void {
    this.log(error);
    this.error = { message: this.messageFor(error, operation), retry };
    this.onEvent({ type: 'error', detail: { message: this.t()[this.error.message] } });
  }

  /** True when the error shown is the one `retry` retries. */
  isShown(retry: () => void): boolean {
    return this.error !== null && this.error.retry === retry;
  }

  /** Clears the error shown if it is the one `retry` retries (what failed has worked since). */
  clear(retry: () => void): void {
    if (this.isShown(retry)) this.error = null;
  }

  dismiss(): void {
    this.error = null;
  }

  /** The message for a failure of `operation` (offline: what this device has not stored). */
  messageFor(error: unknown, operation: Operation): ErrorMessage {
    return errorMessage(error, operation, navigator.onLine !== false);
  }

  log(error: unknown): void {
    if (this.stopped) return;
    console.error('news-archive-search:', errorDetail(error));
  }
}
