/**
 * The widget's entry (`widget.js`): defines `<news-search>` unless a copy of the script already
 * did. No globals, no other tags.
 *
 *   <script type="module" src="https://HOST/widget.js"></script>
 *   <news-search index-url="https://HOST/data/manifest.json"></news-search>
 */
import { NewsSearchElement } from './element.svelte.ts';

const TAG = 'news-search';

if (!customElements.get(TAG)) customElements.define(TAG, NewsSearchElement);
