import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { articleNumberOfUrl, articlePageUrl, escapeHtml, renderArticlePage, renderSearchPage } from '../../scripts/bench/render-pages.ts';

const ARTICLE = { title: '王毅 <script>alert(1)</script> & "美国"', url: 'https://www.rfi.fr/cn/a?x="1"', outlet: '法广 <b>', date: '2020-07-20T08:00:00.000Z' };

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderArticlePage', () => {
  const html = renderArticlePage(ARTICLE, '<p>正文 <a href="https://example.com/">链接</a></p>');
  const doc = new JSDOM(html).window.document;

  it('escapes the title: it stays text in the <title> and the <h1>, and adds no element', () => {
    expect(doc.title).toBe(ARTICLE.title);
    expect(doc.querySelector('h1')?.textContent).toBe(ARTICLE.title);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('puts the title and the body, and nothing else, in the indexed article', () => {
    const body = doc.querySelector('[data-pagefind-body]');
    expect(body?.tagName).toBe('ARTICLE');
    expect(body?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`${ARTICLE.title} 正文 链接`);
    expect(body?.querySelector('a')?.getAttribute('href')).toBe('https://example.com/');
  });

  it('tags the outlet as a filter and the date as meta and sort key, with escaped values', () => {
    const outlet = doc.querySelector('meta[data-pagefind-filter="outlet[content]"]');
    expect(outlet?.getAttribute('content')).toBe('法广 <b>');
    const date = doc.querySelector('meta[data-pagefind-sort="date[content]"]');
    expect(date?.getAttribute('data-pagefind-meta')).toBe('date[content]');
    expect(date?.getAttribute('content')).toBe(ARTICLE.date);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(ARTICLE.url);
  });

  it('omits the date tags for an undated article', () => {
    const undated = new JSDOM(renderArticlePage({ ...ARTICLE, date: '' }, '')).window.document;
    expect(undated.querySelector('[data-pagefind-sort]')).toBeNull();
  });

  it('declares the page language Pagefind segments Chinese for', () => {
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(new JSDOM(renderSearchPage()).window.document.documentElement.lang).toBe('zh-CN');
  });
});

describe('renderSearchPage', () => {
  it('loads the Component UI and has its search box, summary and results', () => {
    const doc = new JSDOM(renderSearchPage()).window.document;
    expect(doc.querySelector('script[type=module]')?.getAttribute('src')).toBe('/pagefind/pagefind-component-ui.js');
    for (const tag of ['pagefind-input', 'pagefind-summary', 'pagefind-results']) expect(doc.querySelector(tag)).not.toBeNull();
    expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
  });
});

describe('articlePageUrl / articleNumberOfUrl', () => {
  it('round-trips an article number and rejects other URLs', () => {
    expect(articleNumberOfUrl(articlePageUrl(42))).toBe(42);
    expect(articleNumberOfUrl('/a/42/index.html')).toBe(42);
    expect(articleNumberOfUrl('/')).toBeNull();
    expect(articleNumberOfUrl('/a/x/')).toBeNull();
  });
});
