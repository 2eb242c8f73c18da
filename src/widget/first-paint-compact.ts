/**
 * Compact mode's first paint (`compact`): the App's `CompactSearch.svelte`, a search box whose
 * results drop down under it (the ARIA combobox pattern), made with DOM calls as
 * `first-paint-view.ts` makes the full page. It shows the options; moving through them (the arrow
 * keys, Enter, Escape) and choosing one are the App's, which `first-paint.ts` brings for them.
 */
import { formatDate, type Messages } from '../ui/i18n/i18n.ts';
import { h, markedText, type FirstPaintLayout } from './first-paint-view.ts';

/** The compact box, its status line and its (hidden) list of options. */
export function compactLayout(t: Messages, lang: string, placeholder: string | undefined): FirstPaintLayout {
  const input = h('input', {
    id: 'fp-input',
    type: 'search',
    role: 'combobox',
    part: 'input',
    'aria-expanded': 'false',
    'aria-controls': 'fp-listbox',
    'aria-autocomplete': 'list',
    'aria-describedby': 'fp-status',
    placeholder: placeholder ?? t.searchPlaceholder,
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  const status = h('p', { class: 'status', id: 'fp-status', role: 'status' });
  const list = h('ul', { id: 'fp-listbox', role: 'listbox', 'aria-label': t.resultsHeading, hidden: '' });
  const compact = h('div', { class: 'compact' }, h('form', { role: 'search' }, h('label', { class: 'visually-hidden', for: 'fp-input' }, t.searchLabel), input), status, list);
  const main = h('div', { class: 'news-search embedded', lang }, compact, h('div', { class: 'notice', 'aria-live': 'assertive', 'aria-atomic': 'true' }));
  // Open while the box has focus (or is typed into), as the App's: a press on an option keeps the focus in the box.
  let isOpen = false;
  let hasAnswer = false;
  const expand = () => {
    const isExpanded = isOpen && hasAnswer && input.value.trim() !== '' && list.childElementCount > 0;
    list.hidden = !isExpanded;
    input.setAttribute('aria-expanded', String(isExpanded));
  };
  const open = (value: boolean) => {
    isOpen = value;
    expand();
  };
  input.addEventListener('focus', () => open(true));
  input.addEventListener('input', () => open(true));
  compact.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && compact.contains(event.relatedTarget))) open(false);
  });
  list.addEventListener('pointerdown', (event) => event.preventDefault());
  return {
    main,
    input,
    controls: ['li[role="option"]'],
    listsNewest: false,
    showRows(rows, t) {
      list.replaceChildren(
        ...rows.map(({ info }, index) => {
          const option = h('li', { id: `fp-option-${index}`, role: 'option', part: 'result', 'aria-selected': 'false' });
          const summary = info && info !== 'loading' && 'summary' in info ? info.summary : null;
          if (!summary) {
            option.append(h('span', { class: 'title' }, t.snippetLoading));
            return option;
          }
          const meta = h('span', { class: 'meta' }, summary.outlet ? t.displayName(summary.outlet) : t.unknownOutlet);
          if (summary.date) meta.append('\u00a0·\u00a0', h('time', { datetime: summary.date.slice(0, 10) }, formatDate(summary.date, t)));
          const { snippet } = summary;
          option.append(
            h('span', { class: 'title' }, ...markedText(summary.title, summary.titleHighlights)),
            meta,
            h('span', { class: 'snippet' }, ...(snippet.leadingEllipsis ? ['…'] : []), ...markedText(snippet.text, snippet.highlights), ...(snippet.trailingEllipsis ? ['…'] : [])),
          );
          return option;
        }),
      );
      expand();
    },
    update({ text, status: line, answer, isSearching }) {
      const shown = text.trim() ? line : '';
      if (status.textContent !== shown) status.textContent = shown;
      list.setAttribute('aria-busy', String(isSearching));
      hasAnswer = answer !== null;
      expand();
    },
  };
}
