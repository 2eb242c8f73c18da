import AxeBuilder from '@axe-core/playwright';
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

/** What the host page's CSP refused (tests/e2e/pages/host.js records each `securitypolicyviolation`). */
function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** How a widget's shadow root is styled: `<style>` elements (inline styles to a CSP) and constructed sheets. */
function shadowStyles(widget: Locator): Promise<{ styleElements: number; adoptedSheets: number }> {
  return widget.evaluate((element) => ({
    styleElements: element.shadowRoot!.querySelectorAll('style, link').length,
    adoptedSheets: element.shadowRoot!.adoptedStyleSheets.length,
  }));
}

/** Types into one widget and waits for its results to settle. */
async function searchIn(widget: Locator, text: string): Promise<void> {
  await widget.getByRole('searchbox').fill(text);
  await expect(widget.getByRole('status')).toHaveText(/\d/);
  await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
}

test.describe('the <news-search> widget on another origin', () => {
  test('searches inside its shadow root, styled, under a strict CSP (no inline styles) and hostile CSS', async ({ page }) => {
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
    // …under `style-src 'self'`: its CSS comes as constructed sheets, which a CSP does not govern, not as `<style>` elements.
    const styles = await shadowStyles(widget);
    expect(styles.styleElements).toBe(0);
    expect(styles.adoptedSheets).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('styles its lazily loaded reader in each widget that opens it', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    for (const id of ['first', 'second']) {
      const widget = page.locator(`news-search#${id}`);
      await searchIn(widget, '王毅');
      const before = (await shadowStyles(widget)).adoptedSheets;
      await widget.locator('article.result').first().getByRole('link').click();
      const reader = widget.getByRole('dialog');
      await expect(reader.locator('article h2')).toBeVisible();
      // ReaderView.svelte's own rules (the browser's dialog has a border; nothing else makes the bar sticky).
      await expect(reader).toHaveCSS('border-top-style', 'none');
      await expect(reader.locator('.bar')).toHaveCSS('position', 'sticky');
      // The reader's chunk brought its sheets to this root (the second widget's too, after the first had loaded them).
      expect((await shadowStyles(widget)).adoptedSheets).toBeGreaterThan(before);
      await page.keyboard.press('Escape');
      await expect(reader).toBeHidden();
    }
    expect(await cspViolations(page)).toEqual([]);
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
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
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

  test('fetches the folding table only for a query in traditional characters', async ({ page }) => {
    const tables: string[] = [];
    page.context().on('request', (request) => {
      if (/\/assets\/fold-table-[\w-]+\.js$/.test(request.url())) tables.push(request.url());
    });
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect(widget.locator('article.result p.snippet mark').first()).toBeVisible();
    // The hosted page fetches it ahead a second after its first results; the widget's host pays for its download.
    await page.waitForTimeout(1500);
    expect(tables).toEqual([]);
    await searchIn(widget, '臺灣');
    await expect(widget.locator('article.result').filter({ hasText: '臺灣外交部感謝美國國會支持' })).toHaveCount(1);
    expect(tables).toHaveLength(1);
  });

  test('leaves the / key to the host page, and its hint names only the keys it answers', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#first');
    const box = widget.getByRole('searchbox');
    await expect(box).toHaveAccessibleDescription('用 ↑ ↓ 键在结果间移动，按回车键打开文章。');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('/');
    await expect(box).not.toBeFocused();
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

  test('sets itself up again when an attribute or its property changes, and keeps its search when moved', async ({ page }) => {
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#second');
    const input = widget.getByRole('searchbox');
    await searchIn(widget, '北约');
    // Moved in the page (disconnected, connected again at once): the same App, the same search.
    await page.evaluate(() => document.body.prepend(document.querySelector('news-search#second')!));
    await expect(input).toHaveValue('北约');
    await page.evaluate(() => document.querySelector('news-search#second')!.setAttribute('placeholder', 'Find'));
    await expect(input).toHaveAttribute('placeholder', 'Find');
    await expect(input).toHaveValue(''); // a new setting, a new App
    // Each attribute is also a property of the element.
    expect(await page.evaluate(() => (document.querySelector('news-search#second') as unknown as { placeholder: string }).placeholder)).toBe('Find');
    await page.evaluate(() => ((document.querySelector('news-search#second') as unknown as { placeholder: string }).placeholder = 'Look up'));
    await expect(input).toHaveAttribute('placeholder', 'Look up');
    await page.evaluate(() => document.querySelector('news-search#second')!.removeAttribute('placeholder'));
    await expect(input).toHaveAttribute('placeholder', 'Type words, e.g. 王毅 北约');
    // Removed from the page: its App (and worker) go.
    await page.evaluate(() => document.querySelector('news-search#second')!.remove());
    await expect.poll(() => page.workers().length).toBe(1);
  });
});

test.describe('the widget\u2019s modes and settings', () => {
  test('compact mode is a combobox: arrows move through the options, Enter opens the reader, focus comes back', async ({ page }) => {
    await openHostPage(page, 'embed-modes.html');
    const widget = page.locator('news-search#compact');
    const box = widget.getByRole('combobox', { name: 'Search news articles' });
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.fill('王毅');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(widget.getByRole('status')).toHaveText(/\d/);
    const listbox = widget.getByRole('listbox');
    // Polled: the first paint's combobox and listbox may be replaced by the App's between the two reads.
    await expect.poll(async () => (await box.getAttribute('aria-controls')) === (await listbox.getAttribute('id'))).toBe(true);
    const options = listbox.getByRole('option');
    await expect(options.first()).toContainText('王毅');
    // Styled by the lazily loaded CompactSearch.svelte, under a CSP that allows no styles at all.
    await expect(listbox).toHaveCSS('position', 'absolute');
    await expect(options.first()).toHaveCSS('display', 'grid');
    expect((await shadowStyles(widget)).styleElements).toBe(0);
    const count = await options.count();
    expect(count).toBeGreaterThan(1);

    await box.press('ArrowDown');
    const first = options.first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    await box.press('ArrowUp');
    await expect(box).toBeFocused();
    const title = (await first.locator('.title').textContent())!.trim();

    await box.press('Enter');
    const reader = widget.getByRole('dialog');
    await expect(reader.locator('article h2')).toHaveText(title);
    await expect(reader.getByRole('button')).toBeFocused();
    const [open] = await hostEvents(page, 'news-search:open');
    expect(open).toMatchObject({ target: 'compact', detail: { title } });
    await expect(reader.locator('.bar')).toHaveCSS('position', 'sticky');
    await page.keyboard.press('Escape');
    await expect(reader).toBeHidden();
    await expect(box).toBeFocused();

    // Escape closes the list, a second Escape clears the box.
    await box.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await box.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.press('Escape');
    await expect(box).toHaveValue('');
    expect(await cspViolations(page)).toEqual([]);
  });

  test('starts with the preset outlets and dates, and searches within them', async ({ page }) => {
    // What the hosted page counts for the same filters (its URL carries them).
    await page.goto('./?q=%E7%8E%8B%E6%AF%85&outlet=%E8%81%94%E5%90%88%E6%97%A9%E6%8A%A5&outlet=%E6%B3%95%E5%B9%BF&from=2022-01-01');
    await expect(page.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
    const expected = (await page.getByRole('status').textContent())!.match(/\d+/)![0];

    await openHostPage(page, 'embed-modes.html');
    const widget = page.locator('news-search#preset');
    await expect(widget.getByRole('checkbox', { name: /^联合早报\s+\d+$/ })).toBeChecked();
    await expect(widget.getByRole('checkbox', { name: /^法广\s+\d+$/ })).toBeChecked();
    await expect(widget.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('2022-01-01');
    // Only 法广's 2023 article is in both the outlets and the dates.
    await expect(widget.getByRole('status')).toHaveText(/^\D*1\D*$/);
    await searchIn(widget, '王毅');
    await expect(widget.getByRole('status')).toHaveText(new RegExp(`^\\D*${expected}\\D*$`));
    await expect(widget.locator('article.result')).toHaveCount(Number(expected));
    // Preset filters are a starting point, not a lock: the visitor can remove each (README, Attributes).
    const count = async () => Number((await widget.getByRole('status').textContent())!.match(/\d+/)![0]);
    await widget.getByRole('button', { name: 'Clear date filter' }).click();
    await expect(widget.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('');
    await expect.poll(count).toBeGreaterThan(Number(expected));
    const withAllDates = await count();
    await widget.getByRole('checkbox', { name: /^联合早报\s+\d+$/ }).uncheck();
    await widget.getByRole('checkbox', { name: /^法广\s+\d+$/ }).uncheck();
    await expect.poll(count).toBeGreaterThan(withAllDates);
  });

  test('open-in="page" links results to the hosted page, which opens the article', async ({ page }) => {
    await openHostPage(page, 'embed-modes.html');
    const widget = page.locator('news-search#linked');
    await searchIn(widget, '王毅');
    const link = widget.locator('article.result').first().getByRole('link');
    const title = (await link.textContent())!.trim();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:4318\/\?q=%E7%8E%8B%E6%AF%85#a=[0-9a-z]+$/);
    await link.click();
    await expect(page).toHaveURL(href);
    const reader = page.getByRole('dialog');
    await expect(reader.locator('article h2')).toHaveText(title);
    await expect(page.getByRole('searchbox')).toHaveValue('王毅');
  });

});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`the widget in a host page, ${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });

    test('has no serious axe findings: full mode with results and reader, compact mode with its list open', async ({ page }) => {
      // Two axe runs over three widgets: slow on a loaded machine (no timing is asserted).
      test.slow();
      const serious = async () => {
        const { violations } = await new AxeBuilder({ page }).include('news-search').analyze();
        return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      await openHostPage(page, 'embed-modes.html');
      await searchIn(page.locator('news-search#preset'), '王毅');
      const box = page.locator('news-search#compact').getByRole('combobox');
      await box.fill('北约');
      await expect(box).toHaveAttribute('aria-expanded', 'true');
      await box.press('ArrowDown');
      expect(await serious()).toEqual([]);
      await box.press('Enter');
      await expect(page.locator('news-search#compact').getByRole('dialog').locator('article h2')).toBeVisible();
      expect(await serious()).toEqual([]);
    });
  });
}

test.describe('the widget when an article fails', () => {
  test.use({ allowedConsoleErrors: /news-archive-search|404|Failed to load resource/ });

  test('reports an article body that cannot be fetched as news-search:error, and Retry opens it', async ({ page }) => {
    let failing = true;
    await page.context().route(/:4318\/data\/h\/\d+\.html$/, (route) => (failing ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#second');
    await searchIn(widget, '王毅');
    const link = widget.locator('article.result').first().getByRole('link');
    const title = (await link.textContent())!.trim();
    await link.click();
    const reader = widget.getByRole('dialog');
    await expect(reader.getByRole('button', { name: /retry/i })).toBeVisible();
    await expect(reader).toContainText(/could not be loaded/i);
    await expect.poll(async () => (await hostEvents(page, 'news-search:error')).map((event) => event.target)).toContain('second');
    const error = (await hostEvents(page, 'news-search:error')).find((event) => event.target === 'second')!;
    expect(String(error.detail.message)).toMatch(/could not be loaded/i);
    failing = false;
    await reader.getByRole('button', { name: /retry/i }).click();
    await expect(reader.locator('article h2')).toHaveText(title);
  });

  test('reports an article fragment that cannot be fetched as news-search:error, and Retry opens it', async ({ page }) => {
    let failing = true;
    await page.context().route(/:4318\/data\/a\/\d+\.json$/, (route) => (failing ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
    await openHostPage(page, 'embed.html');
    const widget = page.locator('news-search#second');
    // The first listing's rows come from the manifest: opening one is the first time its fragment is asked for.
    await expect(widget.getByRole('status')).toHaveText(/\d/);
    await widget.locator('article.result').first().getByRole('link').click();
    const reader = widget.getByRole('dialog');
    await expect(reader.getByRole('button', { name: /retry/i })).toBeVisible();
    await expect(reader).toContainText(/could not be loaded/i);
    await expect.poll(async () => (await hostEvents(page, 'news-search:error')).filter((event) => event.target === 'second').length).toBe(1);
    failing = false;
    await reader.getByRole('button', { name: /retry/i }).click();
    await expect(reader.locator('article h2')).toBeVisible();
    await expect(reader.getByRole('button', { name: /retry/i })).toHaveCount(0);
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

test.describe('a page that defined <news-search> itself', () => {
  test('gets a console warning naming the conflict', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.addInitScript(() => customElements.define('news-search', class HostOwnElement extends HTMLElement {}));
    await openHostPage(page, 'embed.html');
    await expect.poll(() => warnings.filter((text) => text.startsWith('news-search:'))).toEqual([expect.stringContaining('<news-search> is already defined by another script (HostOwnElement)')]);
  });
});
