import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptSitePage, copySite, GENERATOR_META, normalizeBase } from '../../scripts/lib/site-page.ts';

const PAGE = `<!doctype html>
<html lang="zh-Hans">
  <head>
    <meta charset="utf-8" />
    <title>新闻存档搜索 · News archive search</title>
    <link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
  </head>
  <body><form role="search" action="./"></form></body>
</html>`;

describe('normalizeBase', () => {
  it('takes a path from the root or a full URL, ending it with a slash', () => {
    expect(normalizeBase('/search')).toEqual({ base: '/search/' });
    expect(normalizeBase('/archive/search/')).toEqual({ base: '/archive/search/' });
    expect(normalizeBase('https://example.org/archive/search')).toEqual({ base: 'https://example.org/archive/search/' });
  });

  it('refuses a relative path, a query or a fragment with a sentence', () => {
    expect(normalizeBase('search/')).toEqual({ error: expect.stringContaining('--base takes a path from the site\'s root') });
    expect(normalizeBase('/search/?x=1')).toEqual({ error: expect.stringContaining('without ? or #') });
  });
});

describe('adaptSitePage', () => {
  it('adds the generator mark and leaves URLs relative without a base', () => {
    const page = adaptSitePage(PAGE, {});
    expect(page).toContain(GENERATOR_META);
    expect(page).not.toContain('<base');
    expect(page).toContain('href="./data/manifest.json"');
  });

  it('puts <base href> after the charset, so relative URLs resolve under --base from any URL of the page', () => {
    const page = adaptSitePage(PAGE, { base: '/archive/search/' });
    expect(page.indexOf('<meta charset')).toBeLessThan(page.indexOf('<base href="/archive/search/" />'));
    expect(page.indexOf('<base')).toBeLessThan(page.indexOf('<link rel="preload"'));
    expect(page.match(/<base /g)).toHaveLength(1);
  });

  it('sets the title (escaped) and the language', () => {
    const page = adaptSitePage(PAGE, { title: '<我的>存档 & "搜索"', lang: 'zh-Hant' });
    expect(page).toContain('<title>&lt;我的&gt;存档 &amp; &quot;搜索&quot;</title>');
    expect(page).toContain('<html lang="zh-Hant" data-default-lang="zh-Hant">');
  });

  it('adds the mark once when run again on its own output', () => {
    expect(adaptSitePage(adaptSitePage(PAGE, {}), {}).split(GENERATOR_META)).toHaveLength(2);
  });
});

describe('copySite', () => {
  let tmp: string;
  let site: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-site-'));
    site = path.join(tmp, 'prebuilt');
    await mkdir(path.join(site, 'assets'), { recursive: true });
    await mkdir(path.join(site, 'data'), { recursive: true });
    await writeFile(path.join(site, 'index.html'), PAGE);
    await writeFile(path.join(site, 'widget.js'), 'export {};');
    await writeFile(path.join(site, 'assets', 'index-abc.js'), 'export {};');
    await writeFile(path.join(site, 'data', 'manifest.json'), '{}');
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('copies the page and the widget without the prebuilt folder\'s own index', async () => {
    const out = path.join(tmp, 'out');
    const copied = await copySite(out, { base: '/search/' }, site);
    expect(copied.files).toBe(3);
    expect(await readFile(path.join(out, 'assets', 'index-abc.js'), 'utf8')).toBe('export {};');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<base href="/search/" />');
    await expect(readFile(path.join(out, 'data', 'manifest.json'))).rejects.toThrow();
    // Built again into the same folder: its own page is replaced, and the chunks an older build left are removed.
    await writeFile(path.join(out, 'assets', 'index-old.js'), 'export {};');
    const again = await copySite(out, {}, site);
    expect(again.removed).toBe(1);
    expect(await readdir(path.join(out, 'assets'))).toEqual(['index-abc.js']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('<base');
  });

  it('refuses to write over an index.html that is not its own', async () => {
    const out = path.join(tmp, 'their-site');
    await mkdir(out);
    await writeFile(path.join(out, 'index.html'), '<h1>My blog</h1>');
    await expect(copySite(out, {}, site)).rejects.toThrow(/index\.html exists and is not a news-archive-search page: choose an output folder of its own/);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<h1>My blog</h1>');
  });

  it('says what to run when the prebuilt page is missing', async () => {
    await expect(copySite(path.join(tmp, 'x'), {}, path.join(tmp, 'nothing'))).rejects.toThrow(/The prebuilt search page is missing from .*nothing; in the repository, run npm run build first\./);
  });
});
