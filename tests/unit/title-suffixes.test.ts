import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeArticleFile } from '../../src/lib/article/decode-file.ts';
import { normalizeArticle } from '../../src/lib/article/normalize.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { hasOutletSuffix, stripOutletSuffix, TITLE_SUFFIXES_BY_OUTLET } from '../../src/lib/article/title-suffixes.ts';
import { OUTLET_BY_HOST } from '../../src/lib/article/outlets.ts';
import { SHARED_CORPUS } from '../helpers/paths.ts';

const NOW = Date.UTC(2026, 0, 1);

describe('stripOutletSuffix', () => {
  it('removes the two-part RFI suffix with its en dash', () => {
    expect(stripOutletSuffix('渔船在北海翻覆 三人获救 – 法国国际广播电台 - RFI', '法广')).toBe('渔船在北海翻覆 三人获救');
    expect(stripOutletSuffix('渔船在北海翻覆 – 法國國際廣播電台 - RFI', '法广')).toBe('渔船在北海翻覆');
  });

  it('removes the suffixes of BBC, 端傳媒, 美国之音 and 德国之声 after a dash or a bar', () => {
    expect(stripOutletSuffix('一座小镇的最后一家书店 - BBC News 中文', 'BBC')).toBe('一座小镇的最后一家书店');
    expect(stripOutletSuffix('夜市摊主的十年 | 端传媒', '端傳媒')).toBe('夜市摊主的十年');
    expect(stripOutletSuffix('夜市攤主的十年｜端傳媒 Initium Media', '端傳媒')).toBe('夜市攤主的十年');
    expect(stripOutletSuffix('港口扩建计划获批 - 美国之音', '美国之音')).toBe('港口扩建计划获批');
    expect(stripOutletSuffix('柏林的雨季 | DW | 28.07.2020', '德国之声')).toBe('柏林的雨季 | DW | 28.07.2020');
    expect(stripOutletSuffix('柏林的雨季 | DW', '德国之声')).toBe('柏林的雨季');
  });

  it("leaves another outlet's name alone: a repost keeps its attribution", () => {
    expect(stripOutletSuffix('夜市摊主的十年 | 端传媒', '中国数字时代')).toBe('夜市摊主的十年 | 端传媒');
    expect(stripOutletSuffix('一座小镇的最后一家书店 - BBC News 中文', '法广')).toBe('一座小镇的最后一家书店 - BBC News 中文');
  });

  it('keeps program names, hyphenated words and a name inside the title', () => {
    expect(stripOutletSuffix('欧盟预算谈判陷入僵局 - 法国报纸摘要', '法广')).toBe('欧盟预算谈判陷入僵局 - 法国报纸摘要');
    expect(stripOutletSuffix('COVID-19 与 RFI', '法广')).toBe('COVID-19 与 RFI');
    expect(stripOutletSuffix('记者专访：接受德国之声采访的学者', '德国之声')).toBe('记者专访：接受德国之声采访的学者');
    expect(stripOutletSuffix('市场动荡--路透调查', '路透')).toBe('市场动荡--路透调查');
  });

  it('never leaves an empty title', () => {
    expect(stripOutletSuffix('RFI', '法广')).toBe('RFI');
    expect(stripOutletSuffix(' - RFI', '法广')).toBe(' - RFI');
  });

  it('keys the table by outlet names the outlet table knows', () => {
    const known = new Set([...Object.values(OUTLET_BY_HOST), '端傳媒']);
    for (const outlet of Object.keys(TITLE_SUFFIXES_BY_OUTLET)) expect(known, outlet).toContain(outlet);
  });
});

describe('normalizeArticle', () => {
  it('gives the title without its suffix, from front matter and from a [title](url) header', () => {
    const withFrontMatter = '---\ntitle: "渔船在北海翻覆 – 法国国际广播电台 - RFI"\nfrom: https://www.rfi.fr/cn/a\n---\n<p>正文</p>';
    const withHeader = '[一座小镇的最后一家书店 - BBC News 中文](https://www.bbc.com/zhongwen/simp/a)\n------\n<p>正文</p>';
    const title = (source: string) => normalizeArticle(parseArticle(source), { html: '<p>正文</p>', text: '正文' }, 'x.md', { now: NOW }).article.title;
    expect(title(withFrontMatter)).toBe('渔船在北海翻覆');
    expect(title(withHeader)).toBe('一座小镇的最后一家书店');
  });
});

describe('titles of the real archive (../shared/corpus)', () => {
  it('leaves no outlet suffix on any title, and removes the 法广 suffix from hundreds', async () => {
    const files = (await readdir(SHARED_CORPUS)).filter((name) => /\.(md|markdown|txt|html?)$/i.test(name));
    expect(files.length).toBeGreaterThan(3000);
    let stripped = 0;
    const left: string[] = [];
    for (const file of files) {
      const raw = parseArticle(decodeArticleFile(await readFile(path.join(SHARED_CORPUS, file))).text);
      const before = raw.frontMatter?.title ?? raw.headerLink?.title ?? '';
      const { article } = normalizeArticle(raw, { html: '', text: '' }, file, { now: NOW });
      if (before !== '' && article.title !== before.replace(/\s+/g, ' ').trim()) stripped++;
      if (hasOutletSuffix(article.title, article.outlet) || /法国国际广播电台\s*-\s*RFI$/.test(article.title)) left.push(`${file}: ${article.title}`);
    }
    expect(left).toEqual([]);
    // 292 of the corpus's 法广 titles end in " – 法国国际广播电台 - RFI".
    expect(stripped).toBeGreaterThanOrEqual(290);
  }, 120_000);
});
