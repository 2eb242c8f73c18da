import { describe, expect, it } from 'vitest';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';
import { compileArchive, type CompileResult } from '../../scripts/compiler/compile-archive.ts';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { SHARED_CORPUS, SHARED_SEEDS } from '../helpers/paths.ts';

const env = createDomEnv();
const cleanBody: Parameters<typeof compileArchive>[0]['cleanBody'] = (html, context) => cleanArticleBody(html, { ...env, ...context });

describe('compiling the real archive (../shared/corpus)', () => {
  let result: CompileResult;

  it('accounts for every file: indexed + skipped + duplicates = files', async () => {
    result = await compileArchive({ input: SHARED_CORPUS, workers: 2, minFilesPerWorker: 200 });
    const { files, indexed, skipped, duplicates } = result.report;
    expect(files).toBe(3210);
    expect(indexed + skipped.length + duplicates.length).toBe(files);
    expect(indexed).toBeGreaterThan(3000);
  }, 300_000);

  it('finds an outlet and a date for at least 99% of the indexed articles', () => {
    const { articles } = result;
    const withOutlet = articles.filter((a) => a.outlet !== '').length;
    const withDate = articles.filter((a) => a.date !== '').length;
    expect(withOutlet / articles.length).toBeGreaterThanOrEqual(0.99);
    expect(withDate / articles.length).toBeGreaterThanOrEqual(0.99);
  });

  it('lands articles with and without front matter on the same outlet names', () => {
    const outlets = new Set(result.articles.map((a) => a.outlet));
    for (const raw of ['rfi.fr', 'cn.reuters.com', 'bbc.com', 'www.voachinese.com', 'www.dw.com']) expect(outlets.has(raw)).toBe(false);
    for (const name of ['法广', '路透', 'BBC', '美国之音', '德国之声', '自由亚洲电台', '联合早报', 'RTI 中央廣播電臺']) expect(outlets.has(name)).toBe(true);
  });

  it('leaves no scripts, handlers, styles or page furniture in any body', () => {
    for (const article of result.articles) {
      expect(article.html).not.toMatch(/<script|<style|<iframe|<form|\son\w+=|javascript:|style=/i);
      expect(article.html).not.toMatch(/dfp-ad|subscribe\.sph\.com\.sg|获取更多RSS|feedx\.net/);
    }
  });
});

describe('compiling the seeds (../shared/seeds)', () => {
  it('gives the seeds their outlets and front-matter dates', async () => {
    const { articles, report } = await compileArchive({ input: SHARED_SEEDS, cleanBody });
    expect(report.indexed).toBe(5);
    const byFile = Object.fromEntries(articles.map((a) => [a.file.slice(0, 3), a]));
    expect(byFile['000']).toMatchObject({ outlet: '联合早报', date: '2021-09-28T05:34:24.018Z' });
    expect(byFile['001']).toMatchObject({ outlet: '自由亚洲电台', date: '2021-09-28T19:36:01.000Z' });
    expect(byFile['002']).toMatchObject({ outlet: '法广', date: '2023-09-26T09:45:01.000Z' });
    expect(byFile['003']).toMatchObject({ outlet: '联合早报', date: '2022-01-27T09:36:52.404Z' });
    expect(byFile['004']).toMatchObject({ outlet: '联合早报', date: '2021-07-16T06:47:58.686Z' });
    expect(byFile['000']!.html).not.toContain('subscribe.sph.com.sg');
    expect(byFile['003']!.html).toContain('https://static.zaobao.com/s3fs-public/styles/article_large_full/public/2022-01/002_4.jpg');
  });
});
