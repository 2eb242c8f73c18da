import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse-article.ts';

describe('parseArticle', () => {
  it('reads front matter, the epoch stamp and the title-link header in order', () => {
    const raw = parseArticle(
      '---\nlayout: post\ntitle: "标题"\ndate: 2021-09-28T05:34:24.018Z\nfrom: https://www.zaobao.com/a\ntags: [ 联合早报 ]\ncategories: [ news, 联合早报 ]\n---\n<!--1632825960000-->\n[标题](https://www.zaobao.com/a)\n------\n\n<p>正文</p>',
    );
    expect(raw.frontMatter).toMatchObject({ title: '标题', date: '2021-09-28T05:34:24.018Z', tags: ['联合早报'], categories: ['news', '联合早报'] });
    expect(raw.stampMillis).toBe(1632825960000);
    expect(raw.headerLink).toEqual({ title: '标题', url: 'https://www.zaobao.com/a' });
    expect(raw.body).toBe('<p>正文</p>');
    expect(raw.warnings).toEqual([]);
  });

  it('accepts a file with only the stamp and header, or only a body', () => {
    const stamped = parseArticle('<!--1632857761-->\n[T](https://www.rfa.org/x.html)\n------\n<p>b</p>');
    expect(stamped.frontMatter).toBeNull();
    expect(stamped.stampMillis).toBe(1632857761000); // 10 digits are seconds
    const bare = parseArticle('<p>只有正文</p>');
    expect(bare).toMatchObject({ frontMatter: null, stampMillis: null, headerLink: null, body: '<p>只有正文</p>' });
  });

  it('keeps brackets inside the header title and takes the last ](…) as the URL', () => {
    const raw = parseArticle('[【视频】标题 [2]](http://www.rfi.fr//cn/x)\n------\n<p>b</p>');
    expect(raw.headerLink).toEqual({ title: '【视频】标题 [2]', url: 'http://www.rfi.fr//cn/x' });
  });

  it('does not take a link line without a dashed underline as the header', () => {
    const raw = parseArticle('[not a header](https://example.com)\n<p>b</p>');
    expect(raw.headerLink).toBeNull();
    expect(raw.body).toContain('[not a header]');
  });

  it('reads a date line at the top of the body', () => {
    const raw = parseArticle('[T](https://chinadigitaltimes.net/x/)\n------\n日期：Sat, 27 Jun 2020 13:30:55 +0000\n\n<div>b</div>');
    expect(raw.dateLine).toBe('Sat, 27 Jun 2020 13:30:55 +0000');
    expect(raw.body).toBe('<div>b</div>');
  });

  it('handles a BOM and CRLF line endings', () => {
    const raw = parseArticle('\uFEFF---\r\ntitle: 标题\r\n---\r\n<!--1632825960000-->\r\n<p>b</p>\r\n');
    expect(raw.frontMatter?.title).toBe('标题');
    expect(raw.stampMillis).toBe(1632825960000);
    expect(raw.body.trim()).toBe('<p>b</p>');
  });

  it('survives an alias bomb with a warning and no front matter', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'];
    const raw = parseArticle(`---\n${bomb.join('\n')}\n---\n<p>b</p>`);
    expect(raw.frontMatter).toBeNull();
    expect(raw.warnings.map((w) => w.kind)).toEqual(['invalid-front-matter']);
    expect(raw.body).toBe('<p>b</p>');
  });

  it('treats unsafe YAML tags as plain values and never runs them', () => {
    const raw = parseArticle('---\ntitle: !!js/function "function () { globalThis.__pwned = 1 }"\nauthor: !!python/object:os.system x\n---\n<p>b</p>');
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
    expect(typeof raw.frontMatter?.title).toBe('string');
  });

  it('ignores __proto__ and constructor keys without polluting prototypes', () => {
    const raw = parseArticle('---\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\ntitle: 标题\n---\n<p>b</p>');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(raw.frontMatter?.title).toBe('标题');
    expect(raw.warnings.map((w) => w.kind)).toContain('unsafe-front-matter-key');
  });

  it('reports invalid YAML and keeps going with the other headers', () => {
    const raw = parseArticle('---\ntitle: "unclosed\n  : : bad: [\n---\n[标题](https://www.dw.com/zh/a)\n------\n<p>b</p>');
    expect(raw.frontMatter).toBeNull();
    expect(raw.warnings[0]?.kind).toBe('invalid-front-matter');
    expect(raw.headerLink?.title).toBe('标题');
  });

  it('parses the key lines of unterminated front matter and keeps the body', () => {
    const raw = parseArticle('---\ntitle: 没有结尾\ndate: 2020-07-01\n<p>正文</p>');
    expect(raw.frontMatter).toMatchObject({ title: '没有结尾', date: '2020-07-01' });
    expect(raw.warnings.map((w) => w.kind)).toContain('unterminated-front-matter');
    expect(raw.body).toBe('<p>正文</p>');
  });
});

describe('parseArticle: front matter not on the first line', () => {
  it('reads front matter after blank lines, with a warning', () => {
    const raw = parseArticle('\n\n---\ntitle: 标题\ndate: 2020-07-01\nfrom: https://www.rfi.fr/cn/a\n---\n<p>正文</p>');
    expect(raw.frontMatter).toMatchObject({ title: '标题', date: '2020-07-01', from: 'https://www.rfi.fr/cn/a' });
    expect(raw.body).toBe('<p>正文</p>');
    expect(raw.warnings.map((w) => w.kind)).toEqual(['front-matter-not-at-top']);
  });

  it('reads front matter whose opening line is indented, with a warning', () => {
    const raw = parseArticle('  ---\ntitle: 标题\n---\n<p>正文</p>');
    expect(raw.frontMatter?.title).toBe('标题');
    expect(raw.warnings.map((w) => w.kind)).toEqual(['front-matter-not-at-top']);
  });

  it('leaves a rule after blank lines in the body when no key: value front matter follows it', () => {
    const raw = parseArticle('\n---\n<p>正文</p>');
    expect(raw.frontMatter).toBeNull();
    expect(raw.warnings).toEqual([]);
  });
});
