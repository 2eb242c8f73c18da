import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, results, test } from './fixtures.ts';
import { buildsStored, cachedIndexPaths, countFor, indexArchive, latestBuild, NEXT_DAY_ARTICLE, type OwnSite, startOwnSite, waitUntilStored, watchIndexRequests } from './offline-helpers.ts';

/**
 * New versions deployed over open pages (issue #20): a new version of the page itself (a new
 * sw.js and shell) is offered and taken on Reload; an older index's files stay while an open page
 * answers from it and go once none does. Each test deploys into a site of its own
 * (offline-helpers.ts: dist/ and the fixtures' index copied to a temporary folder).
 */
test.use({ serviceWorkers: 'allow' });

/** What the service worker's last eviction pass did (src/offline/archive-files.ts, `EvictionRecord`). */
async function lastEviction(page: Page): Promise<{ live: string[]; evicted: string[]; undecided: boolean; date: string } | null> {
  return page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    const response = await (await caches.open(`archive-meta:${scope}`)).match(`${scope}__archive/last-eviction`);
    return response ? response.json() : null;
  });
}

async function hashedFiles(dataDir: string): Promise<Set<string>> {
  return new Set((await readdir(dataDir)).filter((file) => /^(docs|terms|post)-[0-9a-z]+\.bin$/.test(file)));
}

test.describe('a new version of the page deployed over an open page', () => {
  let site: OwnSite;
  test.beforeAll(async () => {
    site = await startOwnSite('offline-app-');
  });
  test.afterAll(async () => site.close());

  test('is offered ("搜索页有新版本"), and after Reload the new page is served, online and offline', async ({ page, context }) => {
    test.setTimeout(60_000);
    await page.goto(site.origin);
    expect(await countFor(page, '王毅')).toBe(3);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect(page.locator('meta[name="test-app-version"]')).toHaveCount(0);

    // The next version of the app: its index.html changed, so its sw.js names a new revision of it
    // (what `vite build` writes); both copied over the served folder.
    const indexHtml = path.join(site.www, 'index.html');
    await writeFile(indexHtml, (await readFile(indexHtml, 'utf8')).replace('</head>', '<meta name="test-app-version" content="2"></head>'));
    const swJs = path.join(site.www, 'sw.js');
    const sw = await readFile(swJs, 'utf8');
    const withNewRevision = sw.replace(/\{"revision":"[0-9a-f]+","url":"index\.html"\}/, '{"revision":"00000000000000000000000000000002","url":"index.html"}');
    expect(withNewRevision).not.toBe(sw);
    await writeFile(swJs, withNewRevision);

    // The open page goes on answering, with no offer yet.
    expect(await countFor(page, '北约')).toBeGreaterThan(0);
    await expect(page.getByText('搜索页有新版本')).toHaveCount(0);
    // Coming back online, it asks the server (the manifest and sw.js), and offers the new page.
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(page.getByText('搜索页有新版本')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('有新的存档版本')).toHaveCount(0);
    await page.getByRole('button', { name: '重新载入' }).click();

    // The new version took over: its page, under its service worker.
    await expect(page.locator('meta[name="test-app-version"]')).toHaveAttribute('content', '2');
    await expect(page.getByText('搜索页有新版本')).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await countFor(page, '王毅')).toBe(3);
    // And offline: the new shell is the one precached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('meta[name="test-app-version"]')).toHaveAttribute('content', '2');
    expect(await countFor(page, '王毅')).toBe(3);
  });
});

test.describe("an older index's files", () => {
  let site: OwnSite;
  test.beforeAll(async () => {
    // In blocks of three article numbers: the next day's article changes the newest block's files only.
    site = await startOwnSite('offline-evict-', 3);
  });
  test.afterAll(async () => site.close());

  test('stay while an open page answers from that index, and go once no open page does', async ({ page, context }) => {
    test.setTimeout(90_000);
    const dataDir = path.join(site.www, 'data');
    const asked = watchIndexRequests(context, () => `${site.origin}data/`);
    // Page A: the first build, a search, an article read.
    await page.goto(site.origin);
    expect(await countFor(page, '王毅')).toBe(3);
    await results(page).first().getByRole('link').click();
    await expect(page.getByRole('dialog').locator('article h2')).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await waitUntilStored(page, asked);
    const oldBuild = await latestBuild(page);
    const oldFiles = await hashedFiles(dataDir);

    // The next day's build deployed.
    await writeFile(path.join(site.articles, '2024-01-02-new-article.md'), NEXT_DAY_ARTICLE);
    indexArchive(site.articles, dataDir, 3);
    const newFiles = await hashedFiles(dataDir);
    const oldOnly = [...oldFiles].filter((file) => !newFiles.has(file));
    const shared = [...oldFiles].filter((file) => newFiles.has(file));
    expect(oldOnly.length).toBeGreaterThan(0);
    expect(shared.length).toBeGreaterThan(0);
    const oldStored = (await cachedIndexPaths(page)).filter((file) => oldOnly.includes(file));
    expect(oldStored.length).toBeGreaterThan(0);

    // Page B opens the new build: A still answers from the old one, so its files stay.
    const pageB = await context.newPage();
    await pageB.goto(site.origin);
    expect(await countFor(pageB, '企鹅邮差')).toBe(1);
    const newBuild = await latestBuild(pageB);
    expect(newBuild).not.toBe(oldBuild);
    await expect.poll(async () => (await lastEviction(pageB))?.live.sort() ?? [], { timeout: 20_000 }).toEqual([newBuild, oldBuild].sort());
    expect((await lastEviction(pageB))!.evicted).toEqual([]);
    expect(await buildsStored(pageB)).toEqual([newBuild, oldBuild].sort());
    expect(await cachedIndexPaths(pageB)).toEqual(expect.arrayContaining(oldStored));
    // Page A goes on answering from its index, offline too (everything it read is still there).
    await context.setOffline(true);
    expect(await countFor(page, '王毅')).toBe(3);
    expect(await countFor(page, '企鹅邮差')).toBe(0);
    await context.setOffline(false);

    // A closes; the next page opened (B again) finds no page on the old build: its files go.
    const sharedStored = (await cachedIndexPaths(pageB)).filter((file) => shared.includes(file));
    await page.close();
    await pageB.reload();
    expect(await countFor(pageB, '王毅')).toBe(4);
    await expect.poll(async () => (await lastEviction(pageB))?.evicted ?? [], { timeout: 20_000 }).toEqual([oldBuild]);
    expect((await lastEviction(pageB))!.live).toEqual([newBuild]);
    expect(await buildsStored(pageB)).toEqual([newBuild]);
    const left = await cachedIndexPaths(pageB);
    expect(left.filter((file) => oldOnly.includes(file))).toEqual([]);
    // Files the new build names too stay, read by it yet or not.
    expect(left).toEqual(expect.arrayContaining(sharedStored.filter((file) => !file.startsWith('post-'))));
    // The old build's fragments and bodies went with it (per-build keys of the old build).
    const perBuildBuilds = await pageB.evaluate(async () => {
      const scope = new URL('./', location.href).href;
      const keys = await (await caches.open(`archive-per-build:${scope}`)).keys();
      return [...new Set(keys.map((request) => new URL(request.url).searchParams.get('build')))];
    });
    expect(perBuildBuilds).toEqual([newBuild]);
  });
});
