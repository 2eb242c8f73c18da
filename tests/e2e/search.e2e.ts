import { expect, resultCount, results, test, waitForResults } from './fixtures.ts';

test.describe('the start page', () => {
  test('shows the outlets, the date range and the newest articles from the manifest', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新闻存档搜索');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await expect(page.getByRole('heading', { name: '最新文章' })).toBeVisible();
    await expect(results(page)).toHaveCount(10);
    await expect(results(page).first().getByRole('link')).toHaveText('中国称反对扩大军事同盟');
    await expect(page.getByRole('checkbox', { name: /^法广\s+1$/ })).toBeVisible();
    await expect(page.getByLabel('起始日期')).toHaveAttribute('min', '2020-07-07');
    await expect(page.getByLabel('结束日期')).toHaveAttribute('max', '2023-09-26');
  });

  test('is useful before the index parts arrive, and keeps what the visitor typed meanwhile', async ({ page }) => {
    // Hold back the docs table and the vocabulary: only the manifest is there.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/data\/(docs|terms)-[^/]+\.bin$/, async (route) => {
      await released;
      await route.continue();
    });
    // index.html starts the worker as it is parsed and opens the index as soon as the manifest is
    // in (src/boot/early-worker.ts): the manifest waits until the driver has attached to the
    // worker, whose own requests the routes above see only from then on.
    const workerAttached = page.waitForEvent('worker');
    await page.route(/\/data\/manifest\.json$/, async (route) => {
      await workerAttached;
      await route.continue();
    });
    // The worker's requests too: they show up on the context, not the page.
    const fragments: string[] = [];
    page.context().on('request', (request) => {
      if (/\/data\/a\//.test(request.url())) fragments.push(request.url());
    });
    await page.goto('./');
    await expect(results(page)).toHaveCount(10);
    await expect(page.getByRole('checkbox', { name: /^联合早报\s+1$/ })).toBeVisible();
    // The newest articles' snippets come with the manifest: no article fragment is fetched for them.
    await expect(results(page).locator('p.snippet:not(.placeholder)')).toHaveCount(10);
    expect(fragments).toEqual([]);
    // In a reader's words, inside the search box (no internal names of index files).
    await expect(page.getByText('正在打开存档…')).toBeVisible();

    await page.getByRole('searchbox').fill('王毅');
    await expect(page.getByRole('status')).toHaveText('索引载入后立即搜索…');
    release();
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect(page.getByRole('searchbox')).toHaveValue('王毅');
  });
});

