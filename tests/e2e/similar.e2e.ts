import { expect, results, test, waitForResults } from './fixtures.ts';

// The real archive (/corpus/) holds two-part and three-part videos: near-duplicates by title.
test.describe('near-duplicates', () => {
  test('are collapsed under the best result, counted in the status, and expand in place', async ({ page }) => {
    await page.goto('./corpus/?q=敢怒敢研');
    const status = page.getByRole('status');
    await expect(status).toHaveText('找到 8 篇文章，合为 6 组');
    await waitForResults(page);
    await expect(results(page)).toHaveCount(6);
    const toggles = page.getByRole('button', { name: '另有 1 篇相似报道' });
    await expect(toggles).toHaveCount(2);
    await expect(toggles.first()).toHaveAttribute('aria-expanded', 'false');

    // In place: the similar part appears inside the same row, right under its result.
    const row = page.locator('ol.list > li').filter({ has: toggles.first() });
    const leader = (await row.locator('article').first().getByRole('link').textContent()) ?? '';
    const stem = leader.replace(/\s*\d\/\d\s*$/, '');
    await toggles.first().click();
    await expect(toggles.first()).toHaveAttribute('aria-expanded', 'true');
    await expect(results(page)).toHaveCount(7);
    const similar = row.locator('ol.similar article');
    await expect(similar).toHaveCount(1);
    await expect(similar.getByRole('link')).toContainText(stem);
    await expect(similar.getByRole('link')).not.toHaveText(leader);
    await expect(similar.locator('p.snippet:not(.placeholder)')).toBeVisible();
    // The count does not change when a group is opened.
    await expect(status).toHaveText('找到 8 篇文章，合为 6 组');

    await toggles.first().click();
    await expect(toggles.first()).toHaveAttribute('aria-expanded', 'false');
    await expect(results(page)).toHaveCount(6);
  });

  test('are offered in traditional Chinese and English too', async ({ page }) => {
    await page.goto('./corpus/?q=%E6%95%A2%E6%80%92%E6%95%A2%E7%A0%94&lang=en');
    await expect(page.getByRole('status')).toHaveText('8 articles in 6 groups');
    await expect(page.getByRole('button', { name: '1 similar' })).toHaveCount(2);
    await page.goto('./corpus/?q=%E6%95%A2%E6%80%92%E6%95%A2%E7%A0%94&lang=zh-Hant');
    await expect(page.getByRole('status')).toHaveText('找到 8 篇文章，合為 6 組');
    await expect(page.getByRole('button', { name: '另有 1 篇相似報導' })).toHaveCount(2);
  });

  test('Load more adds the next groups: no article twice, none skipped', async ({ page, search }) => {
    // Tall enough for every row to be in view (rows out of view wait for their titles).
    await page.setViewportSize({ width: 1280, height: 8000 });
    await page.goto('./corpus/');
    await search('奪命Loudzone');
    await expect(page.getByRole('status')).toHaveText('找到 9 篇文章，合为 5 组');
    await expect(results(page)).toHaveCount(5);

    // 新闻's second page holds similar groups under today's ranking (npm run search -- --json --limit 20 新闻).
    await search('新闻');
    await expect(page.getByRole('status')).toHaveText(/^找到 (\d+) 篇文章，合为 (\d+) 组$/);
    await expect(results(page)).toHaveCount(10);
    await page.getByRole('button', { name: '载入更多' }).click();
    await expect(results(page)).toHaveCount(20);
    await waitForResults(page);
    // Open every group on both pages: each article shows once.
    const toggles = page.getByRole('button', { name: /^另有 \d+ 篇相似报道$/ });
    let similar = 0;
    for (let i = 0; i < (await toggles.count()); i++) {
      similar += Number(/\d+/.exec((await toggles.nth(i).textContent()) ?? '')![0]);
      await toggles.nth(i).click();
    }
    expect(similar).toBeGreaterThan(0);
    await expect(results(page)).toHaveCount(20 + similar);
    await expect(results(page).getByRole('link')).toHaveCount(20 + similar);
    const hrefs = await results(page).getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(20);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
