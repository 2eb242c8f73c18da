import type { Page, Request } from '@playwright/test';
import { expect, holdApp, holdRequests, resultCount, test, waitForResults } from './fixtures.ts';

/**
 * index.html's boot box: typed into before any script has arrived, searched for at once, grown
 * into the first paint (src/boot/hosted-first-paint.ts: the first results without the App), and
 * handed over to the App without a jump, keeping the words, the focus and the caret.
 */

/** Where the box, the status line, the results' heading and every row are (rounded px). */
function layoutOf(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input[type="search"], [role="status"], section[aria-busy] h2, section[aria-busy] article, h1')].map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return `${element.tagName} ${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}`;
    }),
  );
}

/** Resolves with the first vocabulary part the page or its worker asks for. */
function firstTermsRequest(page: Page): Promise<Request> {
  return page.context().waitForEvent('request', { predicate: (request) => /\/data\/terms-[^/]+\.bin$/.test(request.url()) });
}

for (const width of [1280, 360]) test(`the boot box takes typing before the app arrives; the app keeps the words, focus, caret and place (${width} px)`, async ({ page }) => {
  await page.setViewportSize({ width, height: 800 });
  const release = await holdApp(page);
  const termsAsked = firstTermsRequest(page);
  await page.goto('./');
  const entries = await page.evaluate(() => history.length);
  const boot = page.locator('#boot input[type="search"]');
  await expect(boot).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  const bootBox = (await boot.boundingBox())!;
  const look = (input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    return [style.fontSize, style.fontFamily, style.backgroundColor, style.borderTopColor, style.borderTopWidth, style.borderRadius, style.paddingLeft];
  };
  const bootLook = await boot.evaluate(look);
  await boot.fill('王毅');
  await boot.evaluate((input: HTMLInputElement) => input.setSelectionRange(1, 1));
  // The words are searched for while the App is still held back: the worker asks for their part,
  // and the first paint shows the count and the rows, with their snippets, in the boot box.
  await termsAsked;
  await expect(page.locator('#boot [role="status"]')).toHaveText('找到 3 篇文章');
  await expect(page.locator('#boot article p.snippet:not(.placeholder)')).toHaveCount(3);
  await expect(page.locator('#boot article h3 a')).toHaveCount(3);
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(boot).toBeFocused();
  // The words are in the URL already, in an entry of their own (Back returns to the start view, as in the App).
  await expect(page).toHaveURL(/\?q=%E7%8E%8B%E6%AF%85$/);
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  const firstPaint = await layoutOf(page);

  release();
  await expect(page.locator('#boot')).toHaveCount(0);
  await waitForResults(page);
  const box = page.getByRole('searchbox');
  await expect(box).toHaveCount(1);
  await expect(box).toHaveValue('王毅');
  await expect(box).toBeFocused();
  expect(await box.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([1, 1]);
  const appBox = (await box.boundingBox())!;
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(appBox[key] - bootBox[key]), `the box's ${key} moved`).toBeLessThanOrEqual(1);
  await box.evaluate((input: HTMLInputElement) => input.blur());
  expect(await box.evaluate(look), 'the box looks the same (unfocused)').toEqual(bootLook);
  expect(await resultCount(page)).toBe(3);
  expect(await layoutOf(page), 'the App shows everything where the first paint did').toEqual(firstPaint);
  await expect(page).toHaveURL(/\?q=%E7%8E%8B%E6%AF%85$/);
  // Back: the start view the words were typed into.
  await page.goBack();
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await expect(page.getByRole('status')).toHaveText('共 10 篇文章');
});

test('a click on a first-paint result before the App has come opens the article in the App', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto(`./?q=${encodeURIComponent('王毅')}`);
  const link = page.locator('#boot article h3 a').first();
  await expect(page.locator('#boot article p.snippet:not(.placeholder)')).toHaveCount(3);
  const title = await link.textContent();
  await link.click();
  // The click waits for the App, which gets it.
  release();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('dialog').getByRole('heading', { level: 2 })).toHaveText(title!);
  await expect(page).toHaveURL(/#a=/);
});

test('a link to filters opens the App at once: no first paint, the App asked for as the entry runs', async ({ page }) => {
  const app = await holdRequests(page, /\/assets\/app-[\w-]+\.js$/);
  await page.goto(`./?q=${encodeURIComponent('王毅')}&outlet=${encodeURIComponent('法广')}`);
  await app.requested;
  // Only the boot box until the App comes.
  expect(await page.locator('#boot section, #boot article').count()).toBe(0);
  app.release();
  await waitForResults(page);
  expect(await resultCount(page)).toBe(1);
});

test('a shared link is searched for before the app arrives', async ({ page }) => {
  const release = await holdApp(page);
  const termsAsked = firstTermsRequest(page);
  await page.goto('./?q=王毅&outlet=法广');
  await termsAsked;
  release();
  await waitForResults(page);
  expect(await resultCount(page)).toBe(1);
  await expect(page.getByRole('searchbox')).toHaveValue('王毅');
  await expect(page.getByRole('checkbox', { name: /^法广/ })).toBeChecked();
});

test('Enter in the boot box does not reload the page once its script runs', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('./');
  const boot = page.locator('#boot input[type="search"]');
  // The entry has run once it took over the worker index.html started: from then on Enter stays on the page.
  await page.waitForFunction(() => !('__newsArchiveSearchWorker' in window));
  await boot.fill('台湾');
  const navigated = page.waitForEvent('framenavigated', { timeout: 1000 }).then(() => true, () => false);
  await boot.press('Enter');
  expect(await navigated).toBe(false);
  release();
  await waitForResults(page);
  await expect(page.getByRole('searchbox')).toHaveValue('台湾');
  expect(await resultCount(page)).toBeGreaterThan(0);
});

