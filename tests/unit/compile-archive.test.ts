import { chmod, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { compileArchive, type CompileResult } from '../../scripts/compiler/compile-archive.ts';
import { CompileCache } from '../../scripts/compiler/compile-cache.ts';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { FIXTURES } from '../helpers/paths.ts';

const NOW = Date.UTC(2026, 0, 1);
const env = createDomEnv();
const cleanBody: Parameters<typeof compileArchive>[0]['cleanBody'] = (html, context) => cleanArticleBody(html, { ...env, ...context });

let dir: string;
let outside: string;
let result: CompileResult;

/** A hostile archive: the fixtures plus every kind of bad input the compiler must survive. */
beforeAll(async () => {
  await loadFoldingTable();
  dir = await mkdtemp(path.join(os.tmpdir(), 'nas-hostile-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'nas-outside-'));
  await cp(FIXTURES, dir, { recursive: true });
  const bad = path.join(dir, 'bad');
  await mkdir(bad);
  await writeFile(path.join(bad, 'empty.md'), '');
  await writeFile(path.join(bad, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await writeFile(path.join(bad, 'crlf-bom.md'), '\uFEFF---\r\ntitle: 换行测试\r\nfrom: https://www.dw.com/zh/crlf\r\n---\r\n<p>Windows 换行的文章。</p>\r\n');
  await writeFile(
    path.join(bad, 'invalid-utf8.md'),
    Buffer.concat([Buffer.from('[坏字节](https://www.dw.com/zh/bad-bytes)\n------\n<p>前面的文字前面的文字前面的文字前面的文字前面的文字前面的文字前面的文字前面的文字</p>'), Buffer.from([0xc3, 0x28]), Buffer.from('<p>后面</p>')]),
  );
  const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'];
  await writeFile(path.join(bad, 'alias-bomb.md'), `---\n${bomb.join('\n')}\n---\n[别名炸弹](https://www.dw.com/zh/bomb)\n------\n<p>正文仍然可以搜索。</p>`);
  await writeFile(path.join(bad, 'proto.md'), '---\n__proto__: { polluted: 1 }\ntitle: 原型污染\nfrom: https://www.dw.com/zh/proto\n---\n<p>正文</p>');
  await writeFile(path.join(bad, 'unterminated.md'), '---\ntitle: 没有结尾的头\nfrom: https://www.dw.com/zh/unterminated\n<p>正文还在</p>');
  await writeFile(path.join(bad, 'deep.html'), `[很深的网页](https://www.dw.com/zh/deep)\n------\n${'<div>'.repeat(50_000)}<p>深处的文字</p>`);
  await writeFile(path.join(bad, 'unclosed.md'), '[未闭合](https://www.dw.com/zh/unclosed)\n------\n<p>第一段<p>第二段<table><tr><td>格子');
  await writeFile(path.join(bad, 'huge.md'), `[巨大的文章](https://www.dw.com/zh/huge)\n------\n${'<p>很长很长的段落，反复出现。</p>'.repeat(60_000)}<p>末尾的独特词语黑天鹅</p>`);
  await mkdir(path.join(bad, 'folder-named.md'));
  await writeFile(path.join(bad, 'folder-named.md', 'inside.md'), '[文件夹里](https://www.dw.com/zh/inside)\n------\n<p>文件夹里的文章</p>');
  await symlink('..', path.join(bad, 'loop'));
  await writeFile(path.join(outside, 'secret.md'), '[外面的文件](https://www.dw.com/zh/secret)\n------\n<p>不该被读到</p>');
  await symlink(path.join(outside, 'secret.md'), path.join(bad, 'escape.md'));
  await symlink(outside, path.join(bad, 'escape-dir'));
  await symlink(path.join(dir, 'nowhere.md'), path.join(bad, 'dangling.md'));
  await writeFile(path.join(bad, 'locked.md'), '[锁住](https://www.dw.com/zh/locked)\n------\n<p>x</p>');
  await chmod(path.join(bad, 'locked.md'), 0o000);
  result = await compileArchive({ input: dir, cleanBody, now: NOW });
}, 120_000);

afterAll(async () => {
  await chmod(path.join(dir, 'bad', 'locked.md'), 0o644).catch(() => {});
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const byFile = (file: string) => result.articles.find((a) => a.file === file);
const skipReason = (file: string) => result.report.skipped.find((s) => s.file === file)?.reason;

describe('compileArchive on a hostile archive', () => {
  it('accounts for every file: indexed + skipped + duplicates = files', () => {
    const { files, indexed, skipped, duplicates } = result.report;
    expect(indexed + skipped.length + duplicates.length).toBe(files);
    expect(indexed).toBe(result.articles.length);
  });

  it('skips empty and binary files, links outside the folder and dangling links, naming the reason', () => {
    expect(skipReason('bad/empty.md')).toMatch(/empty/);
    expect(skipReason('bad/binary.md')).toMatch(/binary/);
    expect(skipReason('bad/escape.md')).toMatch(/outside the input folder/);
    expect(skipReason('bad/escape-dir')).toMatch(/outside the input folder/);
    expect(skipReason('bad/dangling.md')).toMatch(/dangling/);
    expect(result.articles.some((a) => a.text.includes('不该被读到'))).toBe(false);
  });

  it('reads an unreadable file as a skip when permissions apply (root reads anything)', () => {
    const locked = skipReason('bad/locked.md');
    if (process.getuid?.() === 0) expect(byFile('bad/locked.md')).toBeDefined();
    else expect(locked).toMatch(/EACCES/);
  });

  it('walks a symlink loop once and notes it', () => {
    expect(result.report.notices.some((n) => /loop/.test(n.message))).toBe(true);
    expect(result.articles.filter((a) => a.file.endsWith('inside.md'))).toHaveLength(1);
  });

  it('walks a directory named like an article', () => {
    expect(byFile('bad/folder-named.md/inside.md')?.title).toBe('文件夹里');
  });

  it('indexes BOM/CRLF files as if they were clean', () => {
    expect(byFile('bad/crlf-bom.md')).toMatchObject({ title: '换行测试', outlet: '德国之声' });
  });

  it('indexes files with broken bytes, hostile YAML or unterminated front matter, with warnings', () => {
    expect(byFile('bad/invalid-utf8.md')?.text).toContain('后面');
    expect(result.report.warnings['invalid-utf8']?.files.map((f) => f.file)).toContain('bad/invalid-utf8.md');
    expect(byFile('bad/alias-bomb.md')?.title).toBe('别名炸弹');
    expect(byFile('bad/proto.md')?.title).toBe('原型污染');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(byFile('bad/unterminated.md')).toMatchObject({ title: '没有结尾的头' });
  });

  it('survives deeply nested and unclosed HTML', () => {
    expect(byFile('bad/deep.html')?.text).toContain('深处的文字');
    expect(byFile('bad/unclosed.md')?.text).toContain('第二段');
  });

  it('caps what it stores of a huge file but keeps its end searchable', () => {
    const huge = byFile('bad/huge.md')!;
    expect(huge.html.length).toBeLessThanOrEqual(200_000);
    expect(huge.text).toContain('很长很长的段落');
    expect(result.report.warnings['huge-file']?.files.map((f) => f.file)).toContain('bad/huge.md');
  });

  it('merges duplicate URLs, keeps the fuller copy and reports the other', () => {
    expect(result.report.duplicates).toEqual([{ file: '2021/zaobao-duplicate-copy.md', keptAs: '2021/zaobao-front-matter.md' }]);
  });

  it('gives every article a unique, URL-safe id', () => {
    const ids = result.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{11}$/);
  });
});

describe('compileArchive on the fixtures', () => {
  it('gives the same result twice (deterministic)', async () => {
    const a = await compileArchive({ input: FIXTURES, cleanBody, now: NOW });
    const b = await compileArchive({ input: FIXTURES, cleanBody, now: NOW });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('finds title, outlet and date in every format', async () => {
    const { articles } = await compileArchive({ input: FIXTURES, cleanBody, now: NOW });
    const get = (file: string) => articles.find((a) => a.file === file)!;
    expect(get('rfi-double-slash.md')).toMatchObject({ outlet: '法广', url: 'http://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230926-test-article' });
    expect(get('2020-07-20-rti-traditional.md')).toMatchObject({ outlet: 'RTI 中央廣播電臺', title: '臺灣外交部感謝美國國會支持' });
    expect(get('2020-07-21-cdt-date-line.md')).toMatchObject({ outlet: '中国数字时代', date: '2020-07-21T13:30:55.000Z' });
    expect(get('2020-07-22-no-title.md')).toMatchObject({ title: 'no-title', date: '2020-07-22T00:00:00.000Z' });
    expect(get('reuters-english.md').outlet).toBe('路透');
    expect(get('bbc-figure-list.markdown').html).toContain('https://ichef.bbci.co.uk/news/test.jpg');
  });

  it('makes the cleaner (loadCleanBody) only when a file is compiled in this thread', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'nas-lazy-cleaner-'));
    try {
      let loads = 0;
      const loadCleanBody = async () => {
        loads++;
        return cleanBody!;
      };
      const first = await compileArchive({ input: FIXTURES, loadCleanBody, cache: CompileCache.open(cacheDir), now: NOW });
      expect(loads).toBe(1);
      const again = await compileArchive({ input: FIXTURES, loadCleanBody, cache: CompileCache.open(cacheDir), now: NOW });
      expect(loads).toBe(1);
      expect(JSON.stringify(again.articles)).toBe(JSON.stringify(first.articles));
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
