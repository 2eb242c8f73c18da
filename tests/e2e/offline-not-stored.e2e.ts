import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, results, test } from './fixtures.ts';
import { cachedIndexPaths, countFor, waitUntilStored, watchIndexRequests } from './offline-helpers.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * Offline, what this device has not stored is said in the reader's words, not as a network error
 * (issue #20), and the rest of the page goes on: an article never opened, results whose summaries
 * were never fetched. (A query whose vocabulary parts are missing: offline.e2e.ts.)
 */
test.use({ serviceWorkers: 'allow' });
// The page logs the technical detail of each file it could not fetch; the visitor reads the sentence.
test.use({ allowedConsoleErrors: /cannot load (h|a)\/\d+\.(html|json) \(Failed to fetch\)/ });

const NETWORK_ERROR = /检查网络连接|network/i;

test('offline, an article never opened says it is not stored on this device; one opened before still opens', async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  const asked = watchIndexRequests(context, () => `${baseURL}data/`);
  await page.goto('./');
  const online = await countFor(page, '王毅');
  expect(online).toBeGreaterThan(1);
  // Read the second result only.
  await results(page).nth(1).getByRole('link').click();
  const reader = page.getByRole('dialog');
  const title = await reader.locator('article h2').textContent();
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await waitUntilStored(page, asked);

  await context.setOffline(true);
  await page.reload();
  expect(await countFor(page, '王毅')).toBe(online);
  // The first result: its row shows (its fragment is stored), its text was never fetched.
  const neverOpened = (await results(page).first().getByRole('link').textContent())!;
  expect(neverOpened).not.toBe(title);
  await results(page).first().getByRole('link').click();
  await expect(reader.getByText('现在离线，这篇文章还没有存到这台设备上：离线时能打开以前读过的文章。')).toBeVisible();
  await expect(reader.getByText(NETWORK_ERROR)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  // The one read before opens.
  await results(page).nth(1).getByRole('link').click();
  await expect(reader.locator('article h2')).toHaveText(title!);
});

test('offline, results whose summaries were never fetched are counted, and the missing summaries are said to be not stored', async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  const asked = watchIndexRequests(context, () => `${baseURL}data/`);
  await page.goto('./');
  await countFor(page, '王毅');
  // The page fetches the whole (small) vocabulary ahead a while after that search, in packs of
  // parts: once the service worker has stored every part (each pack's parts as files of their own),
  // any word is found offline.
  const parts = (await readdir(path.join(REPO_ROOT, 'dist/data'))).filter((file) => /^terms-[0-9a-z]+\.bin$/.test(file));
  expect(parts.length).toBeGreaterThan(0);
  await expect.poll(() => [...asked].some((file) => file.startsWith('pack-')), { timeout: 20_000 }).toBe(true);
  await waitUntilStored(page, asked);
  const unstored = async () => {
    const cached = new Set(await cachedIndexPaths(page));
    return parts.filter((file) => !cached.has(file));
  };
  await expect.poll(unstored, { timeout: 20_000 }).toEqual([]);
  // The packs themselves are not kept: their parts would take the room twice.
  expect((await cachedIndexPaths(page)).filter((file) => file.startsWith('pack-'))).toEqual([]);
  const fragments = [...asked].filter((file) => file.startsWith('a/'));

  await context.setOffline(true);
  await page.reload();
  // A word none of whose articles were shown online: its count comes from the stored vocabulary,
  // its rows' titles and snippets from fragments this device does not have.
  const count = await countFor(page, 'covid');
  expect(count).toBeGreaterThan(0);
  expect(fragments.length).toBeGreaterThan(0);
  await expect(page.getByText('现在离线，部分结果的摘要还没有存到这台设备上。联网后再试。')).toBeVisible();
  await expect(page.getByText(NETWORK_ERROR)).toHaveCount(0);
  // Online again, Retry brings them.
  await context.setOffline(false);
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByText('现在离线，部分结果的摘要还没有存到这台设备上。联网后再试。')).toHaveCount(0);
  await expect(results(page).first().locator('h3 a')).toBeVisible();
});
