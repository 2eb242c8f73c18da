import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from '../../scripts/serve-static.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { expect, results, test } from './fixtures.ts';
import { buildsStored, cachedIndexPaths, countFor, indexArchive, keptBuilds, latestBuild, waitUntilStored, watchIndexRequests } from './offline-helpers.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * The hosted page offline (src/offline/, docs/offline.md): its service worker, "keep this archive
 * offline", the update offer after a new deploy, installability. Service workers are allowed here
 * only (playwright.config.ts blocks them elsewhere); each test has a fresh context, so none
 * inherits another's registration.
 */
test.use({ serviceWorkers: 'allow' });

test.describe('the hosted page offline', () => {
  test('after a visit, reloads offline: the same queries answer with the same counts, and an article read opens again', async ({ page, context, baseURL }) => {
    // Two visits' worth of searches: more than the default 30 s when the machine is loaded.
    test.setTimeout(90_000);
    const asked = watchIndexRequests(context, () => `${baseURL}data/`);
    await page.goto('./');
    const queries = ['王毅', '臺灣', 'covid'];
    const online = new Map<string, number>();
    // The first search runs before the service worker exists (it is registered after the first results).
    for (const text of queries) online.set(text, await countFor(page, text));
    expect([...online.values()].every((count) => count > 0)).toBe(true);
    await page.getByRole('searchbox').fill('王毅');
    await expect(page.getByRole('status')).toHaveText(`找到 ${online.get('王毅')} 篇文章`);
    await results(page).first().getByRole('link').click();
    const reader = page.getByRole('dialog');
    const title = await reader.locator('article h2').textContent();
    const body = await reader.locator('article').textContent();
    expect(title).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect(reader).toBeHidden();
    await waitUntilStored(page, asked);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新闻存档搜索');
    for (const text of queries) expect(await countFor(page, text), text).toBe(online.get(text));
    await page.getByRole('searchbox').fill('王毅');
    await expect(page.getByRole('status')).toHaveText(`找到 ${online.get('王毅')} 篇文章`);
    await results(page).first().getByRole('link').click();
    await expect(reader.locator('article h2')).toHaveText(title!);
    await expect(reader.locator('article')).toHaveText(body!);
  });

  test('is installable: a web app manifest with icons, and a service worker', async ({ page }) => {
    await page.goto('./');
    await countFor(page, '王毅');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // The test browser's contexts are incognito, where Chromium installs nothing: every other check passes.
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const { url } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/\/manifest\.webmanifest$/);
  });
});

test.describe('offline, what this device has not stored', () => {
  // The page logs the technical detail of the file it could not fetch; the visitor reads the sentence.
  test.use({ allowedConsoleErrors: /cannot load (terms|dir)-[\w]+\.bin \(Failed to fetch\)/ });

  test('offline, a query whose parts this device has not stored says so in words, and the page goes on', async ({ page, context, baseURL }) => {
    // A visitor with Save-Data on: the page fetches no vocabulary ahead, so only the first query's parts are stored.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g' }) }));
    const asked = watchIndexRequests(context, () => `${baseURL}corpus/data/`);
    await page.goto('./corpus/');
    const online = await countFor(page, '中国');
    await waitUntilStored(page, asked);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('searchbox').fill('巴基斯坦');
    await expect(page.getByText('现在离线，这次搜索要用到的存档内容还没有存到这台设备上')).toBeVisible();
    expect(await countFor(page, '中国')).toBe(online);
  });
});

