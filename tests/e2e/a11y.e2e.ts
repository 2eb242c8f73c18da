import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Serious and critical axe findings on the page as it is now. */
async function seriousFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });

    test('the start page has no serious findings', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
      await expect(page.locator('article p mark, article p.snippet').first()).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });

    test('a results page has no serious findings', async ({ page, search, filterByOutlet }) => {
      await page.goto('./');
      await search('王毅');
      await filterByOutlet('联合早报');
      await expect(page.locator('article mark').first()).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });

    test('the reader has no serious findings', async ({ page, search, filterByOutlet, openResult }) => {
      await page.goto('./');
      await search('王毅');
      await filterByOutlet('联合早报');
      const reader = await openResult(0);
      await expect(reader.getByRole('region', { name: '其他媒体的同题报道' }).getByRole('link')).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });
  });
}

test('the search box has a name and the page says its language', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('searchbox', { name: '搜索新闻文章' })).toHaveAttribute('type', 'search');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
});

test('focus is visible on the controls', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
