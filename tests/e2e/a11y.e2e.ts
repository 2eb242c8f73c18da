import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForResults } from './fixtures.ts';

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

/** Phone and desktop, as the page lays itself out (the filter panel folds away below 48rem). */
const LAYOUTS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const [layout, viewport] of Object.entries(LAYOUTS)) {
    test.describe(`accessibility with filters on, ${scheme} colour scheme, ${layout}`, () => {
      test.use({ colorScheme: scheme, viewport });

      test('the chips, an unknown value and the whole outlet list have no serious findings, in each language', async ({ page }) => {
        // Three page loads and three axe runs: slow on a loaded machine (no timing is asserted).
        test.slow();
        const query = `q=${encodeURIComponent('王毅')}&outlet=${encodeURIComponent('法广')}&outlet=NoSuchOutlet&from=2021-01-01&sort=oldest`;
        for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
          await page.goto(`./?lang=${lang}&${query}`);
          await waitForResults(page);
          await expect(page.locator('.news-search')).toHaveAttribute('lang', lang);
          // Four chips (two outlets, the dates, the order) and "clear all".
          await expect(page.locator('.active-filters').getByRole('button')).toHaveCount(5);
          if (layout === 'phone') await page.locator('details.facets > summary').click();
          await page.getByRole('button', { name: /^(显示全部|顯示全部|Show all)/ }).click();
          await expect(page.getByRole('checkbox', { name: /^BBC/ })).toBeVisible();
          expect(await seriousFindings(page), `${lang}`).toEqual([]);
        }
      });
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility of the author and tag facets, ${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });

    test("their boxes, their chips (an unknown author among them) and the reader's author link have no serious findings, in each language", async ({ page, openResult }) => {
      // Three languages, two axe runs each: slow on a loaded machine (no timing is asserted).
      test.slow();
      const query = `q=${encodeURIComponent('城市')}&author=${encodeURIComponent('王小明')}&author=NoSuchAuthor&tag=${encodeURIComponent('评论')}`;
      for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
        // tests/fixtures/facets, served at /facets/.
        await page.goto(`./facets/?lang=${lang}&${query}`);
        await waitForResults(page);
        await expect(page.locator('.news-search')).toHaveAttribute('lang', lang);
        // Three chips (two authors, one tag) and "clear all"; the unknown author marked in its box.
        await expect(page.locator('.active-filters').getByRole('button')).toHaveCount(4);
        await expect(page.getByRole('checkbox', { name: /^NoSuchAuthor/ })).toBeChecked();
        // The traditional UI names the tag in traditional characters.
        await expect(page.getByRole('checkbox', { name: lang === 'zh-Hant' ? /^評論/ : /^评论/ })).toBeChecked();
        expect(await seriousFindings(page), `${lang}`).toEqual([]);
        const reader = await openResult(0);
        await expect(reader.getByRole('link', { name: /王小明/ })).toBeVisible();
        expect(await seriousFindings(page), `${lang}, reader`).toEqual([]);
      }
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
