import { expect, results, test } from './fixtures.ts';

test.describe('the language selector', () => {
  test('offers 简体, 繁體 and English; a zh-TW reader can switch to simplified, and the site remembers it', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-TW' });
    const page = await context.newPage();
    await page.goto('./?q=%E7%8E%8B%E6%AF%85');
    const select = page.getByLabel('介面語言');
    await expect(select).toHaveValue('zh-Hant');
    await expect(select.locator('option')).toHaveText(['简体', '繁體', 'English']);
    // Outlet names in traditional characters.
    await expect(results(page).getByText('聯合早報', { exact: true }).first()).toBeVisible();
    await expect(results(page).getByText('联合早报', { exact: true })).toHaveCount(0);

    await select.selectOption('简体');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新闻存档搜索');
    await expect(results(page).getByText('联合早报', { exact: true }).first()).toBeVisible();
    await expect(page).toHaveURL(/lang=zh-Hans/);
    // Remembered for this site: a visit without ?lang= opens in simplified.
    await page.goto('./');
    await expect(page.getByLabel('界面语言')).toHaveValue('zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新闻存档搜索');
    // ?lang= still wins.
    await page.goto('./?lang=en');
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.getByRole('status')).toHaveText('10 articles in the archive');
    // Another site (another folder) keeps its own choice: the browser's traditional Chinese.
    await page.goto('./corpus/');
    await expect(page.getByLabel('介面語言')).toHaveValue('zh-Hant');
    await context.close();
  });

  test('remembers English too, across visits', async ({ page }) => {
    await page.goto('./');
    await page.getByLabel('界面语言').selectOption('English');
    await expect(page.getByRole('status')).toHaveText('10 articles in the archive');
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('10 articles in the archive');
    await page.getByLabel('Language').selectOption('繁體');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新聞存檔搜尋');
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新聞存檔搜尋');
  });
});
