/** The hosted page's App, mounted: what `main.ts` imports once the worker has its head start. */
import { flushSync, mount } from 'svelte';
import App from '../ui/components/App.svelte';
import { takeBootBox } from './boot-box.ts';
import { HistorySync } from '../ui/state/history-sync.ts';
import { VocabularyPrefetch } from '../ui/state/vocabulary-prefetch-once.ts';
import { parseLang } from '../ui/i18n/lang.ts';

/**
 * Mounts the App in `target`, in place of index.html's boot box: the App starts from the box's
 * words, and gets its focus and caret, in the task that removes it (see `boot-box.ts`). The
 * search is kept in the page URL (shareable links, Back/Forward), and the vocabulary is fetched
 * ahead after the first search (`VocabularyPrefetch`).
 */
export async function mountApp(target: HTMLElement): Promise<ReturnType<typeof mount>> {
  const boot = await takeBootBox();
  // `news-archive-search build --lang` marks the page's language: the default when the URL names none.
  const defaultLang = parseLang(document.documentElement.dataset.defaultLang);
  const options = defaultLang ? { defaultLang } : {};
  const app = mount(App, { target, props: { history: HistorySync, prefetch: VocabularyPrefetch, options, ...(boot.state ? { typed: boot.state.text } : {}) } });
  flushSync();
  boot.finish(target);
  return app;
}
