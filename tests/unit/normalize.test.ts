import { describe, expect, it } from 'vitest';
import { dateFromFileName, isPlausibleDate, parseArchiveDate } from '../../src/lib/article/dates.ts';
import { normalizeArticle, titleFromFileName } from '../../src/lib/article/normalize.ts';
import { canonicalOutletName, outletFromHost, outletFromTaxonomy } from '../../src/lib/article/outlets.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { canonicalUrl, urlIdentity } from '../../src/lib/article/urls.ts';

const NOW = Date.UTC(2026, 0, 1);
const normalize = (source: string, file = 'x.md', text = '正文') =>
  normalizeArticle(parseArticle(source), { html: '<p>正文</p>', text }, file, { now: NOW });

describe('outlets', () => {
  it('maps every host in the archive to the name its front matter uses', () => {
    expect(outletFromHost('www.rfi.fr')).toBe('法广');
    expect(outletFromHost('cn.reuters.com')).toBe('路透');
    expect(outletFromHost('www.voachinese.com')).toBe('美国之音');
    expect(outletFromHost('www.dw.com')).toBe('德国之声');
    expect(outletFromHost('www.bbc.com')).toBe('BBC');
    expect(outletFromHost('www.zaobao.com')).toBe('联合早报');
    expect(outletFromHost('www.rfa.org')).toBe('自由亚洲电台');
    expect(outletFromHost('www.rti.org.tw')).toBe('RTI 中央廣播電臺');
    expect(outletFromHost('cn.ft.com')).toBe('金融时报');
    expect(outletFromHost('cn.nytimes.com')).toBe('纽约时报');
    expect(outletFromHost('chinadigitaltimes.net')).toBe('中国数字时代');
    expect(outletFromHost('theinitium.com')).toBe('端傳媒');
    expect(outletFromHost('example.org')).toBeNull();
  });

  it('merges spellings of the same outlet into one name', () => {
    expect(canonicalOutletName('Reuters')).toBe('路透');
    expect(canonicalOutletName('RFI')).toBe('法广');
    expect(canonicalOutletName('美國之音')).toBe('美国之音');
    expect(canonicalOutletName('  BBC  ')).toBe('BBC');
    expect(canonicalOutletName('某个新网站')).toBe('某个新网站');
  });

  it('skips generic categories such as news', () => {
    expect(outletFromTaxonomy([], ['news', '法广'])).toBe('法广');
    expect(outletFromTaxonomy(['香港', 'RFI'], [])).toBe('法广');
    expect(outletFromTaxonomy([], ['news'])).toBeNull();
  });
});

describe('dates', () => {
  it('reads the formats the archive uses as UTC', () => {
    expect(parseArchiveDate('2021-09-28T05:34:24.018Z')).toBe(Date.UTC(2021, 8, 28, 5, 34, 24, 18));
    expect(parseArchiveDate('2015-12-25')).toBe(Date.UTC(2015, 11, 25));
    expect(parseArchiveDate('Sat, 27 Jun 2020 13:30:55 +0000')).toBe(Date.UTC(2020, 5, 27, 13, 30, 55));
    expect(parseArchiveDate('26/09/2023 - 11:37')).toBe(Date.UTC(2023, 8, 26, 11, 37));
    expect(parseArchiveDate('2020年7月1日')).toBe(Date.UTC(2020, 6, 1));
    expect(parseArchiveDate('2020-07-01 08:00:00 +0800')).toBe(Date.UTC(2020, 6, 1, 0, 0));
    expect(parseArchiveDate('2020-02-31')).toBeNull();
    expect(parseArchiveDate('下周一')).toBeNull();
  });

  it('reads a YYYY-MM-DD file-name prefix', () => {
    expect(dateFromFileName('2020-07-30-标题.md')).toBe(Date.UTC(2020, 6, 30));
    expect(dateFromFileName('1046909_标题.md')).toBeNull();
  });

  it('calls dates before 1990 or years ahead implausible', () => {
    expect(isPlausibleDate(0, NOW)).toBe(false);
    expect(isPlausibleDate(Date.UTC(2099, 0, 1), NOW)).toBe(false);
    expect(isPlausibleDate(Date.UTC(2020, 0, 1), NOW)).toBe(true);
  });
});

