/**
 * The first paint's elements, made with DOM calls (text as text nodes, never markup): the same
 * elements, classes and roles as the App's search box (`SearchBox.svelte`), error notice, filter
 * column (`FacetPanel.svelte`), results head and rows (`ResultList.svelte`, `ResultItem.svelte`),
 * so that the App, mounted over them, puts everything in the same place (its sheet is
 * `first-paint-css.ts`); compact mode's are `first-paint-compact.ts`. No search and no Svelte:
 * `first-paint.ts` fills them (`FirstPaintLayout`).
 */
import { formatDate, type Messages } from '../ui/i18n/i18n.ts';
import type { TextRange } from '../lib/search/query/highlight.ts';
import type { ArticlePreview } from '../lib/search/format/index-format.ts';
import type { SortOrder } from '../lib/search/types.ts';
import type { ArticleSummary, SearchAnswer } from '../protocol/worker-protocol.ts';
import { hasRankedWords, shownSort } from '../ui/state/shown-sort.ts';
import { queryCutText } from '../ui/state/status-text.ts';

/** An element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** `text` as text nodes and `<mark>`s for `ranges` (as `HighlightedText.svelte`: ranges out of order or out of bounds are skipped). */
export function markedText(text: string, ranges: readonly TextRange[]): Array<Node | string> {
  const parts: Array<Node | string> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** What the first paint shows now, as the App would. */
export interface LayoutState {
  t: Messages;
  /** The box's words. */
  text: string;
  /** Words typed or a preset filter (not the start view's list). */
  isQuery: boolean;
  /** The status line (`status-text.ts`). */
  status: string;
  isPartial: boolean;
  /** What the status line counts. */
  answer: SearchAnswer | null;
  isSearching: boolean;
  /** A search runs, or the rows answer other words than the box's. */
  isBusy: boolean;
  /** A newer search runs while older rows are shown. */
  isStale: boolean;
  sort: SortOrder;
}

/** A page of the first paint: the full page's (`fullLayout`), or compact mode's (`compactLayout`). */
export interface FirstPaintLayout {
  /** The `.news-search` element, inside which everything is. */
  readonly main: HTMLElement;
  readonly input: HTMLInputElement;
  /** The controls a click on which brings the App, which then gets the same click. */
  readonly controls: readonly string[];
  /** The start view (no words) lists the manifest's newest. */
  readonly listsNewest: boolean;
  showRows(rows: readonly Row[], t: Messages, href: (id: string) => string): void;
  update(state: LayoutState): void;
}

/** One result to show, and how many near-duplicates it has. */
export interface Row {
  info: RowInfo;
  similar: number;
}

/** The filter column and the results column, as `FacetPanel.svelte` and `ResultList.svelte` lay them out: the page's part below its search box. */
export interface Columns {
  readonly element: HTMLElement;
  showRows(rows: readonly Row[], t: Messages, href: (id: string) => string): void;
  /** Updates the results' head, the list's state and `main`'s (the `.news-search` element's) dimming. */
  update(state: LayoutState, main: HTMLElement): void;
}

/** The (empty) filter column, the results' head and an empty list: the App fills the filters in. */
export function columnsOf(t: Messages): Columns {
  const option = (value: string, label: string) => h('option', { value }, label);
  const relevance = option('relevance', t.sortRelevance);
  const sort = h('select', {}, relevance, option('newest', t.sortNewest), option('oldest', t.sortOldest));
  const heading = h('h2', { id: 'fp-heading' });
  const status = h('p', { class: 'count', role: 'status' });
  const cut = h('p', { class: 'query-cut', hidden: '' });
  const list = h('ol', { class: 'list' });
  const more = h('button', { type: 'button', class: 'more', hidden: '' }, t.loadMore);
  const section = h('section', { class: 'results', 'aria-labelledby': 'fp-heading' }, h('div', { class: 'head' }, heading, status, h('label', { class: 'sort' }, h('span', {}, t.sortLabel), sort)), cut, list, more);
  const facets = h('details', { class: 'facets' }, h('summary', {}, h('h2', {}, t.filtersHeading)));
  // Open beside the results on wide screens; folded above them on phones (as FacetPanel.svelte).
  facets.open = typeof matchMedia === 'function' ? matchMedia('(min-width: 48rem)').matches : true;
  return {
    element: h('div', { class: 'columns' }, facets, section),
    showRows(rows, t, href) {
      list.replaceChildren(...rows.map(({ info, similar }) => resultRow(info, t, href, similar)));
    },
    update({ t, text, isQuery, status: line, isPartial, answer, isBusy, isStale, sort: order }, main) {
      if (status.textContent !== line) status.textContent = line;
      status.toggleAttribute('data-partial', isPartial);
      heading.textContent = isQuery ? t.resultsHeading : t.newestHeading;
      relevance.disabled = !hasRankedWords(text);
      sort.value = shownSort(text, order);
      const cutText = queryCutText(answer, t);
      cut.textContent = cutText;
      cut.hidden = !cutText;
      more.hidden = !(answer && answer.hits.length < (answer.groups ?? answer.total) && list.childElementCount > 0);
      section.setAttribute('aria-busy', String(isBusy));
      main.classList.toggle('stale', isStale && list.childElementCount > 0);
    },
  };
}

/** What a click on which brings the App in the full page (which then gets the same click). */
export const FULL_PAGE_CONTROLS = ['a[data-result-link]', 'button.similar-toggle', 'button.more'];

/** The widget's page before its results: the box, the (empty) filter column, the results' head and an empty list. */
export function fullLayout(t: Messages, lang: string, placeholder: string | undefined): FirstPaintLayout {
  const input = h('input', {
    id: 'fp-input',
    type: 'search',
    part: 'input',
    placeholder: placeholder ?? t.searchPlaceholder,
    'aria-describedby': 'fp-hint',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  const columns = columnsOf(t);
  const form = h(
    'form',
    { class: 'search', role: 'search' },
    h('label', { class: 'visually-hidden', for: 'fp-input' }, t.searchLabel),
    h('div', { class: 'field' }, input),
    h('p', { class: 'hint', id: 'fp-hint' }, t.searchHintNoSlash),
  );
  const main = h('div', { class: 'news-search embedded', lang }, form, h('div', { class: 'notice', 'aria-live': 'assertive', 'aria-atomic': 'true' }), columns.element);
  return {
    main,
    input,
    controls: FULL_PAGE_CONTROLS,
    listsNewest: true,
    showRows: columns.showRows,
    update: (state) => columns.update(state, main),
  };
}

/**
 * What one row shows: a summary (title marks, snippet), a preview without one, nothing yet (its
 * summary is on its way: `'loading'`), or nothing known (its summary failed).
 */
export type RowInfo = { summary: ArticleSummary } | { preview: ArticlePreview } | 'loading' | null;

/**
 * One result (`li > article.result`, and the near-duplicates' button under it when it has some):
 * its title linking to `href`, outlet, date and snippet.
 */
export function resultRow(info: RowInfo, t: Messages, href: (id: string) => string, similar: number): HTMLLIElement {
  const article = h('article', { class: 'result', part: 'result' });
  const known = info === 'loading' ? null : info;
  const summary = known && 'summary' in known ? known.summary : null;
  const preview = known && 'summary' in known ? known.summary : (known?.preview ?? null);
  if (preview) {
    const title = summary ? markedText(summary.title, summary.titleHighlights) : [preview.title];
    const meta = h('p', { class: 'meta' }, h('span', {}, preview.outlet ? t.displayName(preview.outlet) : t.unknownOutlet));
    // The App's whitespace too (a flex row lays none of it out): the same text.
    if (preview.date) meta.append(' ', h('span', { 'aria-hidden': 'true' }, '·'), ' ', h('time', { datetime: preview.date.slice(0, 10) }, formatDate(preview.date, t)));
    article.append(h('h3', {}, h('a', { href: href(preview.id), 'data-result-link': '' }, ...title)), meta);
  } else {
    article.append(h('h3', { class: 'placeholder' }, t.snippetLoading));
  }
  if (summary) {
    const { snippet } = summary;
    article.append(h('p', { class: 'snippet' }, ...(snippet.leadingEllipsis ? ['…'] : []), ...markedText(snippet.text, snippet.highlights), ...(snippet.trailingEllipsis ? ['…'] : [])));
  } else if (!preview && info !== 'loading') {
    article.append(h('p', { class: 'snippet missing' }, t.snippetUnavailable));
  } else if (preview) {
    article.append(h('p', { class: 'snippet placeholder', 'aria-hidden': 'true' }));
  }
  const row = h('li', {}, article);
  if (similar > 0) row.append(h('button', { type: 'button', class: 'similar-toggle', 'aria-expanded': 'false' }, t.similarCount(similar), h('span', { class: 'chevron', 'aria-hidden': 'true' }, '▾')));
  return row;
}