test.describe('searching', () => {
  test('shows results as the visitor types, with the count in the status line', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect(results(page)).toHaveCount(3);
    await expect(page.getByRole('heading', { name: '搜索结果' })).toBeVisible();
    // Snippets mark the matched characters.
    await expect(results(page).first().locator('p mark').first()).toHaveText('王毅');
    await expect(results(page).first().locator('time')).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  test('never lets a late answer overwrite the answer to a newer query', async ({ page, search }) => {
    // A quoted phrase is confirmed against article text: holding that text back makes its answer late.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The worker fetches the texts: a context route holds them (a page route would not).
    let held = 0;
    await page.context().route(/\/data\/a\/\d+\.json$/, async (route) => {
      held++;
      await released;
      await route.continue();
    });
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await page.getByRole('searchbox').fill('"外长会谈"');
    await expect.poll(() => held).toBeGreaterThan(0);
    // The URL changes when the query is sent.
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === '"外长会谈"');
    await search('北约');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    release();
    await expect(results(page).first().locator('p mark').first()).toHaveText('北约');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect(results(page)).toHaveCount(3);
  });

  test('finds traditional text with a simplified query', async ({ page, search }) => {
    await page.goto('./');
    await search('台湾外交部');
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await expect(results(page).first().getByRole('link')).toHaveText('臺灣外交部感謝美國國會支持');
    await expect(results(page).first().locator('mark').first()).toHaveText(/臺灣外交部/);
    // The result wrote the words in traditional characters: the page says so, and +word searches them as typed.
    const line = page.getByTestId('query-rewrites');
    await expect(line).toHaveText('已包含繁体 臺灣外交部 的结果 · 只搜 台湾外交部');
    await line.getByRole('link', { name: '只搜 台湾外交部' }).click();
    await expect(page.getByRole('searchbox')).toHaveValue('+台湾外交部');
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    await expect(line).toBeHidden();
  });

  test('escapes markup in titles instead of running it', async ({ page, search }) => {
    await page.goto('./');
    await search('欧盟 复苏');
    await expect(results(page).first().getByRole('link')).toContainText('<script>window.__xss=12</script>');
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test('with no results, says so and offers to drop a word', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅 香港');
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    await expect(page.getByText('没有找到文章。')).toBeVisible();
    await page.getByRole('button', { name: '去掉“香港”再搜索' }).click();
    await expect(page.getByRole('searchbox')).toHaveValue('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
  });

  test('matches either term of an OR and marks each, and offers to drop the alternatives together', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅 OR 特朗普');
    await expect(page.getByRole('status')).toHaveText('找到 4 篇文章');
    // The marks come with the rows' titles and snippets, which may still be on their way.
    const marks = () => results(page).locator('mark').allTextContents();
    await expect.poll(async () => (await marks()).some((mark) => mark.includes('王毅'))).toBe(true);
    await expect.poll(async () => (await marks()).some((mark) => /特朗普|川普/.test(mark))).toBe(true);
    await search('王毅 OR 特朗普 无此词');
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    await expect(page.getByRole('button', { name: /^去掉“OR”/ })).toHaveCount(0);
    await page.getByRole('button', { name: '去掉“无此词”再搜索' }).click();
    await expect(page.getByRole('searchbox')).toHaveValue('王毅 OR 特朗普');
    await expect(page.getByRole('status')).toHaveText('找到 4 篇文章');
  });

  test('marks the new words, and only them, in a row that stays from one query to the next', async ({ page, search }) => {
    await page.goto('./');
    /** Each row's article (its link's `#a=` id) and the words marked in its title and snippet. */
    const marked = () => results(page).evaluateAll((rows) => rows.map((row) => [row.querySelector('h3 a')?.getAttribute('href')?.replace(/^.*#/, '') ?? '', [...row.querySelectorAll('mark')].map((mark) => mark.textContent ?? '')] as const));
    await search('王毅');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect.poll(async () => (await marked()).filter(([, marks]) => marks.includes('王毅')).length).toBe(3);
    const first = new Set((await marked()).map(([href]) => href));
    // The three articles about 王毅 mention 北约: their rows stay, with their marks made again.
    await search('北约');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
    await expect.poll(async () => (await marked()).filter(([article, marks]) => first.has(article) && marks.includes('北约')).length).toBe(3);
    expect((await marked()).flatMap(([, marks]) => marks).filter((mark) => mark.includes('王毅'))).toEqual([]);
  });

  test('says which synonyms and typo corrections it searched, with a link to the literal words', async ({ page, search }) => {
    await page.goto('./');
    await search('特朗普');
    const line = page.getByTestId('query-rewrites');
    await expect(line).toHaveText('已包含 川普 的结果 · 只搜 特朗普');
    await expect(results(page)).toHaveCount(1);
    await line.getByRole('link', { name: '只搜 特朗普' }).click();
    await expect(page.getByRole('searchbox')).toHaveValue('"特朗普"');
    await expect(page.getByRole('status')).toHaveText('找到 0 篇文章');
    await expect(line).toBeHidden();
    await search('huawai');
    await expect(line).toHaveText('显示 huawei 的结果 · 仍搜 huawai');
  });

  test('answers the keyboard: / focuses the box, arrows move through results, Enter opens', async ({ page, search }) => {
    await page.goto('./');
    await search('王毅');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(0).getByRole('link')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(1).getByRole('link')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('switches to English, and ?lang=en opens in English', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
    await page.getByLabel('界面语言').selectOption('English');
    await expect(page.getByRole('status')).toHaveText('10 articles in the archive');
    await expect(page.getByRole('searchbox', { name: 'Search news articles' })).toBeVisible();
    await expect(page).toHaveURL(/lang=en/);
    await page.goto('./?lang=en&q=%E7%8E%8B%E6%AF%85');
    await expect(page.getByRole('status')).toHaveText('3 articles');
    await expect(results(page).first().locator('time')).toHaveText('September 26, 2023');
    await page.getByLabel('Language').selectOption('简体');
    await expect(page.getByRole('status')).toHaveText('找到 3 篇文章');
  });

  test('picks traditional Chinese for a browser that prefers zh-TW', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-TW' });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新聞存檔搜尋');
    await expect(page.getByRole('searchbox', { name: '搜尋新聞文章' })).toBeVisible();
    await context.close();
  });

  test('works at 360 px wide with the filters folded away', async ({ page, search }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('./');
    await search('王毅');
    await expect(results(page)).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect(page.getByRole('checkbox', { name: /^法广/ })).toBeHidden();
    await page.getByText('筛选', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: /^法广/ })).toBeVisible();
  });
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('does not show the keyboard hint, which still describes the box', async ({ page }) => {
    await page.goto('./');
    const box = page.getByRole('searchbox');
    await expect(box).toBeVisible();
    await expect(page.getByText(/按 \/ 键回到搜索框/)).toBeHidden();
    await expect(box).toHaveAccessibleDescription(/按 \/ 键回到搜索框/);
  });
});

test.describe('the real archive', () => {
  test('lays the facets\u2019 controls out after the first page of results, in a column that was there before', async ({ page }) => {
    // Hold back the article fragments (the worker fetches them: a context route): the rows show titles, not yet their snippets.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.context().route(/\/data\/a\/\d+\.json$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto('./corpus/?q=王毅');
    await expect(page.getByRole('status')).toHaveText('找到 35 篇文章');
    await expect(results(page)).toHaveCount(10);
    const list = page.locator('ol.list');
    const before = await list.boundingBox();
    await expect(page.getByRole('group', { name: '筛选' }).or(page.locator('details.facets'))).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    release();
    await expect(results(page).locator('p.snippet:not(.placeholder)')).toHaveCount(10);
    await expect(page.getByRole('checkbox', { name: /^法广/ })).toBeVisible();
    // The snippets make the rows taller; the list itself has not moved.
    const after = await list.boundingBox();
    expect([after!.x, after!.y, after!.width]).toEqual([before!.x, before!.y, before!.width]);
  });

  test('settles a phrase query\u2019s count to the exact number once every candidate is confirmed', async ({ page, search }) => {
    await page.goto('./corpus/');
    await search('"国家安全"');
    const status = page.getByRole('status');
    // The first answer confirms the page on screen; the count then settles (no 约 "about"). Some of
    // its articles form similar groups (one story in two outlets), which the count may also say.
    await expect(status).toHaveText(/^找到 \d{3,} 篇文章(?:，合为 \d{3,} 组)?$/, { timeout: 20_000 });
    const total = Number(/\d+/.exec((await status.textContent())!)![0]);
    await page.getByRole('button', { name: '载入更多' }).click();
    await expect(results(page)).toHaveCount(Math.min(total, 20));
  });

  test('keeps a three-digit count on one line at 360 px (the sort control wraps below it)', async ({ page, search }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('./corpus/');
    await search('香港');
    const status = page.getByRole('status');
    await expect(status).toHaveText(/^找到 \d{3,} 篇文章(，合为 \d+ 组)?$/);
    // Polled: the first paint's status line (the same measures) may be replaced by the App's while it is read.
    await expect.poll(() => status.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))).toBeLessThan(1.5);
  });


  test('finds 王毅, and 台湾 in either script, and pages with Load more', async ({ page, search }) => {
    await page.goto('./corpus/');
    await expect(page.getByRole('status')).toHaveText(/^共 \d+ 篇文章$/);
    expect(await resultCount(page)).toBeGreaterThan(3000);

    await search('王毅');
    expect(await resultCount(page)).toBeGreaterThan(0);
    await expect(results(page).first().locator('mark').first()).toBeVisible();

    await search('台湾');
    const simplified = await resultCount(page);
    expect(simplified).toBeGreaterThan(10);
    await expect(page.getByTestId('query-rewrites')).toHaveText('已包含繁体 台灣 的结果 · 只搜 台湾');
    await search('臺灣');
    expect(await resultCount(page)).toBe(simplified);
    await expect(page.getByTestId('query-rewrites')).toHaveText('已包含简体 台湾 的结果 · 只搜 臺灣');
    // The link searches +臺灣: the two articles of ../shared/corpus that write it so, no 台灣 or 台湾.
    await page.getByTestId('query-rewrites').getByRole('link', { name: '只搜 臺灣' }).click();
    await expect(page.getByRole('searchbox')).toHaveValue('+臺灣');
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    await expect(results(page).first().locator('mark').first()).toHaveText(/臺灣/);
    await search('臺灣');

    await expect(results(page)).toHaveCount(10);
    await page.getByRole('button', { name: '载入更多' }).click();
    await expect(results(page)).toHaveCount(20);
    await waitForResults(page);
  });
});

test.describe('queries beyond the limits', () => {
  test('says what was cut from a query that is too long, and still answers it', async ({ page, search }) => {
    await page.goto('./');
    await search(`王毅 ${'港'.repeat(300)}`);
    await expect(page.getByText('查询太长（303 个字），只搜索了前 256 个字。')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/篇文章/);
  });

  test('says so in English too, and for too many words', async ({ page, search }) => {
    await page.goto('./?lang=en');
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    await search(words);
    await expect(page.getByText('The query has 20 words and phrases; only the first 16 were searched.')).toBeVisible();
  });
});
