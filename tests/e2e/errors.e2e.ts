import { expect, results, test } from './fixtures.ts';

// These tests break the index on purpose: the app logs each failure once, and the browser
// reports the failed requests.
test.use({ allowedConsoleErrors: /^news-archive-search:|Failed to load resource/ });

test.describe('a missing index', () => {
  test('shows a message with Retry, which works once the index is back', async ({ page, consoleErrors }) => {
    await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('./');
    await expect(page.getByText('无法载入搜索索引。请检查网络连接，然后重试。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('searchbox')).toBeEditable();
    // The technical detail goes to the console, once.
    expect(consoleErrors.filter((text) => text.startsWith('news-archive-search:'))).toEqual([expect.stringMatching(/manifest\.json.*404/)]);

    await page.unroute('**/data/manifest.json');
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await expect(page.getByText('无法载入搜索索引')).toBeHidden();
    await expect(results(page)).toHaveCount(10);
  });

  test('keeps a query typed before the failure and runs it after Retry', async ({ page }) => {
    await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 503, body: 'Unavailable' }));
    await page.goto(`./?q=${encodeURIComponent('王毅')}`);
    await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
    await page.unroute('**/data/manifest.json');
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
  });
});

test.describe('a corrupt index', () => {
  test('says the index is damaged, with Retry', async ({ page }) => {
    await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "articles":' }));
    await page.goto('./');
    await expect(page.getByText(/^出错了 搜索索引已损坏或版本不符/)).toBeVisible();
    await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
  });

  test('says so for an index of another version', async ({ page }) => {
    await page.route('**/data/manifest.json', async (route) => {
      const manifest = await (await route.fetch()).json();
      await route.fulfill({ json: { ...manifest, version: 999 } });
    });
    await page.goto('./');
    await expect(page.getByText(/搜索索引已损坏或版本不符/)).toBeVisible();
  });

  test('says so for a corrupt vocabulary part', async ({ page, search }) => {
    await page.route(/\/data\/terms-[^/]+\.bin$/, (route) => route.fulfill({ status: 200, body: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]) }));
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await search('王毅');
    await expect(page.getByText(/搜索索引已损坏或版本不符/)).toBeVisible();
  });
});

test.describe('a failed part', () => {
  test('a vocabulary part that fails shows a message, and Retry finishes the search', async ({ page, search }) => {
    await page.route(/\/data\/terms-[^/]+\.bin$/, (route) => route.fulfill({ status: 500, body: 'Server error' }));
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await search('王毅');
    await expect(page.getByText('索引的一部分无法载入，所以无法完成这次搜索。请检查网络连接，然后重试。')).toBeVisible();

    await page.unroute(/\/data\/terms-[^/]+\.bin$/);
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect(page.getByRole('button', { name: '重试' })).toBeHidden();
  });

  test('result fragments that fail say so, and Retry loads them', async ({ page, search }) => {
    await page.route(/\/data\/a\/\d+\.json$/, (route) => route.abort('failed'));
    // The real archive: most of its results are not among the newest, whose snippets the manifest carries.
    await page.goto('./corpus/');
    await search('王毅');
    await expect(page.getByText('出错了 部分搜索结果无法载入。请检查网络连接，然后重试。')).toBeVisible();
    await expect(results(page).getByText('摘要无法载入。').first()).toBeVisible();
    await page.unroute(/\/data\/a\/\d+\.json$/);
    await page.getByRole('button', { name: '重试' }).click();
    await expect(results(page).first().locator('p.snippet mark').first()).toHaveText('王毅');
    await expect(results(page).getByText('摘要无法载入。')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '重试' })).toBeHidden();
  });

  test('an article that fails to load shows Retry inside the reader', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    await page.route(/\/data\/h\/\d+\.html$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await results(page).first().getByRole('link').click();
    const reader = page.getByRole('dialog');
    await expect(reader.getByText('这篇文章无法载入。请检查网络连接，然后重试。')).toBeVisible();
    await page.unroute(/\/data\/h\/\d+\.html$/);
    await reader.getByRole('button', { name: '重试' }).click();
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('中国称反对扩大军事同盟');
  });
});

test.describe('messages that name what happened', () => {
  test('a damaged part leaves no promise of a search in the status line', async ({ page }) => {
    await page.route(/\/data\/terms-[^/]+\.bin$/, (route) => route.fulfill({ status: 200, body: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]) }));
    await page.goto(`./?q=${encodeURIComponent('王毅')}`);
    await expect(page.getByText(/搜索索引已损坏或版本不符/)).toBeVisible();
    await expect(page.locator('p.count[role="status"]')).toHaveText('');
  });

  test('a forged manifest (two billion articles) is a damaged index, not a network problem', async ({ page, consoleErrors }) => {
    await page.route('**/data/manifest.json', async (route) => {
      const manifest = await (await route.fetch()).json();
      await route.fulfill({ json: { ...manifest, slots: 2e9 } });
    });
    await page.goto('./');
    await expect(page.getByText(/搜索索引已损坏或版本不符/)).toBeVisible();
    await expect(page.getByText(/请检查网络连接/)).toBeHidden();
    expect(consoleErrors.filter((text) => text.startsWith('news-archive-search:'))).toEqual([expect.stringMatching(/manifest\.json declares slots: 2000000000/)]);
  });

  test('a shared article link on a damaged index says the index is damaged', async ({ page }) => {
    await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "articles":' }));
    await page.goto('./#a=zzzzzzzzzz');
    const reader = page.getByRole('dialog');
    await expect(reader.getByText(/搜索索引已损坏或版本不符/)).toBeVisible();
    await expect(reader.getByText(/请检查网络连接/)).toBeHidden();
  });
});