describe('urls', () => {
  it('repairs the double slash in RFI links and drops tracking parameters', () => {
    expect(canonicalUrl('http://www.rfi.fr//cn/中国/20200630-x')).toBe('http://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20200630-x');
    expect(canonicalUrl('https://a.com/x?utm_source=feed&id=3#top')).toBe('https://a.com/x?id=3');
    expect(canonicalUrl('javascript:alert(1)')).toBe('');
    expect(canonicalUrl('not a url')).toBe('');
  });

  it('gives the same identity to www/no-www, http/https and trailing-slash variants', () => {
    expect(urlIdentity(canonicalUrl('https://www.zaobao.com/a/b/'))).toBe(urlIdentity(canonicalUrl('http://zaobao.com/a/b')));
  });
});

describe('normalizeArticle', () => {
  it('uses the front matter first: title, from, tags, date', () => {
    const { article, warnings } = normalize(
      '---\ntitle: "王毅：对话"\ndate: 2021-09-28T05:34:24.018Z\nauthor: 联合早报\nfrom: https://www.zaobao.com/a\ntags: [ 联合早报 ]\n---\n<!--1632825960000-->\n<p>b</p>',
    );
    expect(article).toMatchObject({ title: '王毅：对话', url: 'https://www.zaobao.com/a', outlet: '联合早报', author: '', date: '2021-09-28T05:34:24.018Z' });
    expect(warnings).toEqual([]);
  });

  it('falls back to the header link and the host table without front matter', () => {
    const { article } = normalize('<!--1632857761000-->\n[北约呼吁对话](https://www.rfa.org/mandarin/a.html)\n------\n<p>b</p>');
    expect(article).toMatchObject({ title: '北约呼吁对话', outlet: '自由亚洲电台', date: '2021-09-28T19:36:01.000Z' });
  });

  it('keeps an author who is a person, not the outlet', () => {
    const { article } = normalize('---\ntitle: T\nauthor: 张三\nfrom: https://www.dw.com/zh/a\n---\n<p>b</p>');
    expect(article.author).toBe('张三');
    expect(article.outlet).toBe('德国之声');
  });

  it('takes the date from the file name, then a date line, with a warning', () => {
    const fromName = normalize('[T](https://www.bbc.com/a)\n------\n<p>b</p>', 'news/2020-07-30-标题.md');
    expect(fromName.article.date).toBe('2020-07-30T00:00:00.000Z');
    expect(fromName.warnings.map((w) => w.kind)).toContain('date-from-file-name');
    const fromLine = normalize('[T](https://chinadigitaltimes.net/a/)\n------\n日期：Sat, 27 Jun 2020 13:30:55 +0000\n<p>b</p>');
    expect(fromLine.article.date).toBe('2020-06-27T13:30:55.000Z');
  });

  it('turns an implausible date into a warning and uses the next source', () => {
    const { article, warnings } = normalize('---\ntitle: T\ndate: 1901-01-01\n---\n<!--1632857761000-->\n<p>b</p>');
    expect(article.date).toBe('2021-09-28T19:36:01.000Z');
    expect(warnings.map((w) => w.kind)).toContain('implausible-date');
  });

  it('falls back to the file name for a missing title, with a warning', () => {
    const { article, warnings } = normalize('<p>b</p>', '1046909_疫情冲击足坛 – 法国国际广播电台 - RFI.md');
    expect(article.title).toBe('疫情冲击足坛');
    expect(warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['missing-title', 'missing-url', 'unknown-outlet', 'missing-date']));
  });

  it('keeps markup in titles as literal text', () => {
    const { article } = normalize('---\ntitle: "<b>A</b> &amp; B"\n---\n<p>b</p>');
    expect(article.title).toBe('<b>A</b> & B');
  });

  it('strips scraper suffixes from file-name titles', () => {
    expect(titleFromFileName('2020-07-30-标题 - BBC News 中文.md')).toBe('标题');
  });
});

