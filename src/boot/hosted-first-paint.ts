/**
 * The hosted page's first paint: index.html's boot box grows into the App's page (title, search
 * box with its hint, the filter column's frame, the status line and the first page of results),
 * searched through the preopened worker by the widget's `FirstPaint` (`src/widget/first-paint.ts`),
 * without Svelte and without the App's 30 KB, which are asked for only once those results are
 * painted (or the visitor asks for what only the App does). The visitor's box is index.html's own
 * input, never moved (its focus, caret and IME composition stay); everything else is added around
 * it. The App then mounts over it with the same measures (`mount-app.ts`), taking over the words,
 * the focus and caret, and the search with its summaries (`head-start.ts`).
 *
 * Links that ask for more than words (filters, dates, an order, an article) open the App
 * directly, as before (`paintsFirst`): its chips and reader are the App's.
 */
import { FirstPaint, type FirstPaintPlace } from '../widget/first-paint.ts';
import { columnsOf, FULL_PAGE_CONTROLS, h, type FirstPaintLayout } from '../widget/first-paint-view.ts';
import { HOSTED_FIRST_PAINT_CSS } from './first-paint-hosted-css.ts';
import { hasFacetFilters } from '../lib/search/categorical-facets.ts';
import { PAGE_SIZE } from '../protocol/search-request.ts';
import { holdHeadStart } from '../ui/client/head-start.ts';
import type { Preopened } from '../ui/client/preopen.ts';
import { preferredChinese, type Messages } from '../ui/i18n/i18n.ts';
import { parseLang } from '../ui/i18n/lang.ts';
import { rememberedLang } from '../ui/state/remembered-lang.ts';
import { serializeUrlState, type UrlState } from '../ui/state/url-state.ts';
import { parseUrlState } from './url-read.ts';

/**
 * Whether the link's state is one the first paint shows as the App would: words and a language.
 * Filters, dates and an order other than relevance show as chips above the rows, and an article
 * in the reader: the App's.
 */
export function paintsFirst(state: UrlState): boolean {
  return !hasFacetFilters(state.filters) && !state.from && !state.to && !state.articleId && state.sort === 'relevance';
}

/**
 * The page around index.html's boot box (`#boot`: its `.top`, its form and input): the App's
 * header, hint line, notice, filter column and results column, with the App's classes and
 * measures (`first-paint-hosted-css.ts`).
 */
export function hostedLayout(boot: HTMLElement, input: HTMLInputElement, t: Messages, lang: string): FirstPaintLayout {
  // The page's `.news-search` until the App's replaces it (as the widget's first paint's), in its language.
  boot.classList.add('news-search');
  boot.lang = lang;
  boot.querySelector('.top')?.replaceChildren(h('h1', {}, t.appTitle));
  input.id = 'fp-input';
  input.placeholder = t.searchPlaceholder;
  input.setAttribute('aria-label', t.searchLabel);
  input.setAttribute('aria-describedby', 'fp-hint');
  const form = input.form;
  form?.classList.add('search');
  form?.append(h('p', { class: 'hint', id: 'fp-hint' }, t.searchHint));
  const columns = columnsOf(t);
  boot.append(h('div', { class: 'notice', 'aria-live': 'assertive', 'aria-atomic': 'true' }), columns.element);
  return {
    main: boot,
    input,
    controls: FULL_PAGE_CONTROLS,
    listsNewest: true,
    showRows: columns.showRows,
    update: (state) => columns.update(state, boot),
  };
}

/** The boot box as a first paint's place: built around, its sheet adopted by the document; removed whole. */
function bootPlace(boot: HTMLElement, input: HTMLInputElement, doc: Document): FirstPaintPlace {
  let sheet: CSSStyleSheet | null = null;
  return {
    root: doc,
    box: input,
    show(t, lang) {
      if ('adoptedStyleSheets' in doc) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(HOSTED_FIRST_PAINT_CSS);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
      return hostedLayout(boot, input, t, lang);
    },
    remove() {
      boot.remove();
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}

/**
 * Starts the first paint in the boot box for the link's `state` (words, language), searching
 * with `preopened`, a task later; `due` is called once, when the App should come (it then takes
 * over through `FirstPaint.handOver`). False when the page has no boot box.
 *
 * A task later: the entry runs as parsing ends, in the task whose layout is the page's first
 * full one; the first paint's own layout (with the font lookups of its title, hint and headings)
 * then comes in a task of its own (a DevTools trace at `--cpu-slowdown 4`: one task of 127 ms
 * before, docs/scale.md).
 */
export function paintFirst(preopened: Preopened, folder: string, state: UrlState, due: (paint: FirstPaint) => void, doc: Document = document): boolean {
  const boot = doc.getElementById('boot');
  const input = boot?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!boot || !input) return false;
  setTimeout(() => start(preopened, folder, state, due, doc, boot, input));
  return true;
}

function start(preopened: Preopened, folder: string, state: UrlState, due: (paint: FirstPaint) => void, doc: Document, boot: HTMLElement, input: HTMLInputElement): void {
  // The shared link's words show in the box, unless the visitor typed before this script ran.
  if (!input.value) input.value = state.text;
  // As the App chooses (`SearchState`): the link's, the reader's earlier choice on this site, the page's
  // (`news-archive-search build --lang`), the browser's Chinese.
  const lang = state.lang ?? rememberedLang() ?? parseLang(doc.documentElement.dataset.defaultLang) ?? preferredChinese(navigator.languages ?? [navigator.language]);
  const paint: FirstPaint = new FirstPaint(
    bootPlace(boot, input, doc),
    {
      indexFolder: folder,
      lang,
      placeholder: undefined,
      pageSize: PAGE_SIZE,
      inputs: { filters: {}, from: '', to: '', sort: state.sort },
      pageUrl: null,
      compact: false,
      // The hosted page wants its App (facets, history, the reader) as soon as the first rows are shown.
      startViewWait: 0,
      foldingTableAhead: true,
      // As the App's typing does (HistorySync): the first words typed on a page without any push an
      // entry (Back returns to the start view), later keystrokes replace it; a shared link's words are the page's from the start.
      onSearch: (text) => {
        const { search, hash } = serializeUrlState({ ...state, text });
        const url = `${location.pathname}${search}${hash}`;
        if (url === `${location.pathname}${location.search}${location.hash}`) return;
        if (text.trim() && !parseUrlState(location.search, location.hash).text) history.pushState(null, '', url);
        else history.replaceState(history.state, '', url);
      },
      due: () => due(paint),
    },
    { preopened, hold: holdHeadStart },
  );
}
