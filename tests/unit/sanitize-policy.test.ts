import { afterAll, describe, expect, it } from 'vitest';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import {
  ALLOWED_TAGS,
  SANITIZE_CONFIG,
  applySanitizePolicy,
  isAllowedAttribute,
  isHttpUrl,
  sanitizeArticleHtml,
  sanitizeArticleNode,
} from '../../src/lib/article/sanitize-policy.ts';

const env = createDomEnv();
afterAll(() => env.close());

const clean = (html: string): string => sanitizeArticleHtml(env.purify, html);

/** Parses sanitized output again, so assertions look at elements, not at substrings. */
function parse(html: string): HTMLDivElement {
  const root = env.document.implementation.createHTMLDocument('').createElement('div');
  root.innerHTML = html;
  return root;
}

/** Every attribute name in the output, lower-cased. */
function attributeNames(html: string): string[] {
  return Array.from(parse(html).querySelectorAll('*')).flatMap((element) => element.getAttributeNames());
}

describe('sanitizeArticleHtml: script and event handlers', () => {
  it('removes <script> elements and their code but keeps the text around them', () => {
    const out = clean('<p>前<script>alert("x")</script>后</p>');
    expect(out).toBe('<p>前后</p>');
  });

  it('removes inline event handlers in any letter case', () => {
    const out = clean('<p onclick="steal()" ONMOUSEOVER="steal()">文字</p><img src="https://img.example/a.jpg" onerror="steal()">');
    expect(out).not.toMatch(/\son\w+=/i);
    expect(parse(out).querySelector('img')?.getAttribute('src')).toBe('https://img.example/a.jpg');
  });

  it('drops <svg onload> and <math> with everything inside', () => {
    const out = clean('<svg onload="steal()"><text>图</text></svg><math><mi>x</mi></math><p>留下</p>');
    expect(out).toBe('<p>留下</p>');
  });
});