describe('dates that never lie', () => {
  it('rejects calendar dates that do not exist, with or without a time', () => {
    expect(parseArchiveDate('2023-02-30T10:00:00Z')).toBeNull();
    expect(parseArchiveDate('2023-04-31 08:00')).toBeNull();
    expect(parseArchiveDate('2023-02-28T25:00:00Z')).toBeNull();
    expect(parseArchiveDate('2023-02-30T10:00:00.000+08:00')).toBeNull();
    expect(parseArchiveDate('Thu, 31 Apr 2023 10:00:00 +0000')).toBeNull();
    expect(parseArchiveDate('9999-99-99')).toBeNull();
    expect(parseArchiveDate('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
  });

  it('names an unusable front-matter date and the stamp used instead', () => {
    const { article, warnings } = normalize('---\ntitle: T\ndate: 2023-02-30T10:00:00Z\n---\n<!--1632857761000-->\n<p>b</p>');
    expect(article.date).toBe('2021-09-28T19:36:01.000Z');
    expect(warnings).toContainEqual({
      kind: 'invalid-date',
      message: 'front matter date “2023-02-30T10:00:00Z” is not a calendar date; used the epoch stamp (2021-09-28T19:36:01.000Z)',
    });
  });

  it('names a front-matter date that is not a date, and says the article is undated when nothing else dates it', () => {
    const { article, warnings } = normalize('---\ntitle: T\ndate: yesterday\n---\n<p>b</p>');
    expect(article.date).toBe('');
    expect(warnings.map((w) => w.message)).toContain('front matter date “yesterday” is not a calendar date; no other date found, the article is undated');
    const nines = normalize('---\ntitle: T\ndate: 9999-99-99\n---\n<p>b</p>', '2020-07-30-t.md');
    expect(nines.article.date).toBe('2020-07-30T00:00:00.000Z');
    expect(nines.warnings.map((w) => w.message)).toContain('front matter date “9999-99-99” is not a calendar date; used the file name (2020-07-30T00:00:00.000Z)');
  });

  it('names the fallback after an implausible date', () => {
    const { warnings } = normalize('---\ntitle: T\ndate: 1901-01-01\n---\n<!--1632857761000-->\n<p>b</p>');
    expect(warnings).toContainEqual({ kind: 'implausible-date', message: 'ignored implausible front matter date 1901-01-01T00:00:00.000Z; used the epoch stamp (2021-09-28T19:36:01.000Z)' });
  });
});

describe('outlets from tags', () => {
  it('takes a tag as the outlet only when the outlet table knows it, else the host', () => {
    expect(outletFromTaxonomy(['t0'], [])).toBeNull();
    expect(normalize('---\ntitle: T\nfrom: https://www.rfi.fr/cn/a\ntags: [t0]\n---\n<p>b</p>').article.outlet).toBe('法广');
    const script = normalize('---\ntitle: T\nfrom: https://www.rfi.fr/cn/a\ntags: ["<script>alert(1)</script>"]\n---\n<p>b</p>');
    expect(script.article.outlet).toBe('法广');
    expect(normalize('---\ntitle: T\ntags: [城寨]\n---\n<p>b</p>').article.outlet).toBe('城寨');
  });

  it('falls back to the host name, with a warning, when neither a tag nor the host is known', () => {
    const { article, warnings } = normalize('---\ntitle: T\nfrom: https://news.example.org/a\ntags: [香港]\n---\n<p>b</p>');
    expect(article.outlet).toBe('news.example.org');
    expect(warnings.map((w) => w.kind)).toContain('unknown-outlet');
  });
});