test('the app mounts showing the results and snippets searched for while it downloaded', async ({ page }) => {
  const release = await holdApp(page);
  // Whatever the App ever shows of a search not answered yet (the first paint's, in #boot, aside): a busy list, placeholder rows.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __unanswered: string[] }).__unanswered = seen;
    new MutationObserver(() => {
      const app = document.querySelector('#app > .news-search:not(#boot)');
      if (app?.querySelector('section[aria-busy="true"]')) seen.push('busy list');
      if (app?.querySelector('article .placeholder')) seen.push('placeholder row');
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto('./');
  const boot = page.locator('#boot input[type="search"]');
  // The worker answers, fetches the first results' fragments and makes their summaries while the
  // App is held back; right after sending the summaries it asks for the folding table.
  const summariesSent = page.context().waitForEvent('request', { predicate: (request) => /\/assets\/fold-table-[\w-]+\.js$/.test(request.url()) });
  await boot.fill('王毅');
  await summariesSent;
  release();
  await waitForResults(page);
  const rows = page.locator('section[aria-busy] article');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await expect(row.locator('h3 a')).toBeVisible();
    await expect(row.locator('p.snippet mark').first()).toBeVisible();
  }
  expect(await page.evaluate(() => (window as unknown as { __unanswered: string[] }).__unanswered)).toEqual([]);
});

test("the worker fetches the first answer's index files while its core's code downloads", async ({ page }) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let coreHeld = false;
  await page.route(/\/assets\/search-core-[\w-]+\.js$/, async (route) => {
    coreHeld = true;
    await released;
    await route.continue();
  });
  const requested: string[] = [];
  page.context().on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\/data\/(docs|terms)-[^/]+\.bin$/.test(pathname)) requested.push(pathname.split('/').pop()!);
  });
  await page.goto(`./?q=${encodeURIComponent('王毅')}`);
  // With the core held back, only the worker's first script can be asking: the docs block and the word's part.
  await expect.poll(() => coreHeld && requested.some((file) => file.startsWith('docs-')) && requested.some((file) => file.startsWith('terms-'))).toBe(true);
  release();
  await waitForResults(page);
  expect(await resultCount(page)).toBe(3);
  // The word's part fetched once: the core read what the first script had fetched. Each docs file at
  // most twice: index.html's inline script asks for the rank rows ahead too (the worker's request then reads the HTTP cache).
  const parts = requested.filter((file) => file.startsWith('terms-'));
  expect(new Set(parts).size).toBe(parts.length);
  for (const file of new Set(requested.filter((name) => name.startsWith('docs-')))) expect(requested.filter((name) => name === file).length, file).toBeLessThanOrEqual(2);
});

test("index.html starts the worker and opens the index before the entry script arrives, preloads the worker's core; the App and what the first results do not need come after them", async ({ page }) => {
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(new URL(request.url()).pathname));
  // The page's entry held back: whatever is fetched meanwhile was asked for by index.html itself.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  // Not waiting for the load event, which waits for the entry.
  await page.goto('./?q=' + encodeURIComponent('王毅'), { waitUntil: 'commit' });
  const first = (pattern: RegExp) => requested.findIndex((pathname) => pattern.test(pathname));
  // The worker's script (the inline script), its core (a preload), the newest docs block and the
  // part table page of the link's word (the inline script, with the manifest); not the App.
  await expect.poll(() => [/\/assets\/search-worker-[\w-]+\.js$/, /\/assets\/search-core-[\w-]+\.js$/, /\/data\/docs-[\w-]+\.bin$/, /\/data\/dir-[\w-]+\.bin$/].map(first)).not.toContain(-1);
  expect(first(/\/assets\/app-[\w-]+\.js$/)).toBe(-1);
  expect(await page.evaluate(() => '__newsArchiveSearchWorker' in window), 'the entry has not run').toBe(true);
  release();
  await waitForResults(page);
  // The manifest once (index.html's preload, used by the inline script), the worker's script once.
  expect(requested.filter((pathname) => pathname.endsWith('/data/manifest.json'))).toHaveLength(1);
  expect(requested.filter((pathname) => /\/assets\/search-worker-[\w-]+\.js$/.test(pathname))).toHaveLength(1);
  // The first page's fragments: the last thing the first results wait for.
  const fragmentsAsked = requested.filter((pathname) => /\/data\/a\/\d+\.json$/.test(pathname)).length;
  expect(fragmentsAsked).toBeGreaterThan(0);
  const lastFragment = requested.findLastIndex((pathname) => /\/data\/a\/\d+\.json$/.test(pathname));
  // The App, the facet controls, the language selector, the chips and the rewrites line: after the results' fragments.
  const later = ['app', 'mount-app', 'facet-controls', 'LanguageSelect', 'ActiveFilters', 'QueryRewrites'];
  await expect.poll(() => later.map((name) => first(new RegExp(`/assets/${name}-[\\w-]+\\.js$`)))).not.toContain(-1);
  for (const name of later) {
    expect(first(new RegExp(`/assets/${name}-[\\w-]+\\.js$`)), `${name} after the first results\n${requested.join('\n')}`).toBeGreaterThan(lastFragment);
  }
  expect(await resultCount(page)).toBe(3);
});