describe('sanitizeArticleHtml: URLs', () => {
  it.each([
    ['javascript:', '<a href="javascript:alert(1)">链接</a>'],
    ['mixed-case JaVaScRiPt:', '<a href="JaVaScRiPt:alert(1)">链接</a>'],
    ['decimal-entity-encoded javascript:', '<a href="&#106;avascript:alert(1)">链接</a>'],
    ['hex-entity-encoded javascript:', '<a href="&#x6A;&#x61;vascript&#x3A;alert(1)">链接</a>'],
    ['javascript: split by a tab entity', '<a href="java&#x09;script:alert(1)">链接</a>'],
    ['javascript: after leading spaces and a newline', '<a href="  \njavascript:alert(1)">链接</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">链接</a>'],
    ['data: HTML', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">链接</a>'],
    ['whatsapp:', '<a href="whatsapp://send?text=hi">链接</a>'],
    ['mailto:', '<a href="mailto:someone@example.org">链接</a>'],
    ['a relative path', '<a href="/zh/article/1">链接</a>'],
    ['a protocol-relative URL', '<a href="//evil.example/x">链接</a>'],
  ])('drops an href with %s and keeps the link text', (_name, html) => {
    const out = clean(html);
    expect(parse(out).querySelector('[href]')).toBeNull();
    expect(parse(out).textContent).toBe('链接');
  });

  it('drops images whose src is a data: URI (DOMPurify alone would allow it on <img>)', () => {
    const out = clean('<p>图<img src="data:image/png;base64,iVBORw0KGgo="></p>');
    expect(out).toBe('<p>图</p>');
  });

  it('drops images with a relative or javascript: src', () => {
    expect(clean('<img src="/a.jpg"><img src="javascript:alert(1)">')).toBe('');
  });

  it('keeps absolute http and https URLs', () => {
    const out = parse(clean('<a href="http://example.org/a">甲</a><a href="https://example.org/b?x=1&amp;y=2">乙</a>'));
    expect(Array.from(out.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'http://example.org/a',
      'https://example.org/b?x=1&y=2',
    ]);
  });

  it('drops srcset even when every candidate is https', () => {
    const out = clean('<img src="https://img.example/a.jpg" srcset="https://img.example/a.jpg 1x, https://img.example/b.jpg 2x">');
    expect(attributeNames(out)).not.toContain('srcset');
  });
});

describe('sanitizeArticleHtml: forbidden elements', () => {
  it('removes <style> with its rules and every style attribute', () => {
    const out = clean('<style>p{color:red}</style><p style="background:url(javascript:alert(1))">字</p>');
    expect(out).toBe('<p>字</p>');
  });

  it('removes forms and their controls; button, select and textarea lose their content too', () => {
    const out = clean(
      '<form action="https://evil.example/"><input name="q" value="x"><button>提交</button><select><option>甲</option></select><textarea>乙</textarea>表单里的字</form>',
    );
    expect(out).toBe('表单里的字');
  });

  it.each([
    ['iframe', '<iframe src="https://evil.example/"></iframe><p>字</p>'],
    ['object', '<object data="https://evil.example/x.swf"><param name="a" value="b"></object><p>字</p>'],
    ['embed', '<embed src="https://evil.example/x.swf"><p>字</p>'],
    ['base', '<base href="https://evil.example/"><p>字</p>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>字</p>'],
    ['link', '<link rel="stylesheet" href="https://evil.example/x.css"><p>字</p>'],
  ])('removes <%s>', (_name, html) => {
    expect(clean(html)).toBe('<p>字</p>');
  });
});

describe('sanitizeArticleHtml: mutation XSS', () => {
  it.each([
    ['style inside svg inside p', '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>'],
    ['mglyph in mtext in a table', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
    ['form and math namespace confusion', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'],
    ['comment breakout', '<!--><img src=x onerror=alert(1)>-->'],
    ['textarea breakout', '<textarea></textarea><img src=x onerror=alert(1)></textarea>'],
  ])('neutralizes %s, and the result is stable when sanitized again', (_name, html) => {
    const once = clean(html);
    expect(once).not.toMatch(/onerror|alert\(|<script|<svg|<math|<style/i);
    expect(clean(once)).toBe(once);
  });
});

describe('sanitizeArticleHtml: what stays', () => {
  it('keeps text structure: paragraphs, headings, lists, quotes, code', () => {
    const html =
      '<h2>小标题</h2><p><strong>粗</strong><b>粗</b><em>斜</em><i>斜</i><u>下</u><s>删</s><sub>下</sub><sup>上</sup><small>小</small><mark>亮</mark></p>' +
      '<ul><li>一</li></ul><ol><li>二</li></ol><dl><dt>词</dt><dd>义</dd></dl><blockquote><p>引文</p></blockquote><q>短引</q><cite>出处</cite>' +
      '<pre><code>x = 1</code></pre><hr><p>行<br>行</p><h3>三</h3><h4>四</h4><h5>五</h5><h6>六</h6>';
    expect(clean(html)).toBe(html);
  });

  it('keeps tables with colspan and rowspan, and figures with captions', () => {
    const html =
      '<table><caption>表</caption><thead><tr><th colspan="2">头</th></tr></thead><tbody><tr><td rowspan="2">格</td><td>格</td></tr></tbody><tfoot><tr><td>脚</td></tr></tfoot></table>' +
      '<figure><img src="https://img.example/a.jpg" alt="图" width="300" height="200" loading="lazy" referrerpolicy="no-referrer"><figcaption>说明</figcaption></figure>' +
      '<p><time datetime="2020-07-21T10:00:00Z">7月21日</time></p>';
    expect(clean(html)).toBe(html);
  });

  it('demotes h1 to h2 in place', () => {
    expect(clean('<p>前</p><h1 class="entry-title">标题<em>!</em></h1><p>后</p>')).toBe('<p>前</p><h2>标题<em>!</em></h2><p>后</p>');
  });

  it('removes class, id, style, data-*, aria-* and per-tag attributes that are not allowed', () => {
    const out = clean(
      '<div class="x" id="y" data-z="1" aria-label="l" role="note" dir="rtl"><p title="t" lang="zh">字</p><td colspan="2">格</td><img src="https://img.example/a.jpg" data-src="x" class="lazy"></div>',
    );
    expect(new Set(attributeNames(out))).toEqual(new Set(['src', 'loading', 'referrerpolicy']));
  });

  it('accepts only small integer sizes', () => {
    const out = parse(clean('<img src="https://img.example/a.jpg" width="100%" height="expression(alert(1))"><img src="https://img.example/b.jpg" width="640" height="360">'));
    const [first, second] = Array.from(out.querySelectorAll('img'));
    expect(first?.hasAttribute('width')).toBe(false);
    expect(first?.hasAttribute('height')).toBe(false);
    expect(second?.getAttribute('width')).toBe('640');
    expect(second?.getAttribute('height')).toBe('360');
  });
});

describe('sanitizeArticleHtml: links and images', () => {
  it('gives every link target=_blank and rel=noopener noreferrer nofollow, replacing what was there', () => {
    const link = parse(clean('<a href="https://example.org/" target="_self" rel="opener">外链</a>')).querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('gives every image loading=lazy and referrerpolicy=no-referrer', () => {
    const image = parse(clean('<img src="https://img.example/a.jpg" loading="eager" referrerpolicy="unsafe-url">')).querySelector('img');
    expect(image?.getAttribute('loading')).toBe('lazy');
    expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('removes an image left without a source', () => {
    expect(clean('<p>字<img alt="无图"></p>')).toBe('<p>字</p>');
  });
});

describe('applySanitizePolicy', () => {
  it('registers the hooks only once per instance', () => {
    applySanitizePolicy(env.purify);
    applySanitizePolicy(env.purify);
    // A second h1 hook would leave an extra empty <h2> behind.
    expect(clean('<h1>题</h1>')).toBe('<h2>题</h2>');
  });

  it('returns the instance it was given', () => {
    expect(applySanitizePolicy(env.purify)).toBe(env.purify);
  });
});

describe('sanitizeArticleNode', () => {
  it('sanitizes a detached div in place and strips the root’s own attributes', () => {
    const root = env.document.implementation.createHTMLDocument('').createElement('div');
    root.setAttribute('onclick', 'steal()');
    root.innerHTML = '<p style="x">字</p><script>alert(1)</script><a href="javascript:alert(1)">链</a>';
    sanitizeArticleNode(env.purify, root);
    expect(root.getAttributeNames()).toEqual([]);
    expect(root.innerHTML).toBe('<p>字</p><a>链</a>');
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    ['HTTPS://EXAMPLE.ORG/', true],
    ['javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['//example.org/a', false],
    ['/relative', false],
    ['https:example.org', false],
    ['data:text/html,x', false],
    ['https://', false],
  ])('%s → %s', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected);
  });
});

describe('SANITIZE_CONFIG', () => {
  it('is frozen, lists included, so no caller can loosen the policy by accident', () => {
    expect(Object.isFrozen(SANITIZE_CONFIG)).toBe(true);
    expect(Object.isFrozen(SANITIZE_CONFIG.ALLOWED_TAGS)).toBe(true);
    expect(Object.isFrozen(SANITIZE_CONFIG.ALLOWED_ATTR)).toBe(true);
    expect(() => (SANITIZE_CONFIG.ALLOWED_TAGS as string[]).push('script')).toThrow();
  });

  it('allows no scriptable or embedding tag and no event or style attribute', () => {
    for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'svg', 'math', 'base', 'meta', 'link', 'h1']) {
      expect(ALLOWED_TAGS).not.toContain(tag);
    }
    for (const attribute of ['style', 'class', 'id', 'onerror', 'srcset', 'target']) {
      expect(SANITIZE_CONFIG.ALLOWED_ATTR).not.toContain(attribute);
    }
  });
});

describe('isAllowedAttribute', () => {
  it('allows href only on links and src only on images', () => {
    expect(isAllowedAttribute('a', 'href')).toBe(true);
    expect(isAllowedAttribute('img', 'href')).toBe(false);
    expect(isAllowedAttribute('img', 'src')).toBe(true);
    expect(isAllowedAttribute('p', 'title')).toBe(false);
  });
});

describe('sanitizeArticleHtml: customized built-in elements', () => {
  it('keeps no is= value (DOMPurify leaves an empty one on a string)', () => {
    expect(clean('<div is="x-evil"><p is="y">正文</p></div>')).not.toMatch(/x-evil|is="y"/);
  });

  it('in place, stores no is= attribute at all, attributes and children kept', () => {
    const root = env.document.createElement('div');
    root.innerHTML = '<div is="x-evil"><p is="y">正文<a is="z" href="https://a.example/">链接</a></p></div>';
    sanitizeArticleNode(env.purify, root);
    expect(root.innerHTML).toBe('<div><p>正文<a href="https://a.example/" target="_blank" rel="noopener noreferrer nofollow">链接</a></p></div>');
  });
});
