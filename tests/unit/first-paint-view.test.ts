// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { firstPaintShell, markedText, resultRow } from '../../src/widget/first-paint-view.ts';
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

describe('firstPaintShell', () => {
  it('labels the box and says the status politely, in the language given', () => {
    const shell = firstPaintShell(ZH_HANS, 'zh-Hans', undefined);
    expect(shell.main.getAttribute('lang')).toBe('zh-Hans');
    expect(shell.input.type).toBe('search');
    expect(shell.input.placeholder).toBe(ZH_HANS.searchPlaceholder);
    expect(shell.main.querySelector(`label[for="${shell.input.id}"]`)!.textContent).toBe(ZH_HANS.searchLabel);
    expect(shell.status.getAttribute('role')).toBe('status');
    expect(shell.section.getAttribute('aria-labelledby')).toBe(shell.heading.id);
    expect(firstPaintShell(ZH_HANS, 'zh-Hans', '搜索新闻').input.placeholder).toBe('搜索新闻');
  });
});
