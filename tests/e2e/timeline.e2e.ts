import { expect, test, waitForResults } from './fixtures.ts';

// The fixtures: seven articles in July 2020, two in September 2021, one in September 2023.

test.describe('the timeline', () => {
  test('drills down year → month → day by click, and back out by its breadcrumb', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    const histogram = page.getByRole('group', { name: '搜索结果的日期分布' });
    const crumbs = page.getByRole('navigation', { name: '日期范围' });
    // Over three years: a bar per year, gaps included.
    await expect(histogram.getByRole('button')).toHaveCount(4);
    await histogram.getByRole('button', { name: /^2020年：\d+ 篇$/ }).click();
    await expect(page).toHaveURL(/from=2020-01-01&to=2020-12-31/);
    // The year's months.
    await expect(histogram.getByRole('button')).toHaveCount(12);
    await expect(crumbs.locator('[aria-current]')).toHaveText('2020年');
    await histogram.getByRole('button', { name: /^2020年7月：\d+ 篇$/ }).click();
    await expect(page).toHaveURL(/from=2020-07-01&to=2020-07-31/);
    // The month's days.
    await expect(histogram.getByRole('button')).toHaveCount(31);
    await histogram.getByRole('button', { name: '2020年7月18日：1 篇' }).click();
    await expect(page).toHaveURL(/from=2020-07-18&to=2020-07-18/);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await expect(crumbs.getByRole('button')).toHaveText(['全部日期', '2020年', '2020年7月']);
    await expect(crumbs.locator('[aria-current]')).toHaveText('2020年7月18日');
    // Back out one step, then all the way.
    await crumbs.getByRole('button', { name: '2020年', exact: true }).click();
    await expect(page).toHaveURL(/from=2020-01-01&to=2020-12-31/);
    await expect(histogram.getByRole('button')).toHaveCount(12);
    await crumbs.getByRole('button', { name: '全部日期' }).click();
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await expect(histogram.getByRole('button')).toHaveCount(4);
  });

  test('is operable from the keyboard: one tab stop, arrow keys between bars, Enter to zoom in', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    const histogram = page.getByRole('group', { name: '搜索结果的日期分布' });
    const bars = histogram.getByRole('button');
    await expect(bars).toHaveCount(4);
    await expect(histogram.locator('[tabindex="0"]')).toHaveCount(1);
    await bars.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(bars.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(bars.nth(3)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(bars.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/from=2021-01-01&to=2021-12-31/);
    await expect(bars).toHaveCount(12);
  });

  test('keeps a bar of one article visible beside a bar of hundreds', async ({ page }) => {
    await page.goto('./corpus/');
    await expect(page.getByRole('status')).toHaveText(/共 \d+ 篇文章/);
    const histogram = page.getByRole('group', { name: '搜索结果的日期分布' });
    await expect(histogram.getByRole('button').first()).toBeVisible();
    const bars = await histogram.getByRole('button').evaluateAll((buttons) =>
      buttons.map((button) => ({
        count: Number(/(\d+) 篇$/.exec(button.getAttribute('aria-label') ?? '')![1]),
        fill: button.querySelector('.fill')?.getBoundingClientRect().height ?? 0,
        height: button.getBoundingClientRect().height,
      })),
    );
    const highest = Math.max(...bars.map((bar) => bar.count));
    // The real archive has bars so small that a height in proportion would be under a pixel.
    expect(bars.some((bar) => bar.count > 0 && (bar.count / highest) * bar.height < 1)).toBe(true);
    for (const bar of bars) {
      if (bar.count > 0) expect(bar.fill).toBeGreaterThanOrEqual(3);
      else expect(bar.fill).toBe(0);
    }
  });

  test('refuses a from date after the to date, with a message next to the inputs', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await page.getByLabel('结束日期').fill('2021-12-31');
    await expect(page).toHaveURL(/to=2021-12-31/);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    await page.getByLabel('起始日期').fill('2022-06-01');
    const message = page.getByRole('alert');
    await expect(message).toHaveText('起始日期不能晚于结束日期，请改一下其中一个日期。');
    await expect(page.getByLabel('起始日期')).toHaveAttribute('aria-invalid', 'true');
    // Not searched: the URL and the count are those of the last valid range.
    await expect(page).not.toHaveURL(/from=/);
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    // A valid from clears the message and applies.
    await page.getByLabel('起始日期').fill('2021-01-01');
    await expect(page).toHaveURL(/from=2021-01-01&to=2021-12-31/);
    await expect(page.getByText('起始日期不能晚于结束日期')).toHaveCount(0);
  });

  test('selects a range by dragging across bars', async ({ page }) => {
    await page.goto('./?from=2020-01-01&to=2020-12-31');
    const histogram = page.getByRole('group', { name: '搜索结果的日期分布' });
    const bars = histogram.getByRole('button');
    await expect(bars).toHaveCount(12);
    await bars.first().scrollIntoViewIfNeeded();
    const march = (await bars.nth(2).boundingBox())!;
    const august = (await bars.nth(7).boundingBox())!;
    await page.mouse.move(march.x + march.width / 2, march.y + march.height / 2);
    await page.mouse.down();
    await page.mouse.move(august.x + august.width / 2, august.y + august.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=2020-03-01&to=2020-08-31/);
    await expect(page.getByRole('navigation', { name: '日期范围' }).locator('[aria-current]')).toHaveText('2020年3月1日至2020年8月31日');
  });
});
