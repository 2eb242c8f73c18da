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

test.describe('author and tag names in the traditional UI', () => {
  /** The archive of tests/fixtures/facets: authors 王小明 (2) and 李华 (1), tags 评论, 城市, 审查, …, stored in simplified characters. */
  const FACETS = './facets/';

  test('lists, chips and the reader name them in traditional characters; filters and URLs keep the stored name', async ({ page, openResult }) => {
    await page.goto(`${FACETS}?lang=zh-Hant`);
    const authors = page.getByRole('group', { name: '作者' });
    await expect(authors.getByRole('checkbox', { name: /^李華\s+1$/ })).toBeVisible();
    await expect(page.getByRole('group', { name: '標籤' }).getByRole('checkbox', { name: /^評論\s+2$/ })).toBeVisible();
    await expect(page.getByRole('group', { name: '標籤' }).getByRole('checkbox', { name: /^審查\s+1$/ })).toBeVisible();
    await expect(page.getByText('李华', { exact: true })).toHaveCount(0);

    await authors.getByRole('checkbox', { name: /^李華/ }).check();
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await expect(page).toHaveURL((url) => url.searchParams.getAll('author').join() === '李华');
    await expect(page.getByRole('group', { name: '目前篩選' }).getByRole('button', { name: '移除篩選：李華' })).toBeVisible();

    const reader = await openResult(0);
    await expect(reader.getByRole('link', { name: '作者：李華' })).toBeVisible();
    await expect(reader.getByRole('link', { name: '作者：李華' })).toHaveAttribute('href', /author=%E6%9D%8E%E5%8D%8E/); // 李华
  });

  test('a traditional form in the URL selects the stored name, and the URL is rewritten to it', async ({ page }) => {
    await page.goto(`${FACETS}?lang=zh-Hant&author=${encodeURIComponent('李華')}`);
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await expect(page.getByRole('group', { name: '作者' }).getByRole('checkbox', { name: /^李華/ })).toBeChecked();
    await expect(page).toHaveURL((url) => url.searchParams.getAll('author').join() === '李华');
    await expect(page.getByText('本存檔中沒有')).toHaveCount(0);
    await expect(page.getByRole('group', { name: '目前篩選' }).getByRole('button')).toHaveText([/李華/]);
  });
});
