/**
 * Keeps the page URL and the browser history in step with the search: which changes add an
 * entry (so Back undoes them), which replace the current one, and Back/Forward restoring state.
 * The hosted page's only (`mount-app.ts` hands it to the App); the widget never loads it.
 */
import { parseUrlState } from '../../boot/url-read.ts';
import { serializeUrlState, type UrlState } from './url-state.ts';

/** A typing pause this long ends a history entry; the next keystroke starts a new one. */
const TYPING_PAUSE_MS = 1000;
/** Marks the history entries this page pushed for an open article (Close then goes back). */
const READER_ENTRY = 'news-archive-search:reader';

/**
 * How a change reaches the history. `typing`: the first keystroke after a pause pushes an entry,
 * the next ones replace it, so Back skips half-typed words; `push`: a committed change (a filter,
 * Enter); `reader`: an article opened from the page; `replace`: no new entry (language, reader
 * moving to a related article).
 */
export type HistoryMode = 'typing' | 'push' | 'reader' | 'replace';

export class HistorySync {
  private isTypingEntry = false;
  private typingPause: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param current the state to write
   * @param restore shows a state read from the URL (Back/Forward), without writing history
   */
  constructor(
    private readonly current: () => UrlState,
    private readonly restore: (state: UrlState) => void,
  ) {}

  /** The state in the URL now. */
  read(): UrlState {
    return parseUrlState(location.search, location.hash);
  }

  /** Listens to Back/Forward; returns the function that stops listening. */
  listen(): () => void {
    const onPopState = () => {
      this.isTypingEntry = false;
      this.restore(this.read());
    };
    addEventListener('popstate', onPopState);
    return () => {
      removeEventListener('popstate', onPopState);
      clearTimeout(this.typingPause);
    };
  }

  /** True when the current entry is one this page pushed for an open article. */
  get isReaderEntry(): boolean {
    return history.state === READER_ENTRY;
  }

  /** Leaves the reader's entry: Back, to the results it was opened from. */
  leaveReaderEntry(): void {
    history.back();
  }

  write(mode: HistoryMode): void {
    const { search, hash } = serializeUrlState(this.current());
    const url = `${location.pathname}${search}${hash}`;
    let push = mode === 'push' || mode === 'reader';
    if (mode === 'typing') {
      push = !this.isTypingEntry;
      this.isTypingEntry = true;
      clearTimeout(this.typingPause);
      this.typingPause = setTimeout(() => (this.isTypingEntry = false), TYPING_PAUSE_MS);
    } else {
      this.isTypingEntry = false;
    }
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    const entry = mode === 'reader' ? READER_ENTRY : mode === 'replace' ? history.state : null;
    if (push) history.pushState(entry, '', url);
    else history.replaceState(entry, '', url);
  }
}
