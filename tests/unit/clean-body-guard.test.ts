import { afterAll, describe, expect, it } from 'vitest';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';
import { countVisibleChars } from '../../src/lib/article/visible-text.ts';

const env = createDomEnv();
afterAll(() => env.close());

const clean = (html: string) => cleanArticleBody(html, { document: env.document, purify: env.purify, baseUrl: 'https://essays.example.org/2021/lab/' });

/** A paragraph of essay text, different each time, long enough to outweigh any furniture. */
const paragraph = (n: number) => `<p>第${n}段：城市里的实验室把旧仓库改成了工作坊，居民每周来这里修理自行车、交换种子，也讨论街区的未来和公共空间的用途。</p>`;
const essay = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join('\n');

describe('cleanArticleBody never drops the story', () => {
  it('keeps a WordPress <article> whose class names a tag containing "share" (tag-share-lab)', () => {
    const html = `<article id="post-812" class="post-812 post type-post status-publish format-standard hentry category-essays tag-share-lab tag-city">
      <div class="entry-content">${essay}</div>
      <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">分享到：</h3><ul><li><a href="https://twitter.com/intent/tweet?url=x">Twitter</a></li></ul></div>
    </article>`;
    const body = clean(html);
    expect(body.text).toContain('第1段');
    expect(body.text).toContain('第12段');
    // The real share bar inside the kept article still goes.
    expect(body.text).not.toContain('分享到');
    expect(body.html).not.toContain('twitter.com');
    expect(body.spared).toBe(1);
    expect(body.text.replace(/\s+/g, '').length * 2).toBeGreaterThan(body.visibleChars);
  });

  it('keeps a story wrapped in an element with an ad-like id, a <footer> or a custom element', () => {
    for (const html of [
      `<div id="ad-free-reading">${essay}</div>`,
      `<footer class="story">${essay}</footer><nav><a href="/">首页</a></nav>`,
      `<amp-story-page>${essay}</amp-story-page>`,
      `<div class="essay-related">${essay}</div>`,
    ]) {
      const body = clean(html);
      expect(body.text, html.slice(0, 40)).toContain('第7段');
      expect(body.html).not.toMatch(/<footer|<amp-|<nav/);
    }
  });

  it('still removes small furniture: share bars, ad slots and related boxes beside the story', () => {
    const html = `${essay}<div class="share-buttons">分享 Facebook Twitter</div><div id="dfp-ad-imu1">广告内容推广</div>
      <div class="jp-relatedposts"><p>相关文章：另一个实验室的故事</p></div><nav>上一篇 下一篇</nav>`;
    const body = clean(html);
    expect(body.text).toContain('第12段');
    expect(body.text).not.toMatch(/Facebook|广告内容|另一个实验室|上一篇/);
    expect(body.spared).toBe(0);
  });

  it('still removes a hidden element however long it is (it is not visible text)', () => {
    const body = clean(`<p>短的正文。</p><div style="display:none">${essay}</div>`);
    expect(body.text).toBe('短的正文。');
    expect(body.visibleChars).toBe(5);
  });
});

describe('countVisibleChars', () => {
  it('counts non-whitespace text outside scripts, styles and hidden elements', () => {
    const root = env.document.implementation.createHTMLDocument('').createElement('div');
    root.innerHTML = '<p>正文 text</p><script>var x = 1;</script><style>p{}</style><div hidden>藏</div><span style="visibility: hidden">藏</span>';
    expect(countVisibleChars(root)).toBe(6);
  });
});

describe('cleanArticleBody: what the guard does not keep', () => {
  it('removes furniture that is most of a very short body (under 200 visible characters)', () => {
    const body = clean('<p>图片新闻。</p><div class="share-panel">分享到微信朋友圈、微博、脸书和推特</div>');
    expect(body.text).toBe('图片新闻。');
    expect(body.spared).toBe(0);
  });

  it('removes a related-links box even when it is longer than the story', () => {
    const links = Array.from({ length: 10 }, (_, i) => `<li><a href="https://essays.example.org/${i}">第${i}篇：另一个街区实验室的故事和居民们的修车工作坊</a></li>`).join('');
    const body = clean(`${paragraph(1)}<div class="entry-related"><ul>${links}</ul></div>`);
    expect(body.text).toContain('第1段');
    expect(body.text).not.toContain('另一个街区');
    expect(body.spared).toBe(0);
  });
});
