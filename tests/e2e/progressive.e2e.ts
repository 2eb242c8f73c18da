import { expect, holdApp, resultCount, results, test, waitForResults } from './fixtures.ts';

/**
 * /blocks/ serves the fixtures indexed in blocks of three article numbers (see playwright.config.ts):
 * a query over the whole archive answers from the newest block first, then completes.
 */
test.describe('progressive results', () => {
  test('show the newest articles first and say how much has been searched, then complete', async ({ page }) => {
    const manifest = (await (await page.request.get('./blocks/data/manifest.json')).json()) as { docs: Array<{ file: string }>; articles: number };
    expect(manifest.docs.length).toBeGreaterThan(2);
    // Hold back every docs block but the newest: the first answer can only come from it.
    const older = new Set(manifest.docs.slice(0, -1).map((entry) => entry.file));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/blocks\/data\/docs-[^/]+\.bin$/, async (route) => {
      if (older.has(new URL(route.request().url()).pathname.split('/').pop()!)) await released;
      await route.continue();
    });

    // An empty query with a filter spanning the archive: every article matches.
    await page.goto('./blocks/?from=2000-01-01');
    const status = page.getByRole('status');
    await expect(status).toHaveText(new RegExp(`已搜索最新的 \\d+ 篇，共 ${manifest.articles} 篇`));
    await expect(page.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'true');
    const partial = await resultCount(page);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(manifest.articles);
    // Newest first: what is shown so far is the newest article.
    await expect(results(page).first().getByRole('link')).toHaveText('中国称反对扩大军事同盟');

    release();
    await waitForResults(page);
    await expect(status).toHaveText(`找到 ${manifest.articles} 篇文章`);
    expect(await resultCount(page)).toBe(manifest.articles);
  });

  test('show the newest articles first in the first paint too, before the App has come', async ({ page }) => {
    const manifest = (await (await page.request.get('./blocks/data/manifest.json')).json()) as { docs: Array<{ file: string }> };
    const older = new Set(manifest.docs.slice(0, -1).map((entry) => entry.file));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The worker asks for the docs blocks: a context route holds them.
    await page.context().route(/\/blocks\/data\/docs-[^/]+\.bin$/, async (route) => {
      if (older.has(new URL(route.request().url()).pathname.split('/').pop()!)) await released;
      await route.continue();
    });
    const releaseApp = await holdApp(page);
    await page.goto(`./blocks/?q=${encodeURIComponent('中国')}`);
    // The first paint (index.html's boot box, the App held back) says how much it has searched, and shows the newest block's page with its snippets.
    await expect(page.locator('#boot [role="status"]')).toHaveText(/已搜索最新的 \d+ 篇/);
    await expect(page.locator('#boot [role="status"]')).toHaveAttribute('data-partial', '');
    await expect(page.locator('#boot article p.snippet:not(.placeholder)').first()).toBeVisible();
    const partial = await page.locator('#boot article').count();
    expect(partial).toBeGreaterThan(0);
    release();
    await expect(page.locator('#boot [role="status"]')).toHaveText(/^找到 \d+ 篇文章/);
    releaseApp();
    await waitForResults(page);
    await expect(page.locator('#boot')).toHaveCount(0);
    expect(await resultCount(page)).toBeGreaterThanOrEqual(partial);
  });

  test('rank a query the same as the index in one block', async ({ page, search }) => {
    const titles = async (base: string) => {
      await page.goto(base);
      await search('北约');
      // Every row with its title: the first paint shows a row's link once its summary is there.
      await expect(results(page).getByRole('link')).toHaveCount(await resultCount(page));
      return results(page).getByRole('link').allTextContents();
    };
    expect(await titles('./blocks/')).toEqual(await titles('./'));
  });
});
