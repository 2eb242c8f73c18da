import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type CorpusReport } from '../../scripts/generate-corpus.ts';
import { vocabularyWords } from '../../scripts/corpus/lexicon.ts';
import { createTraditionalConverter } from '../../scripts/corpus/traditional.ts';
import { parseArchiveDate } from '../../src/lib/article/dates.ts';
import { outletFromHost } from '../../src/lib/article/outlets.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';

const OUTLETS = ['联合早报', '自由亚洲电台', '法广', '美国之音', '德国之声', 'BBC', '路透', 'RTI 中央廣播電臺', '金融时报', '纽约时报', '中国数字时代', '端傳媒'];
const COUNT = 300;
const FROM = Date.UTC(2015, 0, 1);
const TO_END = Date.UTC(2025, 0, 1);
/** Characters that only traditional text uses (their simplified forms differ). */
const TRADITIONAL_ONLY = /[國經與這說時們為會發當對關與語來後]/;

let root: string;
const dir = (name: string): string => path.join(root, name);

/** Relative path → file bytes, for every file under `folder`. */
async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), await readFile(file));
  }
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-generate-corpus-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateCorpus', () => {
  let report: CorpusReport;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    report = await generateCorpus({ out: dir('a'), count: COUNT, seed: 'unit', workers: 0 });
    files = await snapshot(dir('a'));
  });

  it('writes the requested number of files and reports them', () => {
    expect(files.size).toBe(COUNT);
    expect(report.files).toBe(COUNT);
    expect(report.bytes).toBe([...files.values()].reduce((sum, data) => sum + data.length, 0));
  });

  it('writes byte-identical files for the same seed', async () => {
    await generateCorpus({ out: dir('b'), count: COUNT, seed: 'unit', workers: 0 });
    expect(await snapshot(dir('b'))).toEqual(files);
  });

  it('writes the same files from worker threads as from the main thread', async () => {
    await generateCorpus({ out: dir('w'), count: COUNT, seed: 'unit', workers: 2 });
    expect(await snapshot(dir('w'))).toEqual(files);
  });

  it('writes different files for a different seed', async () => {
    await generateCorpus({ out: dir('c'), count: COUNT, seed: 'other', workers: 0 });
    const other = await snapshot(dir('c'));
    const same = [...other].filter(([name, data]) => files.get(name)?.equals(data)).length;
    expect(same).toBe(0);
  });

  it('gives every file a front matter or an epoch stamp with a title-link header', () => {
    for (const [name, data] of files) {
      const raw = parseArticle(data.toString('utf8'));
      expect(raw.warnings, name).toEqual([]);
      if (raw.frontMatter) {
        expect(raw.frontMatter, name).toMatchObject({ title: expect.any(String), date: expect.any(String), author: expect.any(String) });
      } else {
        expect(raw.stampMillis, name).not.toBeNull();
        expect(raw.headerLink, name).not.toBeNull();
      }
      expect(raw.body.length, name).toBeGreaterThan(100);
    }
  });

  it('mixes header styles and file name styles', () => {
    expect(Object.keys(report.byHeader).sort()).toEqual(['front-matter', 'front-matter+link', 'front-matter+stamp+link', 'stamp+link']);
    const withFrontMatter = COUNT - (report.byHeader['stamp+link'] ?? 0);
    expect(withFrontMatter / COUNT).toBeGreaterThan(0.35);
    expect(withFrontMatter / COUNT).toBeLessThan(0.65);
    const names = [...files.keys()].map((file) => path.basename(file));
    expect(names.some((name) => /^\d{4}-\d{2}-\d{2}-.+\.\w+$/.test(name))).toBe(true);
    expect(names.some((name) => /^\d{6,7}_.+\.\w+$/.test(name))).toBe(true);
    expect(names.some((name) => !name.endsWith('.md'))).toBe(true);
  });

  it('dates every article within the default range', () => {
    for (const [name, data] of files) {
      const raw = parseArticle(data.toString('utf8'));
      const millis = raw.stampMillis ?? parseArchiveDate(raw.frontMatter?.date ?? '');
      expect(millis, name).not.toBeNull();
      expect(millis!, name).toBeGreaterThanOrEqual(FROM);
      expect(millis!, name).toBeLessThan(TO_END);
    }
  });

  it('spreads articles over years, later years busier', () => {
    const byYear = new Map<string, number>();
    for (const name of files.keys()) byYear.set(name.slice(0, 4), (byYear.get(name.slice(0, 4)) ?? 0) + 1);
    expect(byYear.size).toBeGreaterThanOrEqual(8);
    expect(byYear.get('2024') ?? 0).toBeGreaterThan(byYear.get('2015') ?? 0);
  });

  it('names all twelve outlets, by front matter or by URL host', () => {
    const seen = new Set<string>();
    for (const data of files.values()) {
      const raw = parseArticle(data.toString('utf8'));
      const byUrl = raw.headerLink ? outletFromHost(new URL(raw.headerLink.url).hostname) : null;
      if (raw.frontMatter) {
        expect(raw.frontMatter.tags).toEqual([raw.frontMatter.author]);
        if (byUrl) expect(byUrl).toBe(raw.frontMatter.author);
      }
      seen.add(raw.frontMatter?.author ?? byUrl!);
    }
    expect([...seen].sort()).toEqual([...OUTLETS].sort());
  });

  it('writes some articles in traditional characters and some in English', () => {
    const texts = [...files.values()].map((data) => data.toString('utf8'));
    const rti = texts.filter((text) => text.includes('rti.org.tw/news/view'));
    expect(rti.length).toBeGreaterThan(0);
    for (const text of rti) expect(parseArticle(text).body).toMatch(TRADITIONAL_ONLY);
    expect(report.traditional / COUNT).toBeGreaterThan(0.04);
    expect(report.traditional / COUNT).toBeLessThan(0.2);
    expect(report.english).toBeGreaterThan(0);
    const english = texts.filter((text) => /^\[[A-Z][A-Za-z ,'-]+\]\(/m.test(text) || /^title: "[A-Z][A-Za-z ,'-]+"$/m.test(text));
    expect(english.length).toBeGreaterThan(0);
  });

  it('keeps the furniture the cleaner has to remove', () => {
    const all = [...files.values()].map((data) => data.toString('utf8')).join('\n');
    for (const marker of ['获取更多RSS', 'dfp-ad-', 'data-src=', '<figcaption', 'bbccom_mpu', 'o-ads', 'Feed enhanced by', '...more</a>', 'sharer.php', 'http://www.rfi.fr//cn/']) {
      expect(all, marker).toContain(marker);
    }
  });

  it('puts at most 2,000 files in a folder', async () => {
    const perFolder = new Map<string, number>();
    for (const name of files.keys()) perFolder.set(path.dirname(name), (perFolder.get(path.dirname(name)) ?? 0) + 1);
    expect(Math.max(...perFolder.values())).toBeLessThanOrEqual(2000);
    expect([...perFolder.keys()].every((folder) => /^\d{4}[/\\]\d{2}[/\\]\d{2}$/.test(folder))).toBe(true);
  });

  it('keeps a short date range and covers its events from several articles', async () => {
    const short = await generateCorpus({ out: dir('d'), count: COUNT, seed: 'unit', from: '2020-07-01', to: '2020-07-31', workers: 0 });
    expect(short.firstDate >= '2020-07-01').toBe(true);
    expect(short.lastDate < '2020-08-01').toBe(true);
    expect(short.eventArticles).toBeGreaterThan(1);
  });

  it('rejects a bad count or date range with a sentence', async () => {
    await expect(generateCorpus({ out: dir('e'), count: 0 })).rejects.toThrow(/--count/);
    await expect(generateCorpus({ out: dir('e'), count: 5, from: '2020-02-30' })).rejects.toThrow(/--from/);
    await expect(generateCorpus({ out: dir('e'), count: 5, from: '2021-01-01', to: '2020-01-01' })).rejects.toThrow(/before/);
  });
});

describe('createTraditionalConverter', () => {
  it('agrees with opencc-js on the vocabulary and converts phrases by context', () => {
    const convert = createTraditionalConverter(vocabularyWords());
    const opencc = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const words = vocabularyWords();
    const agree = words.filter((word) => convert(word) === opencc(word).replaceAll('臺', '台')).length;
    expect(agree / words.length).toBeGreaterThan(0.999);
    expect(convert('双边关系与经济复苏')).toBe('雙邊關係與經濟復甦');
    expect(convert('台湾 COVID-19 iPhone')).toBe('台灣 COVID-19 iPhone');
  });
});
