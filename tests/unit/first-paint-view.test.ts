// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fullLayout, markedText, resultRow } from '../../src/widget/first-paint-view.ts';
import { compactLayout } from '../../src/widget/first-paint-compact.ts';
import { ZH_HANS } from '../../src/ui/i18n/i18n.ts';
import type { ArticleSummary } from '../../src/protocol/worker-protocol.ts';

/** What a list of nodes and strings renders as, marks written as [[…]]. */
function rendered(parts: Array<Node | string>): string {
  return parts.map((part) => (typeof part === 'string' ? part : `[[${part.textContent}]]`)).join('');
}

const TITLE = '<img src=x onerror="window.__xss=1">王毅访欧';
const summary: ArticleSummary = {
  number: 7,
  id: 'abc123',
  title: TITLE,
  outlet: '法广',
  date: '2023-09-26T08:00:00Z',
  url: 'https://example.org/a',
  text: '王毅',
  titleHighlights: [[TITLE.indexOf('王毅'), TITLE.indexOf('王毅') + 2]],
  snippet: { text: '外长王毅周二<script>x()</script>抵达', start: 40, highlights: [[2, 4]], leadingEllipsis: true, trailingEllipsis: false },
};

describe('markedText', () => {
  it('marks the ranges as HighlightedText.svelte does, skipping ranges out of order or out of bounds', () => {
    expect(rendered(markedText('王毅访问欧洲', [[0, 2], [1, 3], [4, 9], [4, 6]]))).toBe('[[王毅]]访问[[欧洲]]');
    expect(rendered(markedText('abc', []))).toBe('abc');
  });
});

describe('resultRow', () => {
  const href = (id: string) => `?q=王毅#a=${id}`;

  it('makes the App\u2019s row, untrusted text as text', () => {
    const row = resultRow({ summary }, ZH_HANS, href, 2);
    const article = row.querySelector('article.result')!;
    expect(article.getAttribute('part')).toBe('result');
    const link = article.querySelector('h3 > a[data-result-link]')!;
    expect(link.getAttribute('href')).toBe('?q=王毅#a=abc123');
    expect(link.textContent).toBe(summary.title);
    expect(link.querySelector('img')).toBeNull();
    expect(link.querySelector('mark')!.textContent).toBe('王毅');
    expect(article.querySelector('.meta')!.textContent).toBe('法广 · 2023年9月26日');
    expect(article.querySelector('time')!.getAttribute('datetime')).toBe('2023-09-26');
    const snippet = article.querySelector('p.snippet')!;
    expect(snippet.textContent).toBe('…外长王毅周二<script>x()</script>抵达');
    expect(snippet.querySelector('script')).toBeNull();
    expect(snippet.querySelector('mark')!.textContent).toBe('王毅');
    expect(row.querySelector('button.similar-toggle')!.textContent).toBe(`${ZH_HANS.similarCount(2)}▾`);
  });

  it('says when a row\u2019s summary failed, and keeps a preview\u2019s snippet place', () => {
    const failed = resultRow(null, ZH_HANS, href, 0);
    expect(failed.querySelector('h3.placeholder')!.textContent).toBe(ZH_HANS.snippetLoading);
    expect(failed.querySelector('p.snippet.missing')!.textContent).toBe(ZH_HANS.snippetUnavailable);
    const { text, titleHighlights, snippet, ...preview } = summary;
    void [text, titleHighlights, snippet];
    const listed = resultRow({ preview: { ...preview, outlet: '' } }, ZH_HANS, href, 0);
    expect(listed.querySelector('.meta span')!.textContent).toBe(ZH_HANS.unknownOutlet);
    expect(listed.querySelector('p.snippet.placeholder')!.getAttribute('aria-hidden')).toBe('true');
    expect(listed.querySelector('button')).toBeNull();
  });
});

describe('fullLayout', () => {
  it('labels the box and says the status politely, in the language given', () => {
    const layout = fullLayout(ZH_HANS, 'zh-Hans', undefined);
    const { main, input } = layout;
    expect(main.getAttribute('lang')).toBe('zh-Hans');
    expect(input.type).toBe('search');
    expect(input.placeholder).toBe(ZH_HANS.searchPlaceholder);
    expect(main.querySelector(`label[for="${input.id}"]`)!.textContent).toBe(ZH_HANS.searchLabel);
    const status = main.querySelector('[role="status"]')!;
    const section = main.querySelector('section.results')!;
    expect(main.querySelector(`#${section.getAttribute('aria-labelledby')}`)!.tagName).toBe('H2');
    layout.update({ t: ZH_HANS, text: '王毅', isQuery: true, status: '找到 3 篇文章', isPartial: false, answer: null, isSearching: false, isBusy: false, isStale: false, sort: 'relevance' });
    expect(status.textContent).toBe('找到 3 篇文章');
    expect(section.getAttribute('aria-busy')).toBe('false');
    expect(main.querySelector('select')!.value).toBe('relevance');
    layout.update({ t: ZH_HANS, text: '', isQuery: false, status: '共 9 篇文章', isPartial: false, answer: null, isSearching: true, isBusy: true, isStale: true, sort: 'relevance' });
    expect(main.querySelector('section.results h2')!.textContent).toBe(ZH_HANS.newestHeading);
    expect(main.querySelector('select')!.value).toBe('newest');
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(fullLayout(ZH_HANS, 'zh-Hans', '搜索新闻').input.placeholder).toBe('搜索新闻');
  });
});

describe('compactLayout', () => {
  it('is a combobox whose list opens with its options while the box has focus', () => {
    const layout = compactLayout(ZH_HANS, 'zh-Hans', undefined);
    document.body.append(layout.main);
    const { input, main } = layout;
    const list = main.querySelector('[role="listbox"]') as HTMLElement;
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    input.value = '王毅';
    layout.showRows([{ info: { summary }, similar: 0 }], ZH_HANS, () => '');
    layout.update({ t: ZH_HANS, text: '王毅', isQuery: true, status: '找到 1 篇文章', isPartial: false, answer: { total: 1, approximate: false, hits: [], facets: { counts: {}, dates: {}, dateBucket: 'year' }, searched: { articles: 1, of: 1 } }, isSearching: false, isBusy: false, isStale: false, sort: 'relevance' });
    expect(list.hidden).toBe(true);
    input.focus();
    expect(list.hidden).toBe(false);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const option = list.querySelector('[role="option"]')!;
    expect(option.querySelector('.title')!.textContent).toBe(TITLE);
    expect(option.querySelector('.title img')).toBeNull();
    expect(option.querySelector('.meta')!.textContent).toBe('法广\u00a0·\u00a02023年9月26日');
    expect(main.querySelector('[role="status"]')!.textContent).toBe('找到 1 篇文章');
    input.blur();
    expect(list.hidden).toBe(true);
    layout.main.remove();
  });
});
