/**
 * The widget's entry (`widget.js`): defines `<news-search>` unless a copy of the script already
 * did. No globals, no other tags.
 *
 *   <script type="module" src="https://HOST/widget.js"></script>
 *   <news-search index-url="https://HOST/data/manifest.json"></news-search>
 */
import { NewsSearchElement } from './element.ts';

const TAG = 'news-search';

const existing = customElements.get(TAG);
if (!existing) customElements.define(TAG, NewsSearchElement);
else if (existing !== NewsSearchElement && !isNewsSearchWidget(existing)) {
  // Another script owns the tag: say so, rather than leave a host wondering why nothing shows.
  console.warn(
    `news-search: <${TAG}> is already defined by another script (${existing.name || 'an anonymous class'}); this widget did not define it, so <${TAG}> elements on this page are not the news-archive-search widget.`,
  );
}

/** True for the class of another copy of this widget's script (loaded twice: no conflict). */
function isNewsSearchWidget(element: CustomElementConstructor): boolean {
  return (element as unknown as { isNewsSearchWidget?: unknown }).isNewsSearchWidget === true;
}
