import { expect, results, test, waitForResults } from './fixtures.ts';

test.describe('outlet filter', () => {
  test('narrows the count, keeps live counts and updates the URL', async ({ page, search, filterByOutlet }) => {
    await page.goto('./');
    await search('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    // Live counts for the query, highest first; outlets with none only after "show all".
    await expect(page.getByRole('checkbox', { name: /^联合早报\s+1$/ })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^BBC\s+0$/ })).toHaveCount(0);
    await page.getByRole('button', { name: /^显示全部/ }).click();
    await expect(page.getByRole('checkbox', { name: /^BBC\s+0$/ })).toBeVisible();

    await filterByOutlet('联合早报');
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await expect(results(page).first().getByRole('link')).toHaveText('外长会谈聚焦北约与亚太安全');
    // Other outlets keep their counts: ticking one adds its articles.
    await filterByOutlet('自由亚洲电台');
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    const url = new URL(page.url());
    expect(url.searchParams.getAll('outlet')).toEqual(['联合早报', '自由亚洲电台']);
  });

  test('has a text box that narrows a long outlet list', async ({ page }) => {
    await page.goto('./');
    const filter = page.getByRole('textbox', { name: '查找来源' });
    await filter.fill('早报');
    await expect(page.getByRole('checkbox')).toHaveCount(1);
    await expect(page.getByRole('checkbox', { name: /^联合早报/ })).toBeVisible();
  });
});

test.describe('date filter', () => {
  test('narrows by the from/to date inputs', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    await page.getByLabel('起始日期').fill('2021-01-01');
    await expect(page).toHaveURL(/from=2021-01-01/);
    await page.getByLabel('结束日期').fill('2021-12-31');
    await expect(page).toHaveURL(/to=2021-12-31/);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
  });

  test('filters to a month by clicking a histogram bar (zooming into its days), and to a range by dragging', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    const histogram = page.getByRole('group', { name: '搜索结果的日期分布' });
    const september = histogram.getByRole('button', { name: /^2021年9月：2 篇$/ });
    await september.click();
    await expect(page).toHaveURL(/from=2021-09-01&to=2021-09-30/);
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    // The timeline now shows the month's days; its breadcrumb leads back out.
    await expect(histogram.getByRole('button', { name: /^2021年9月28日：2 篇$/ })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('navigation', { name: '日期范围' }).getByRole('button', { name: '全部日期' }).click();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');

    // Drag from the first bar to the second-to-last one: September 2021 to August 2023.
    const bars = histogram.getByRole('button');
    const first = (await bars.first().boundingBox())!;
    const beforeLast = (await bars.nth((await bars.count()) - 2).boundingBox())!;
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    await page.mouse.down();
    await page.mouse.move(beforeLast.x + beforeLast.width / 2, beforeLast.y + beforeLast.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=2021-09-01&to=2023-08-31/);
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
  });

  test('offers quick ranges counted back from the newest article, not from today', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByText('“最近”以存档中最新文章的日期（2023年9月26日）为准，而非今天。')).toBeVisible();
    await page.getByRole('button', { name: '最近一年' }).click();
    await expect(page).toHaveURL(/from=2022-09-27&to=2023-09-26/);
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await page.getByRole('button', { name: '最近一周' }).click();
    await expect(page).toHaveURL(/from=2023-09-20&to=2023-09-26/);
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
  });

  test('with no results, offers buttons that clear the filters', async ({ page, search, filterByOutlet }) => {
    await page.goto('./');
    await search('王毅');
    await page.getByRole('button', { name: /^显示全部/ }).click();
    await filterByOutlet('BBC');
    await expect(page.getByText('没有找到文章。')).toBeVisible();
    await page.getByRole('button', { name: '清除来源筛选' }).last().click();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
  });
});

test.describe('sorting', () => {
  test('orders by newest or oldest', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    await page.getByLabel('排序').selectOption('oldest');
    await expect(page).toHaveURL(/sort=oldest/);
    await waitForResults(page);
    await expect(results(page).first().getByRole('link')).toHaveText('外长会谈聚焦北约与亚太安全');
    await page.getByLabel('排序').selectOption('newest');
    await waitForResults(page);
    await expect(results(page).first().getByRole('link')).toHaveText('中国称反对扩大军事同盟');
  });
});

test.describe('URL state', () => {
  test('a shared URL restores the same view', async ({ page }) => {
    const outlets = ['联合早报', '自由亚洲电台'].map((o) => `outlet=${encodeURIComponent(o)}`).join('&');
    await page.goto(`./?q=${encodeURIComponent('王毅')}&${outlets}&from=2021-09-01&to=2021-09-30&sort=oldest`);
    await expect(page.getByRole('searchbox')).toHaveValue('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    await expect(page.getByRole('checkbox', { name: /^联合早报/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^自由亚洲电台/ })).toBeChecked();
    await page.getByRole('button', { name: /^显示全部/ }).click();
    await expect(page.getByRole('checkbox', { name: /^法广/ })).not.toBeChecked();
    await expect(page.getByLabel('起始日期')).toHaveValue('2021-09-01');
    await expect(page.getByLabel('结束日期')).toHaveValue('2021-09-30');
    await expect(page.getByLabel('排序')).toHaveValue('oldest');
    await expect(results(page).first().getByRole('link')).toHaveText('外长会谈聚焦北约与亚太安全');
  });

  test('Back and Forward restore the previous views', async ({ page, search, filterByOutlet }) => {
    await page.goto('./');
    await search('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await filterByOutlet('法广');
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');

    await page.goBack();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect(page.getByRole('checkbox', { name: /^法广/ })).not.toBeChecked();
    await page.goBack();
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await expect(page.getByRole('searchbox')).toHaveValue('');
    await page.goForward();
    await page.goForward();
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await expect(page.getByRole('checkbox', { name: /^法广/ })).toBeChecked();
  });

  test('typing replaces its own history entry instead of adding one per keystroke', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    const entries = await page.evaluate(() => history.length);
    const box = page.getByRole('searchbox');
    await box.pressSequentially('北约', { delay: 120 });
    await expect(page).toHaveURL(/q=%E5%8C%97%E7%BA%A6/);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await page.goBack();
    await expect(box).toHaveValue('');
  });
});
