/** The hosted page's App, mounted: what `main.ts` imports once the first results are painted (or the worker has its head start). */
import { flushSync, mount } from 'svelte';
import App from '../ui/components/App.svelte';
import { takeBootBox } from './boot-box.ts';
import { HistorySync } from '../ui/state/history-sync.ts';
import { VocabularyPrefetch } from '../ui/state/vocabulary-prefetch-once.ts';
import { parseLang } from '../ui/i18n/lang.ts';
import type { Handing } from '../widget/first-paint.ts';

/**
 * Mounts the App in `target`, in place of index.html's boot box, or of the first paint that grew
 * from it (`handing`, from `FirstPaint.handOver`: see hosted-first-paint.ts): the App starts from
 * the box's words, and gets its focus and caret, in the task that removes it (see `boot-box.ts`).
 * The search is kept in the page URL (shareable links, Back/Forward), and the vocabulary is
 * fetched ahead after the first search (`VocabularyPrefetch`).
 */
export async function mountApp(target: HTMLElement, handing?: Pick<Handing, 'typed' | 'finish'>): Promise<ReturnType<typeof mount>> {
  const boot = handing ? null : await takeBootBox();
  const typed = handing ? handing.typed : boot?.state?.text;
  // `news-archive-search build --lang` marks the page's language: the default when the URL names none.
  const defaultLang = parseLang(document.documentElement.dataset.defaultLang);
  const options = defaultLang ? { defaultLang } : {};
  const app = mount(App, { target, props: { history: HistorySync, prefetch: VocabularyPrefetch, options, ...(typed !== undefined ? { typed } : {}) } });
  flushSync();
  if (handing) handing.finish(document);
  else boot?.finish(target);
  return app;
}
