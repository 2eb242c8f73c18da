import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { cachedIndexBytes, countFor, keptBuilds } from './offline-helpers.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * "Keep this archive offline" and the device's storage (issue #20: "storage is requested as
 * persistent when offered"; "quota errors handled (nothing half-written is used), and the size of
 * what is kept is shown"). Over the fixtures indexed in blocks of three (`/blocks/`: docs blocks,
 * vocabulary parts and chunk files), with the browser's real Cache API and quota.
 */
test.use({ serviceWorkers: 'allow' });

const BLOCKS_INDEX = path.join(REPO_ROOT, '.cache/blocks-index');
const KEEP_BUTTON = /^离线保存这个存档（[\d.]+ (KB|MB)）$/;

/**
 * Bytes on disk of every file of the blocks index that keeping it stores: docs blocks (rank and
 * facet rows), part table pages, vocabulary parts, chunks, facet value names, fragments.
 */
async function keptFilesOnDisk(): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const file of await readdir(BLOCKS_INDEX)) if (/^(docs|dir|terms|post|values)-[0-9a-z]+\.bin$/.test(file)) sizes.set(file, (await stat(path.join(BLOCKS_INDEX, file))).size);
  for (const file of await readdir(path.join(BLOCKS_INDEX, 'a'))) sizes.set(`a/${file}`, (await stat(path.join(BLOCKS_INDEX, 'a', file))).size);
  return sizes;
}

/** How the page writes a size under 1 MB in simplified Chinese (formatBytes in src/offline/format-bytes.ts). */
function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** Opens the blocks archive, searches once and waits for the keep-offline control (shown once a service worker controls the page). */
async function openBlocks(page: Page): Promise<void> {
  await page.goto('./blocks/');
  await countFor(page, '王毅');
  await expect(page.getByRole('button', { name: KEEP_BUTTON })).toBeVisible({ timeout: 20_000 });
}

