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

test.describe('author and tag chips', () => {
  test('one chip per author and tag above the results; removing one removes that filter only', async ({ page }) => {
    await page.goto(`${FACETS}?q=${encodeURIComponent('城市')}&author=${encodeURIComponent('王小明')}&tag=${encodeURIComponent('评论')}`);
    await waitForResults(page);
    const row = page.getByRole('group', { name: '当前筛选' });
    await expect(row.getByRole('button')).toHaveText([/王小明/, /评论/, '清除全部筛选']);
    await row.getByRole('button', { name: '移除筛选：王小明' }).click();
    await expect(page).toHaveURL((url) => !url.searchParams.has('author') && url.searchParams.getAll('tag').join() === '评论');
    await expect(page.getByRole('group', { name: '作者' }).getByRole('checkbox', { name: /^王小明/ })).not.toBeChecked();
    await expect(row.getByRole('button', { name: '移除筛选：评论' })).toBeFocused();
    await page.goto(`${FACETS}?lang=en&q=${encodeURIComponent('城市')}&tag=${encodeURIComponent('评论')}`);
    await expect(page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: 'Remove filter: 评论' })).toBeVisible();
  });

  test('an author the archive does not have is a chip marked unknown, listed in its box, and the page says so', async ({ page }) => {
    await page.goto(`${FACETS}?q=${encodeURIComponent('城市')}&author=NoSuchAuthor`);
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    await expect(page.getByText('本存档中没有作者“NoSuchAuthor”，没有文章符合这个筛选。')).toBeVisible();
    const chip = page.getByRole('group', { name: '当前筛选' }).getByRole('button', { name: '移除筛选：NoSuchAuthor' });
    await expect(chip).toContainText('存档中没有');
    const box = page.getByRole('group', { name: '作者' }).getByRole('checkbox', { name: /^NoSuchAuthor/ });
    await expect(box).toBeChecked();
    await chip.click();
    await expect(page.getByRole('status')).toHaveText('找到 4 篇文章');
    await expect(page.getByText('本存档中没有作者')).toHaveCount(0);
  });
});

test.describe("the widget's filter panel", () => {
  test('has the author and tag facets, and a tick narrows the widget\'s results', async ({ page }) => {
    await page.goto('./embed/embed-facets.html');
    const widget = page.locator('news-search#facets');
    await widget.getByRole('searchbox').fill('城市');
    await expect(widget.getByRole('status')).toHaveText('4 articles');
    const authors = widget.getByRole('group', { name: 'Author' });
    await expect(authors.getByRole('checkbox', { name: /^王小明\s+1$/ })).toBeVisible();
    await widget.getByRole('group', { name: 'Tag' }).getByRole('checkbox', { name: /^评论\s+1$/ }).check();
    await expect(widget.getByRole('status')).toHaveText('1 article');
    await expect(widget.getByRole('button', { name: 'Remove filter: 评论' })).toBeVisible();
  });
});

test.describe('every author and tag, from the values files', () => {
  test('the start page lists the authors and tags with their counts in the whole archive', async ({ page }) => {
    await page.goto(`${FACETS}?lang=en`);
    await expect(page.getByRole('status')).toHaveText('6 articles in the archive');
    const authors = page.getByRole('group', { name: 'Author' });
    await expect(authors.getByRole('checkbox')).toHaveCount(2);
    await expect(authors.getByRole('checkbox', { name: /^王小明\s+2$/ })).toBeVisible();
    await expect(authors.getByRole('checkbox', { name: /^李华\s+1$/ })).toBeVisible();
    const tags = page.getByRole('group', { name: 'Tag' });
    await expect(tags.getByRole('checkbox', { name: /^评论\s+2$/ })).toBeVisible();
    await expect(tags.getByRole('checkbox', { name: /^短视频\s+1$/ })).toBeVisible();
    // A tick narrows the listing, and the other author stays listed at 0 behind "show all".
    await authors.getByRole('checkbox', { name: /^李华/ }).check();
    await expect(page.getByRole('status')).toHaveText('1 article');
    await expect(tags.getByRole('checkbox', { name: /^评论\s+1$/ })).toBeVisible();
  });

  test('"show all" reveals the authors and tags a narrow query does not match, at 0', async ({ page }) => {
    await page.goto(`${FACETS}?q=${encodeURIComponent('夜晚')}&lang=en`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('1 article');
    const authors = page.getByRole('group', { name: 'Author' });
    await expect(authors.getByRole('checkbox', { name: /^王小明\s+1$/ })).toBeVisible();
    await expect(authors.getByRole('checkbox', { name: /^李华/ })).toHaveCount(0);
    await authors.getByRole('button', { name: 'Show all (1 more with no results)' }).click();
    await expect(authors.getByRole('checkbox', { name: /^李华\s+0$/ })).toBeVisible();
    const tags = page.getByRole('group', { name: 'Tag' });
    await expect(tags.getByRole('checkbox')).toHaveCount(2); // 城市 and 评论
    await tags.getByRole('button', { name: 'Show all (4 more with no results)' }).click();
    await expect(tags.getByRole('checkbox', { name: /^审查\s+0$/ })).toBeVisible();
    await expect(tags.getByRole('checkbox')).toHaveCount(6);
  });

  test('the first results do not wait for the values files: they are asked for after the first page is painted', async ({ page }) => {
    /** In order: 'painted' (the first page of results, from the page), and each values file asked for (from the network). */
    const events: string[] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Held until the test releases them: results that needed them would never be painted.
    await page.route(/\/values-[\w]+\.bin$/, async (route) => {
      events.push(`values ${new URL(route.request().url()).pathname.split('/').pop()}`);
      await released;
      await route.continue();
    });
    await page.exposeFunction('__firstPagePainted', () => events.push('painted'));
    await page.addInitScript(() => {
      let done = false;
      // Called with the DOM change that shows them (as offline-first-visit.e2e.ts): a row is painted once its title and snippet replaced the placeholders.
      new MutationObserver(() => {
        const rows = [...document.querySelectorAll('section[aria-busy] article')];
        const shown = rows.filter((row) => (row.querySelector('h3:not(.placeholder)')?.textContent ?? '').trim() && (row.querySelector('p.snippet:not(.placeholder)')?.textContent ?? '').trim());
        if (!done && rows.length > 0 && shown.length === rows.length) {
          done = true;
          (window as unknown as { __firstPagePainted: () => void }).__firstPagePainted();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${FACETS}?q=${encodeURIComponent('城市')}&lang=en`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('4 articles');
    await expect.poll(() => events[0]).toBe('painted');
    // The filter panel asks for them once laid out, after the results: both columns' files.
    await expect.poll(() => events.filter((event) => event.startsWith('values ')).length).toBe(2);
    expect(events.indexOf('painted')).toBe(0);
    release();
    await expect(page.getByRole('group', { name: 'Author' }).getByRole('checkbox', { name: /^王小明\s+1$/ })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Tag' }).getByRole('checkbox', { name: /^城市\s+2$/ })).toBeVisible();
  });
});
