import type { Page } from '@playwright/test';
import { expect, results, test, waitForResults } from './fixtures.ts';

/** The chip row above the results. */
const chipRow = (page: Page) => page.getByRole('group', { name: '当前筛选' });
/** The outlet checkboxes' names (`name count`), in the order listed. */
const outletList = (page: Page) => page.getByRole('group', { name: '来源' }).getByRole('checkbox');
const names = async (page: Page) => (await outletList(page).evaluateAll((boxes) => boxes.map((box) => box.closest('label')!.querySelector('.name')!.textContent))) as string[];

test.describe('active-filter chips', () => {
  test('show each filter above the results, remove it one by one or all at once', async ({ page, search, filterByOutlet }) => {
    await page.goto('./');
    await expect(chipRow(page)).toBeHidden();
    await search('王毅');
    await filterByOutlet('联合早报');
    await expect(chipRow(page).getByRole('button', { name: '移除筛选：联合早报' })).toBeVisible();
    // One chip: no "clear all" in the row.
    await expect(chipRow(page).getByRole('button', { name: '清除全部筛选' })).toHaveCount(0);

    await filterByOutlet('自由亚洲电台');
    await page.getByLabel('起始日期').fill('2021-01-01');
    await expect(page).toHaveURL(/from=2021-01-01/);
    await page.getByLabel('排序').selectOption('oldest');
    await waitForResults(page);
    await expect(chipRow(page).getByRole('button')).toHaveText([/联合早报/, /自由亚洲电台/, /2021年1月1日起/, /最早在前/, '清除全部筛选']);
    await expect(chipRow(page).getByRole('button', { name: '移除筛选：2021年1月1日起' })).toBeVisible();
    await expect(chipRow(page).getByRole('button', { name: '移除筛选：最早在前' })).toBeVisible();

    // Removing a chip removes its filter, everywhere, and focus moves to the chip that took its place.
    await chipRow(page).getByRole('button', { name: '移除筛选：联合早报' }).click();
    await expect(page).toHaveURL((url) => url.searchParams.getAll('outlet').join() === '自由亚洲电台');
    await expect(page.getByRole('checkbox', { name: /^联合早报/ })).not.toBeChecked();
    await expect(page.getByRole('button', { name: '移除筛选：自由亚洲电台' })).toBeFocused();
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');

    await chipRow(page).getByRole('button', { name: '移除筛选：2021年1月1日起' }).click();
    await expect(page.getByLabel('起始日期')).toHaveValue('');
    await chipRow(page).getByRole('button', { name: '清除全部筛选' }).click();
    await expect(chipRow(page)).toBeHidden();
    await expect(page).toHaveURL((url) => url.search === `?q=${encodeURIComponent('王毅')}`);
    await expect(page.getByLabel('排序')).toHaveValue('relevance');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    // Nothing left to focus in the row: the search box takes it.
    await expect(page.getByRole('searchbox')).toBeFocused();
  });

  test('say their names in English and traditional Chinese', async ({ page }) => {
    await page.goto(`./?lang=en&q=${encodeURIComponent('王毅')}&outlet=${encodeURIComponent('法广')}&to=2022-12-31`);
    await expect(page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: 'Remove filter: 法广' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove filter: Until December 31, 2022' })).toBeVisible();
    await page.goto(`./?lang=zh-Hant&q=${encodeURIComponent('王毅')}&outlet=${encodeURIComponent('法广')}`);
    // The traditional UI names the outlet as its filter list does.
    await expect(page.getByRole('group', { name: '目前篩選' }).getByRole('button', { name: '移除篩選：法廣' })).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

    test('are shown with the filter panel folded away', async ({ page }) => {
      await page.goto(`./?q=${encodeURIComponent('王毅')}&outlet=${encodeURIComponent('法广')}`);
      await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
      await expect(page.locator('details.facets')).not.toHaveAttribute('open');
      await expect(page.getByRole('checkbox', { name: /^法广/ })).toBeHidden();
      const chip = page.getByRole('button', { name: '移除筛选：法广' });
      await expect(chip).toBeInViewport();
      await chip.tap();
      await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
      await expect(chip).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
});

test.describe('a URL value the archive does not have', () => {
  test('is a chip marked unknown, checked in the list, and the page says so', async ({ page }) => {
    await page.goto(`./?q=${encodeURIComponent('王毅')}&outlet=NoSuchOutlet`);
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    const note = '本存档中没有来源“NoSuchOutlet”，没有文章符合这个筛选。';
    await expect(page.getByText(note)).toBeVisible();
    const chip = chipRow(page).getByRole('button', { name: '移除筛选：NoSuchOutlet' });
    await expect(chip).toContainText('存档中没有');
    await expect(chip).toHaveAccessibleDescription(note);
    await expect(page.getByRole('checkbox', { name: /^NoSuchOutlet/ })).toBeChecked();

    await chip.click();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect(page.getByText(note)).toBeHidden();
    await expect(page.getByRole('checkbox', { name: /^NoSuchOutlet/ })).toHaveCount(0);
  });

  test('beside a known one, only the unknown is marked', async ({ page }) => {
    await page.goto(`./?lang=en&q=${encodeURIComponent('王毅')}&outlet=NoSuchOutlet&outlet=${encodeURIComponent('法广')}&from=2030-01-01`);
    await expect(page.getByRole('button', { name: 'Remove filter: 法广' })).not.toContainText('not in this archive');
    await expect(page.getByRole('button', { name: 'Remove filter: NoSuchOutlet' })).toContainText('not in this archive');
    await expect(page.getByText('This archive has no outlet “NoSuchOutlet”: no article can match that filter.')).toBeVisible();
    await expect(page.getByText("This archive's articles date from July 7, 2020 to September 26, 2023: none falls in the dates chosen.", { exact: false })).toBeVisible();
  });
});

test.describe('the outlet list', () => {
  test('lists selected values first, then by count, with values of no result behind "show all"', async ({ page, search }) => {
    await page.goto(`./?q=${encodeURIComponent('王毅')}`);
    await waitForResults(page);
    await expect(outletList(page)).toHaveCount(3);
    expect(await names(page)).toEqual(['法广', '联合早报', '自由亚洲电台']);
    const showAll = page.getByRole('button', { name: '显示全部（另有 7 个没有结果）' });
    await showAll.click();
    await expect(outletList(page)).toHaveCount(10);
    await expect(page.getByRole('checkbox', { name: /^BBC\s+0$/ })).toBeVisible();
    await page.getByRole('button', { name: '收起' }).click();
    await expect(outletList(page)).toHaveCount(3);

    // A selected value is listed first even with no result.
    await page.goto(`./?q=${encodeURIComponent('王毅')}&outlet=BBC`);
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    // The list's controls come after the first results (FacetPanel), its counts a paint after the answer.
    await expect.poll(() => names(page)).toEqual(['BBC', '法广', '联合早报', '自由亚洲电台']);
    await search('');
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
  });

  test('does not move the box just ticked while the pointer is over the list; reorders once it leaves', async ({ page }) => {
    await page.goto(`./?q=${encodeURIComponent('王毅')}`);
    await waitForResults(page);
    await expect.poll(() => names(page)).toEqual(['法广', '联合早报', '自由亚洲电台']);
    await page.getByRole('checkbox', { name: /^自由亚洲电台/ }).check();
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await waitForResults(page);
    // The answer is in (the list shows its chip): the ticked box is still third, under the pointer.
    await expect(page.getByRole('button', { name: '移除筛选：自由亚洲电台' })).toBeVisible();
    expect(await names(page)).toEqual(['法广', '联合早报', '自由亚洲电台']);
    await page.mouse.move(0, 0);
    await expect.poll(() => names(page)).toEqual(['自由亚洲电台', '法广', '联合早报']);
  });
});

test.describe('title and order', () => {
  test('the page title names the query while searching', async ({ page, search }) => {
    await page.goto('./');
    const site = await page.title();
    expect(site).toBe('新闻存档搜索 · News archive search');
    await search('王毅 北约');
    await expect(page).toHaveTitle(`王毅 北约 – ${site}`);
    await search('');
    await expect(page).toHaveTitle(site);
  });

  test('the list without words says it is newest first, and relevance comes back with words', async ({ page, search }) => {
    await page.goto('./');
    const sort = page.getByLabel('排序');
    await expect(sort).toHaveValue('newest');
    await expect(sort.locator('option[value="relevance"]')).toBeDisabled();
    await expect(chipRow(page)).toBeHidden();

    await sort.selectOption('oldest');
    await expect(page).toHaveURL(/sort=oldest/);
    await expect(chipRow(page).getByRole('button', { name: '移除筛选：最早在前' })).toBeVisible();
    await sort.selectOption('newest');
    // Newest first is the default's own order here: the URL stays clean.
    await expect(page).toHaveURL((url) => !url.searchParams.has('sort'));
    await expect(chipRow(page)).toBeHidden();

    await search('王毅');
    await expect(sort).toHaveValue('relevance');
    await expect(results(page).first().getByRole('link')).toBeVisible();
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1600, height: 900 } });

  test('is one background: the page and the app column are the same colour on a wide screen', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    const colours = await page.evaluate(() => {
      const app = document.querySelector('.news-search')!;
      const { left } = app.getBoundingClientRect();
      return { page: getComputedStyle(document.body).backgroundColor, app: getComputedStyle(app).backgroundColor, margin: left };
    });
    // A margin either side of the column, where the page's own colour shows.
    expect(colours.margin).toBeGreaterThan(100);
    expect(colours.app).toBe('rgb(22, 23, 27)');
    expect(colours.page).toBe(colours.app);
  });
});
