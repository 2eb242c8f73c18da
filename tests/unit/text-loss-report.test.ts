import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileArchive, type CompileResult } from '../../scripts/compiler/compile-archive.ts';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { formatSummary } from '../../scripts/lib/format-summary.ts';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';

const env = createDomEnv();
const cleanBody: Parameters<typeof compileArchive>[0]['cleanBody'] = (html, context) => cleanArticleBody(html, { ...env, ...context });
const essay = Array.from({ length: 10 }, (_, i) => `<p>第${i + 1}段：旧仓库改成的实验室里，居民每周修理自行车、交换种子，讨论街区的未来。</p>`).join('');
const footer = '<div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a><br><a href="https://feedx.xyz">https://feedx.xyz</a></div>';

let dir: string;
let result: CompileResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nas-text-loss-'));
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
  await write('lab-essay.md', `---\ntitle: 街区实验室的一年\nfrom: https://essays.example.org/2021/lab/\ntags: [城市笔记]\n---\n<article class="post hentry tag-share-lab">${essay}</article>`);
  await write('photo.md', `---\ntitle: 图片：雨中的港口\nfrom: https://www.dw.com/zh/photo/a-1\n---\n<p>雨。</p>${footer}`);
  await write('photo-2.md', `---\ntitle: 图片：雾中的桥\nfrom: https://www.dw.com/zh/photo/a-2\n---\n<p>雾。</p>${footer}`);
  await write('full.md', `---\ntitle: 完整的文章\nfrom: https://www.rfi.fr/cn/full\n---\n${essay}${footer}`);
  result = await compileArchive({ input: dir, cleanBody, now: Date.UTC(2026, 0, 1) });
});

afterAll(async () => {
  env.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the text-loss report', () => {
  it('indexes the WordPress essay whole and does not report it', () => {
    const lab = result.articles.find((a) => a.file === 'lab-essay.md')!;
    expect(lab.text).toContain('第10段');
    expect(result.report.warnings['empty-body']).toBeUndefined();
    expect(JSON.stringify(result.report.textLoss)).not.toContain('lab-essay.md');
  });

  it('counts per outlet and names the articles whose kept text is under half of the visible text', () => {
    expect(Object.keys(result.report.textLoss)).toEqual(['德国之声']);
    const dw = result.report.textLoss['德国之声']!;
    expect(dw.count).toBe(2);
    expect(dw.articles.map((a) => a.file).sort()).toEqual(['photo-2.md', 'photo.md']);
    const photo = dw.articles.find((a) => a.file === 'photo.md')!;
    expect(photo).toMatchObject({ title: '图片：雨中的港口', kept: 2 });
    expect(photo.visible).toBeGreaterThan(photo.kept * 2);
    expect(result.report.warnings['text-loss']!.count).toBe(2);
  });

  it('names them in the printed summary', () => {
    const summary = formatSummary(result.report, 'out', 1000, 1000);
    expect(summary).toContain('Cleaning kept under half of the visible text of 2 articles: 德国之声 2');
    expect(summary).toMatch(/德国之声: photo\.md \(kept 2 of \d+ characters\) 图片：雨中的港口/);
    expect(summary).not.toContain('full.md');
  });
});
