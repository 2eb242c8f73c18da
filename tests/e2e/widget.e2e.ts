import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Host pages (tests/e2e/pages, served at /embed/ on the test origin) load the widget and its index
 * from a second origin, http://127.0.0.1:4318 (see playwright.config.ts): their CSP names it.
 */
async function openHostPage(page: Page, file: string): Promise<void> {
  await page.goto(`./embed/${file}`);
}

/** What tests/e2e/pages/host.js records of each widget event. */
interface HostEvent {
  type: string;
  target: string;
  detail: Record<string, unknown>;
  composed: boolean;
  bubbles: boolean;
}

function hostEvents(page: Page, type: string): Promise<HostEvent[]> {
  return page.evaluate((wanted) => (window as unknown as { hostEvents: HostEvent[] }).hostEvents.filter((event) => event.type === wanted), type);
}

/** Types into one widget and waits for its results to settle. */
async function searchIn(widget: Locator, text: string): Promise<void> {
  await widget.getByRole('searchbox').fill(text);
  await expect(widget.getByRole('status')).toHaveText(/\d/);
  await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
}

test.describe('the <news-search> widget on another origin', () => {
  test('searches inside its shadow root under a strict CSP and hostile CSS', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    const first = widget.locator('article.result').first();
    await expect(first).toBeVisible();
    await expect(first).toContainText('王毅');
    // Rendered inside the shadow root, not in the page's DOM.
    expect(await page.evaluate(() => document.querySelector('news-search')!.shadowRoot!.querySelectorAll('article.result').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('article').length)).toBe(0);
    // The widget is styled (its own CSS applies in the shadow root) despite `* { all: unset !important }`.
    const input = widget.getByRole('searchbox');
    await expect(input).toHaveCSS('border-top-style', 'solid');
    await expect(input).toHaveCSS('display', 'inline-block');
    await expect(first).toHaveCSS('padding-top', '12px');
  });

  test('leaves the host page\u2019s own styles alone', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    await searchIn(page.locator('news-search#first'), '王毅');
    for (const id of ['#host-text', '#host-link']) {
      const element = page.locator(id);
      await expect(element).toHaveCSS('color', 'rgb(1, 2, 3)');
      await expect(element).toHaveCSS('font-family', 'monospace');
      await expect(element).toHaveCSS('padding-top', '7px');
    }
    // No styles were added to the page itself: they all live in the shadow roots.
    expect(await page.evaluate(() => document.querySelectorAll('style, link[rel="stylesheet"]').length)).toBe(1);
    // Only its own tag is defined.
    expect(await page.evaluate(() => customElements.get('news-search') !== undefined)).toBe(true);
  });

  test('tells the host page about queries and opened articles', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect.poll(async () => (await hostEvents(page, 'news-search:query')).some((event) => event.detail.query === '王毅')).toBe(true);
    const query = (await hostEvents(page, 'news-search:query')).find((event) => event.detail.query === '王毅')!;
    expect(query).toMatchObject({ target: 'first', bubbles: true, composed: true });
    expect(query.detail.total).toBeGreaterThan(0);

    const link = widget.locator('article.result').first().getByRole('link');
    const title = (await link.textContent())!.trim();
    await link.click();
    const reader = widget.getByRole('dialog');
    await expect(reader).toBeVisible();
    await expect(reader.locator('article h2')).toHaveText(title);
    const [open] = await hostEvents(page, 'news-search:open');
    expect(open).toMatchObject({ target: 'first', bubbles: true, composed: true, detail: { title } });
    expect(open!.detail.id).toMatch(/^[0-9a-z]+$/);
    expect(open!.detail.url).toMatch(/^https?:/);

    // Focus is in the reader, and returns to the result when it closes.
    await expect(reader.getByRole('button')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(reader).toBeHidden();
    await expect(link).toBeFocused();
    // The host page's URL is never touched.
    expect(new URL(page.url()).search + new URL(page.url()).hash).toBe('');
  });

  test('keeps articles with script payloads inert', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#first');
    for (const text of ['恶意代码', '欧盟 预算']) {
      await searchIn(widget, text);
      const link = widget.locator('article.result').first().getByRole('link');
      if (text === '欧盟 预算') await expect(link).toContainText('<script>');
      await link.click();
      const reader = widget.getByRole('dialog');
      await expect(reader.locator('article h2')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(reader).toBeHidden();
    }
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test('runs two widgets independently', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    const [first, second] = [page.locator('news-search#first'), page.locator('news-search#second')];
    await expect(second.getByRole('searchbox')).toHaveAttribute('placeholder', 'Search the archive');
    await searchIn(second, '北约');
    await searchIn(first, '王毅');
    await expect(second.getByRole('searchbox')).toHaveValue('北约');
    await expect(first.getByRole('searchbox')).toHaveValue('王毅');
    // results-per-page="3" on the second one only.
    expect(await second.locator('article.result').count()).toBeLessThanOrEqual(3);
    await expect(second).toHaveAttribute('lang', 'en');
    await expect(second.getByRole('status')).toContainText(/articles?$/);
    expect(page.workers().length).toBe(2);
    const targets = new Set((await hostEvents(page, 'news-search:query')).map((event) => event.target));
    expect(targets).toEqual(new Set(['first', 'second']));
  });
});

test.describe('the widget with an index it may not read', () => {
  test.use({ allowedConsoleErrors: /CORS|Access-Control-Allow-Origin|Failed to fetch|news-archive-search|net::ERR_FAILED/ });

  test('shows the error and tells the host page', async ({ page }) => {
    await openHostPage(page, 'embed-nocors.html');
    const widget = page.locator('news-search#blocked');
    await expect(widget.getByText('The search index could not be loaded', { exact: false })).toBeVisible();
    await expect(widget.getByRole('button', { name: /retry/i })).toBeVisible();
    await expect.poll(async () => (await hostEvents(page, 'news-search:error')).length).toBeGreaterThan(0);
    const [error] = await hostEvents(page, 'news-search:error');
    expect(error).toMatchObject({ target: 'blocked', bubbles: true, composed: true });
    expect(String(error!.detail.message)).toMatch(/could not be loaded/);
  });
});