test.describe('keep this archive offline', () => {
  test('downloads every part a search needs, with its size before; then any query answers offline as it does online', async ({ page, context, browser, baseURL }) => {
    // Fixtures indexed in blocks of three: common terms have chunk files, which keeping must find inside the parts.
    await page.goto('./blocks/');
    await countFor(page, '王毅');
    const keep = page.getByRole('button', { name: /^离线保存这个存档（[\d.]+ (KB|MB)）$/ });
    await expect(keep).toBeVisible();
    await keep.click();
    await expect(page.getByText(/^这个存档已离线保存（[\d.]+ (KB|MB)），没有网络时也能搜索。$/)).toBeVisible({ timeout: 20_000 });
    // Every content-hashed file of the index folder (docs blocks, part table pages, vocabulary parts, chunks) is stored.
    const cached = new Set(await cachedIndexPaths(page));
    const hashed = (await readdir(path.join(REPO_ROOT, '.cache/blocks-index'))).filter((file) => /^(docs|terms|post|dir)-/.test(file));
    expect(hashed.filter((file) => !cached.has(file))).toEqual([]);

    const queries = ['中国', '美国', '香港 OR 台湾', '"外交部"', '美国 -川普', '港', 'covid', '北约'];
    // The online answers, from a context that never stored anything.
    const reference = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const referencePage = await reference.newPage();
    await referencePage.goto('./blocks/');
    const online = new Map<string, number>();
    for (const text of queries) online.set(text, await countFor(referencePage, text));
    await reference.close();

    await context.setOffline(true);
    await page.reload();
    for (const text of queries) expect(await countFor(page, text), text).toBe(online.get(text));
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('is cancellable: the download stops and the archive does not count as kept', async ({ page }) => {
    await page.goto('./corpus/');
    await countFor(page, '中国');
    await page.getByRole('button', { name: /^离线保存这个存档（[\d.]+ MB）$/ }).click();
    const progress = page.getByRole('progressbar', { name: '离线保存进度' });
    await expect(progress).toBeVisible();
    await expect(page.getByText(/^正在下载：[\d.]+ (KB|MB) \/ [\d.]+ MB$/)).toBeVisible();
    await page.getByRole('button', { name: '取消' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^离线保存这个存档/ })).toBeVisible();
    await expect(page.getByText(/已离线保存/)).toHaveCount(0);
    expect(await keptBuilds(page)).toEqual([]);
  });

  test('is removable: its files go, the page goes on', async ({ page }) => {
    await page.goto('./blocks/');
    await countFor(page, '王毅');
    await page.getByRole('button', { name: /^离线保存这个存档/ }).click();
    await expect(page.getByText(/^这个存档已离线保存/)).toBeVisible({ timeout: 20_000 });
    expect(await keptBuilds(page)).toHaveLength(1);
    expect((await cachedIndexPaths(page)).length).toBeGreaterThan(10);
    await page.getByRole('button', { name: '删除离线副本' }).click();
    await expect(page.getByRole('button', { name: /^离线保存这个存档/ })).toBeVisible();
    expect(await keptBuilds(page)).toEqual([]);
    // Its docs blocks, chunks and fragments are gone (the vocabulary fetched ahead after the first search may
    // come back meanwhile); the manifest stays, so this build still opens as a visit left it.
    const left = await cachedIndexPaths(page);
    expect(left).toContain('manifest.json');
    expect(left.filter((file) => /^(docs-|post-|a\/|h\/)/.test(file))).toEqual([]);
    expect(await countFor(page, '臺灣')).toBeGreaterThan(0);
  });
});

test.describe('a new index deployed over the one an open page uses', () => {
  let site = '';
  let origin = '';
  let close: () => Promise<void> = async () => undefined;
  let input = '';

  test.beforeAll(async () => {
    // Our own server over a folder this test deploys into (the shared ones serve fixed folders).
    site = await mkdtemp(path.join(os.tmpdir(), 'offline-site-'));
    input = path.join(site, 'articles');
    await cp(path.join(REPO_ROOT, 'dist'), path.join(site, 'www'), { recursive: true, filter: (source) => !source.includes(`${path.sep}data`) });
    await cp(FIXTURES, input, { recursive: true });
    indexArchive(input, path.join(site, 'www/data'));
    const server = await serveStatic([{ prefix: '/', dir: path.join(site, 'www') }], 0);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });

  test.afterAll(async () => {
    await close();
    await rm(site, { recursive: true, force: true });
  });

  test('keeps answering from its index, offers the new one, and after reload answers from the new one only', async ({ page, context }) => {
    await page.goto(origin);
    expect(await countFor(page, '王毅')).toBe(3);
    expect(await countFor(page, '企鹅邮差')).toBe(0);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const oldBuild = await latestBuild(page);

    // The next day's build, written over the served folder (stale files removed, as a deploy does).
    await writeFile(
      path.join(input, '2024-01-02-new-article.md'),
      ['---', 'title: "王毅会见企鹅邮差代表团"', 'date: 2024-01-02T08:00:00.000Z', 'from: https://www.zaobao.com.sg/news/china/story-new-0001', 'tags: [ 联合早报 ]', '---', '', '<p>王毅在北京会见企鹅邮差代表团，双方讨论了南极邮政合作。</p>', ''].join('\n'),
    );
    indexArchive(input, path.join(site, 'www/data'));

    // The open page still answers from the index it has.
    expect(await countFor(page, '王毅')).toBe(3);
    expect(await countFor(page, '企鹅邮差')).toBe(0);
    await expect(page.getByText('有新的存档版本')).toHaveCount(0);
    // Coming back online, it asks, and offers the new one.
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(page.getByText('有新的存档版本')).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: '重新载入' }).click();

    await expect(page.getByText('有新的存档版本')).toHaveCount(0);
    expect(await countFor(page, '企鹅邮差')).toBe(1);
    expect(await countFor(page, '王毅')).toBe(4);
    const newBuild = await latestBuild(page);
    expect(newBuild).not.toBe(oldBuild);
    // No page uses the old build any more: its manifest and fragments go.
    await expect.poll(() => buildsStored(page)).toEqual([newBuild]);
  });
});

test('the widget never registers a service worker on its host page', async ({ page }) => {
  await page.goto('./embed/embed.html');
  const widget = page.locator('news-search#first');
  await widget.getByRole('searchbox').fill('王毅');
  await expect(widget.getByRole('status')).toHaveText(/\d/);
  await expect(widget.locator('article.result').first()).toBeVisible();
  // Past the moment the hosted page would register its own (a second after its first page of results).
  await widget.getByRole('searchbox').fill('北约');
  await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
  await page.waitForTimeout(2000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  // Nor did it load the offline side's code (src/offline/), which is what registers one.
  const offlineCode = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\/(sw\.js|assets\/(offline-session\.svelte|UpdateNotice|OfflineControl|keep-worker)-)/.test(name)));
  expect(offlineCode).toEqual([]);
});
