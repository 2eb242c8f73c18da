import { expect, results, test, waitForResults } from './fixtures.ts';

test.describe('while a search loads', () => {
  test('shows a quiet indicator in the search box, dims the old results, and moves nothing', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    const first = results(page).first();
    await expect(first.locator('p.snippet:not(.placeholder)')).toBeVisible();
    const before = (await first.boundingBox())!;

    // A slow link (CDP) for the page, and the worker's index files held until released (the
    // worker's own requests are not throttled by the page's emulation), so the search lasts.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 800, downloadThroughput: 20_000, uploadThroughput: 20_000 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/data\/(docs|terms)-[^/]+\.bin$/, async (route) => {
      await released;
      await route.continue();
    });
    // Record where the first result is on every frame while the results are busy, until the search settles.
    await page.evaluate(() => {
      const tops: number[] = [];
      (window as unknown as { tops: number[] }).tops = tops;
      let seenBusy = false;
      const sample = () => {
        const busy = document.querySelector('section[aria-busy="true"] article');
        if (busy) {
          seenBusy = true;
          tops.push(busy.getBoundingClientRect().top);
        }
        if (busy || !seenBusy) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.getByRole('searchbox').fill('王毅');

    const busy = page.locator('[data-busy]');
    await expect(busy).toBeVisible();
    await expect(busy).toHaveText('正在搜索…');
    await expect(busy.getByRole('progressbar', { name: '索引载入进度' })).toBeAttached();
    // The old results, dimmed in place.
    await expect.poll(() => page.locator('section[aria-busy="true"] .list').evaluate((list) => Number(getComputedStyle(list).opacity))).toBeLessThan(1);
    expect((await first.boundingBox())!.y).toBe(before.y);
    // No internal words anywhere on the page.
    expect(await page.locator('body').innerText()).not.toMatch(/分片|词表|詞表|\bparts?\b|\bblocks?\b|\bshards?\b/i);

    release();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await waitForResults(page);
    await expect(busy).toHaveCount(0);
    await expect(page.locator('section[aria-busy] .list')).toHaveCSS('opacity', '1');
    const tops = await page.evaluate(() => (window as unknown as { tops: number[] }).tops);
    expect(tops.length).toBeGreaterThan(1);
    expect(new Set(tops)).toEqual(new Set([before.y]));
  });
});
