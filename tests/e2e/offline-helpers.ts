/**
 * What the offline specs share (offline*.e2e.ts): reading the page's archive caches, waiting until
 * the service worker stored a visit, searching, and a site of a test's own that it can deploy a
 * new index or a new app version into (the shared servers serve fixed folders).
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { serveStatic } from '../../scripts/serve-static.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { expect, resultCount } from './fixtures.ts';
import { REPO_ROOT } from './paths.ts';

/** Paths (relative to the page's `data/`) of every index file in the page's archive caches. */
export async function cachedIndexPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    const found: string[] = [];
    for (const name of await caches.keys()) {
      if (!/^archive-(files|per-build):/.test(name) || !name.endsWith(scope)) continue;
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        if (url.href.startsWith(`${scope}data/`)) found.push(url.pathname.slice(new URL(`${scope}data/`).pathname.length));
      }
    }
    return found.sort();
  });
}

/** Every stored index file of the page's archive caches with its body's length, by cache key (per-build keys keep their `?build=`). */
export async function cachedIndexBytes(page: Page): Promise<Array<{ path: string; build: string | null; bytes: number }>> {
  return page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    const data = `${scope}data/`;
    const found: Array<{ path: string; build: string | null; bytes: number }> = [];
    for (const name of await caches.keys()) {
      if (!/^archive-(files|per-build):/.test(name) || !name.endsWith(scope)) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (!url.href.startsWith(data)) continue;
        const response = await cache.match(request);
        found.push({ path: url.pathname.slice(new URL(data).pathname.length), build: url.searchParams.get('build'), bytes: (await response!.arrayBuffer()).byteLength });
      }
    }
    return found;
  });
}

/** Index paths the page (and its workers) asked for, from now on. */
export function watchIndexRequests(context: BrowserContext, dataUrl: () => string): Set<string> {
  const asked = new Set<string>();
  context.on('request', (request) => {
    const url = request.url().split('?')[0]!;
    if (url.startsWith(dataUrl())) asked.add(url.slice(dataUrl().length));
  });
  return asked;
}

/**
 * Waits until the service worker controls the page and has stored every index file the visit asked
 * for (a vocabulary pack's parts, not the pack: see `storePackParts` in src/offline/sw.ts).
 */
export async function waitUntilStored(page: Page, asked: Set<string>): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect
    .poll(
      async () => {
        const cached = new Set(await cachedIndexPaths(page));
        return [...asked].filter((file) => !file.startsWith('pack-') && !cached.has(file));
      },
      { timeout: 20_000 },
    )
    .toEqual([]);
}

/** Types `text`, waits for its settled answer and returns the count. */
export async function countFor(page: Page, text: string): Promise<number> {
  await page.getByRole('searchbox').fill(text);
  await expect(page).toHaveURL((url) => (url.searchParams.get('q') ?? '') === text.trim());
  await expect(page.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('status')).toHaveText(/\d/);
  return resultCount(page);
}

/** Builds recorded as kept offline in the page's archive caches. */
export async function keptBuilds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    const meta = await caches.open(`archive-meta:${scope}`);
    return (await meta.keys()).map((request) => request.url).filter((url) => url.includes('__archive/kept/'));
  });
}

/** The build of the manifest the page's service worker stored last. */
export async function latestBuild(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    const meta = await caches.open(`archive-meta:${scope}`);
    return (await (await meta.match(`${scope}__archive/latest`))!.text());
  });
}

/** Builds with a manifest in the page's per-build cache. */
export async function buildsStored(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    const cache = await caches.open(`archive-per-build:${scope}`);
    const builds = new Set<string>();
    for (const request of await cache.keys()) if (request.url.includes('/data/manifest.json')) builds.add(new URL(request.url).searchParams.get('build')!);
    return [...builds].sort();
  });
}

/**
 * Indexes `input` into `out` with the repo's CLI (stale files of an earlier build removed, as a
 * deploy does); in blocks of `blockSize` article numbers when given (a new article then changes
 * only the newest block's files).
 */
export function indexArchive(input: string, out: string, blockSize?: number): void {
  const blocks = blockSize ? ['--block-size', String(blockSize)] : [];
  const run = spawnSync(process.execPath, ['--import', 'tsx/esm', 'scripts/build-index.ts', '--input', input, '--out', out, '--no-cache', ...blocks], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`index build failed: ${run.stderr}`);
}

/** A site of a test's own: dist/ copied to `www/`, the fixtures copied to `articles/` and indexed into `www/data/`, served on a free port. */
export interface OwnSite {
  /** The site's folder (`www/` is served, `articles/` its archive). */
  dir: string;
  www: string;
  articles: string;
  /** `http://127.0.0.1:PORT/` */
  origin: string;
  close: () => Promise<void>;
}

export async function startOwnSite(prefix: string, blockSize?: number): Promise<OwnSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const www = path.join(dir, 'www');
  const articles = path.join(dir, 'articles');
  await cp(path.join(REPO_ROOT, 'dist'), www, { recursive: true, filter: (source) => !source.includes(`${path.sep}data`) });
  await cp(FIXTURES, articles, { recursive: true });
  indexArchive(articles, path.join(www, 'data'), blockSize);
  const server = await serveStatic([{ prefix: '/', dir: www }], 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    dir,
    www,
    articles,
    origin,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new article for "the next day's build" (a fixture of this test's own: a made-up delegation). */
export const NEXT_DAY_ARTICLE = [
  '---',
  'title: "王毅会见企鹅邮差代表团"',
  'date: 2024-01-02T08:00:00.000Z',
  'from: https://www.zaobao.com.sg/news/china/story-new-0001',
  'tags: [ 联合早报 ]',
  '---',
  '',
  '<p>王毅在北京会见企鹅邮差代表团，双方讨论了南极邮政合作。</p>',
  '',
].join('\n');
