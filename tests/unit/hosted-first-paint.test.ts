// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hostedLayout, paintsFirst } from '../../src/boot/hosted-first-paint.ts';
import { HOSTED_FIRST_PAINT_CSS, scopedCss } from '../../src/boot/first-paint-hosted-css.ts';
import { resultRow } from '../../src/widget/first-paint-view.ts';
import { ZH_HANS } from '../../src/ui/i18n/i18n.ts';
import { DEFAULT_URL_STATE } from '../../src/ui/state/url-state.ts';

/** index.html's boot box, as its markup writes it. */
function bootBox(): { boot: HTMLElement; input: HTMLInputElement } {
  document.body.innerHTML = `<div id="app"><div id="boot"><div class="top"></div><form role="search" action="./"><input type="search" name="q" aria-label="搜索新闻文章 · Search news articles" autocomplete="off" /></form></div></div>`;
  return { boot: document.getElementById('boot')!, input: document.querySelector('#boot input')! };
}

describe('scopedCss', () => {
  it('puts every selector inside the scope, .news-search becoming the scope itself, in @media blocks too', () => {
    expect(scopedCss('.news-search.stale .list{opacity:.5}\nmark,a{color:red}', '#boot')).toBe('#boot.stale .list{opacity:.5}\n#boot mark,#boot a{color:red}');
    expect(scopedCss('@media (min-width:48rem){.columns{display:grid}h3{margin:0}}', '#boot')).toBe('@media (min-width:48rem){#boot .columns{display:grid}#boot h3{margin:0}}');
  });

  it('leaves no rule of the hosted sheet outside the boot box', () => {
    const selectors = [...HOSTED_FIRST_PAINT_CSS.matchAll(/(?:^|[{}])([^{}@]+)\{/g)].flatMap((match) => match[1]!.split(',').map((selector) => selector.trim()));
    expect(selectors.length).toBeGreaterThan(30);
    for (const selector of selectors) expect(selector, selector).toMatch(/^#boot\b/);
  });
});

describe('hostedLayout', () => {
  it('grows the page around the boot box\u2019s own input, which stays where it is (its focus, caret and IME with it)', () => {
    const { boot, input } = bootBox();
    const form = input.form;
    const layout = hostedLayout(boot, input, ZH_HANS, 'zh-Hans');
    expect(layout.input).toBe(input);
    expect(layout.main).toBe(boot);
    expect(boot.classList.contains('news-search')).toBe(true);
    expect(input.form).toBe(form);
    expect(input.parentElement).toBe(form);
    expect(boot.querySelector('.top h1')?.textContent).toBe(ZH_HANS.appTitle);
    expect(input.getAttribute('aria-label')).toBe(ZH_HANS.searchLabel);
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(ZH_HANS.searchHint);
    expect(boot.querySelector('.columns > details.facets summary h2')?.textContent).toBe(ZH_HANS.filtersHeading);
    expect(boot.querySelector('.columns > section.results [role="status"]')).not.toBeNull();
  });

  it('shows rows and the status line as the App does; untrusted titles stay text', () => {
    const { boot, input } = bootBox();
    const layout = hostedLayout(boot, input, ZH_HANS, 'zh-Hant');
    expect(boot.lang).toBe('zh-Hant');
    const title = '<img src=x onerror="alert(1)">王毅';
    layout.showRows([{ info: { preview: { number: 1, id: 'x1', title, outlet: '法广', date: '2024-01-02T00:00:00Z', url: 'https://example.org/1' } }, similar: 0 }], ZH_HANS, (id) => `?q=王毅#a=${id}`);
    layout.update({ t: ZH_HANS, text: '王毅', isQuery: true, status: '找到 1 篇文章', isPartial: false, answer: null, isSearching: false, isBusy: false, isStale: false, sort: 'relevance' });
    expect(boot.querySelector('[role="status"]')?.textContent).toBe('找到 1 篇文章');
    expect(boot.querySelector('section.results')?.getAttribute('aria-busy')).toBe('false');
    expect(boot.querySelector('article h3 a')?.textContent).toBe(title);
    expect(boot.querySelector('img')).toBeNull();
  });
});

describe('resultRow while its summary is on its way', () => {
  it('is the App\u2019s placeholder row: no link, no snippet, not "unavailable"', () => {
    const article = resultRow('loading', ZH_HANS, (id) => id, 0).querySelector('article')!;
    expect(article.querySelector('h3.placeholder')?.textContent).toBe(ZH_HANS.snippetLoading);
    expect(article.querySelector('a, p.snippet')).toBeNull();
  });
});

describe('paintsFirst', () => {
  it('paints words and a language first; filters, dates, another order (a chip) and an article open the App at once', () => {
    expect(paintsFirst({ ...DEFAULT_URL_STATE, text: '王毅', lang: 'en' })).toBe(true);
    expect(paintsFirst({ ...DEFAULT_URL_STATE, text: '王毅', sort: 'newest' })).toBe(false);
    expect(paintsFirst(DEFAULT_URL_STATE)).toBe(true);
    expect(paintsFirst({ ...DEFAULT_URL_STATE, filters: { outlet: ['法广'] } })).toBe(false);
    expect(paintsFirst({ ...DEFAULT_URL_STATE, from: '2020-01-01' })).toBe(false);
    expect(paintsFirst({ ...DEFAULT_URL_STATE, articleId: 'abc' })).toBe(false);
  });
});
