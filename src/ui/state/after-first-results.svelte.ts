/**
 * Runs what the first results do not need once they are on screen: after the paint that shows a
 * query's first page with its snippets, or, on the start view (no words), after `startWaitMs` with
 * no search on its way. On a cold load, whatever is fetched or rendered before would share the
 * connections and the main thread with the results the visitor waits for (the facet controls,
 * the hosted page's language selector, the chips' and the rewrites line's chunks).
 * Call while a component is being set up (it uses effects); `run` is called once.
 *
 * @example afterFirstResults(search, () => (hasControls = true));
 */
import { onMount } from 'svelte';
import { afterNextPaint, START_VIEW_WAIT_MS } from './after-next-paint.ts';

export { START_VIEW_WAIT_MS } from './after-next-paint.ts';

/** What is read of the search state. */
export interface FirstResultsSignals {
  readonly text: string;
  readonly answerText: string;
  readonly isFirstPageShown: boolean;
  readonly isBusy: boolean;
}

export function afterFirstResults(search: FirstResultsSignals, run: () => void, startWaitMs = START_VIEW_WAIT_MS): void {
  let done = $state(false);
  let waited = $state(false);
  onMount(() => {
    const timer = setTimeout(() => (waited = true), startWaitMs);
    return () => clearTimeout(timer);
  });
  $effect(() => {
    // A first page that answers the words in the box; the start view's newest articles (no words)
    // only after the wait, and only while no search is on its way: a visitor who types at once
    // gets the first query's results first.
    const words = search.text.trim();
    const isDue = words ? search.isFirstPageShown && search.answerText.trim() === words : waited && !search.isBusy;
    if (done || !isDue) return;
    return afterNextPaint(() => {
      done = true;
      run();
    });
  });
}