test.describe('keeping the archive offline within the storage the browser allows', () => {
  test('shows the size kept, which is the bytes of every file stored', async ({ page }) => {
    await openBlocks(page);
    const onDisk = await keptFilesOnDisk();
    const total = [...onDisk.values()].reduce((sum, bytes) => sum + bytes, 0);
    // Before: the size it will take.
    await expect(page.getByRole('button', { name: `离线保存这个存档（${kilobytes(total)}）` })).toBeVisible();
    await page.getByRole('button', { name: KEEP_BUTTON }).click();
    // After: the size it took.
    await expect(page.getByText(`这个存档已离线保存（${kilobytes(total)}），没有网络时也能搜索。`)).toBeVisible({ timeout: 20_000 });
    const stored = new Map((await cachedIndexBytes(page)).map((file) => [file.path, file.bytes]));
    for (const [file, bytes] of onDisk) expect(stored.get(file), file).toBe(bytes);
  });

  test('the storage running out during the download: stopped, said with the sizes, nothing counts as kept, only whole files stored; with room again it completes', async ({ page, context, baseURL }) => {
    await openBlocks(page);
    const onDisk = await keptFilesOnDisk();
    const total = [...onDisk.values()].reduce((sum, bytes) => sum + bytes, 0);
    // The quota of this origin: what is stored now (the app shell, this visit's files) and room for half
    // of what keeping still has to download (the visit stored its parts already).
    const already = new Set((await cachedIndexBytes(page)).map((file) => file.path));
    const missing = [...onDisk].filter(([file]) => !already.has(file)).reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(missing).toBeGreaterThan(0);
    const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const cdp = await context.newCDPSession(page);
    const origin = new URL(baseURL!).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used + Math.round(missing / 2) });
    try {
      await page.getByRole('button', { name: KEEP_BUTTON }).click();
      // Chromium's estimate() still reports the room it had (no override there): the download starts and
      // meets QuotaExceededError. The page says so without the estimate's misleading "free" figure.
      const failure = page.getByText(/^浏览器给这个网站的存储空间用完了：需要 [\d.]+ KB，存到 [\d.]+ KB 时停了下来。已下载的部分不算完整的离线存档；腾出空间后可以再试。$/);
      await expect(failure).toBeVisible({ timeout: 20_000 });
      await expect(failure).toContainText(`需要 ${kilobytes(total)}`);
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      await expect(page.getByText(/已离线保存/)).toHaveCount(0);
      expect(await keptBuilds(page)).toEqual([]);
      // Nothing half-written: every stored index file is whole (its bytes are the server's).
      const stored = await cachedIndexBytes(page);
      expect(stored.length).toBeGreaterThan(0);
      for (const file of stored.filter((file) => onDisk.has(file.path))) expect(file.bytes, file.path).toBe(onDisk.get(file.path));
      expect(stored.filter((file) => onDisk.has(file.path)).length).toBeLessThan(onDisk.size);
      // The page goes on searching.
      expect(await countFor(page, '臺灣')).toBeGreaterThan(0);
      // A reload does not take the partial download for a kept archive.
      await page.reload();
      await countFor(page, '王毅');
      await expect(page.getByRole('button', { name: KEEP_BUTTON })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText(/已离线保存/)).toHaveCount(0);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    // Room again (the override lifted): trying again completes, the files already stored reused.
    await page.getByRole('button', { name: KEEP_BUTTON }).click();
    await expect(page.getByText(`这个存档已离线保存（${kilobytes(total)}），没有网络时也能搜索。`)).toBeVisible({ timeout: 20_000 });
    expect(await keptBuilds(page)).toHaveLength(1);
  });

  test('the browser saying there is not enough room: nothing downloads, and the page says how much is needed and free', async ({ page, context }) => {
    // A device nearly full: the browser's estimate leaves 5 KB for this site (the archive needs 8 KB).
    await page.addInitScript(() => {
      StorageManager.prototype.estimate = async () => ({ quota: 55_000, usage: 50_000 });
    });
    const keepRequests: string[] = [];
    context.on('request', (request) => {
      // The service worker's precache fetches every script of the app shell, keep-worker's too: not a download.
      if (request.serviceWorker()) return;
      if (request.headers()['x-archive-keep'] || /keep-worker-[\w-]+\.js/.test(request.url())) keepRequests.push(request.url());
    });
    await openBlocks(page);
    const total = [...(await keptFilesOnDisk()).values()].reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBeGreaterThan(5_000);
    await page.getByRole('button', { name: KEEP_BUTTON }).click();
    await expect(page.getByText(`这台设备的存储空间不够：需要 ${kilobytes(total)}，只剩 5 KB。已下载的部分不算完整的离线存档。`)).toBeVisible();
    expect(keepRequests).toEqual([]);
    expect(await keptBuilds(page)).toEqual([]);
  });
});

test.describe('persistent storage', () => {
  test('is asked for when the visitor keeps the archive, not before', async ({ page }) => {
    // Records the page's calls (and answers as the browser does: incognito test contexts are never granted it).
    await page.addInitScript(() => {
      const persist = StorageManager.prototype.persist;
      const calls: number[] = [];
      (window as unknown as { __persistCalls: number[] }).__persistCalls = calls;
      StorageManager.prototype.persist = function (this: StorageManager) {
        calls.push(performance.now());
        return persist.call(this);
      };
    });
    await openBlocks(page);
    const calls = () => page.evaluate(() => (window as unknown as { __persistCalls: number[] }).__persistCalls.length);
    expect(await calls()).toBe(0);
    await page.getByRole('button', { name: KEEP_BUTTON }).click();
    await expect(page.getByText(/^这个存档已离线保存/)).toBeVisible({ timeout: 20_000 });
    expect(await calls()).toBe(1);
  });

  test('where the browser does not offer it, keeping works the same', async ({ page }) => {
    await page.addInitScript(() => {
      delete (StorageManager.prototype as Partial<StorageManager>).persist;
    });
    await openBlocks(page);
    expect(await page.evaluate(() => 'persist' in navigator.storage)).toBe(false);
    await page.getByRole('button', { name: KEEP_BUTTON }).click();
    await expect(page.getByText(/^这个存档已离线保存/)).toBeVisible({ timeout: 20_000 });
    expect(await keptBuilds(page)).toHaveLength(1);
  });
});
