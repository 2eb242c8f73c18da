import { expect, results, test, waitForResults } from './fixtures.ts';

/** The archive of tests/fixtures/facets: two articles by 王小明, one by 李华, tags from front matter and a CDT "Post tags:" line. */
const FACETS = './facets/';

test.describe('author and tag facets', () => {
  test('show the answer\'s authors and tags, and a tick narrows the results and the URL', async ({ page }) => {
    await page.goto(`${FACETS}?q=${encodeURIComponent('城市')}&lang=en`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('4 articles');
    const tags = page.getByRole('group', { name: 'Tag' });
    await expect(tags.getByRole('checkbox', { name: /^城市\s+2$/ })).toBeVisible();
    await expect(tags.getByRole('checkbox', { name: /^审查\s+1$/ })).toBeVisible(); // from the "Post tags:" line
    await expect(page.getByRole('group', { name: 'Author' }).getByRole('checkbox', { name: /^王小明\s+1$/ })).toBeVisible();

    await tags.getByRole('checkbox', { name: /^评论/ }).check();
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('1 article');
    await expect(results(page).first().getByRole('link')).toHaveText('城市的夜晚与灯光');
    expect(new URL(page.url()).searchParams.getAll('tag')).toEqual(['评论']);
  });

  test('restore author= and tag= from a link, ticked', async ({ page }) => {
    await page.goto(`${FACETS}?q=${encodeURIComponent('城市')}&author=${encodeURIComponent('王小明')}&lang=en`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('1 article');
    await expect(page.getByRole('group', { name: 'Author' }).getByRole('checkbox', { name: /^王小明/ })).toBeChecked();
    await page.getByRole('button', { name: 'Clear author filter' }).click();
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('4 articles');
    expect(new URL(page.url()).searchParams.has('author')).toBe(false);
  });
});

test.describe('the reader\'s author', () => {
  test('is a link that closes the reader and narrows the results to the author\'s articles', async ({ page, openResult }) => {
    await page.goto(`${FACETS}?q=${encodeURIComponent('夜晚')}&lang=en`);
    await waitForResults(page);
    const reader = await openResult(0);
    await expect(reader.getByRole('heading', { name: '城市的夜晚与灯光' })).toBeVisible();
    await reader.getByRole('link', { name: 'By 王小明' }).click();
    await waitForResults(page);
    await expect(reader).toBeHidden();
    await expect(page.getByRole('status')).toHaveText('1 article');
    expect(new URL(page.url()).searchParams.getAll('author')).toEqual(['王小明']);
  });
});
