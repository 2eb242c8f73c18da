import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, holdRequests, test } from './fixtures.ts';

/**
 * The widget's first paint (src/widget/first-paint.ts): its box, status line and first page of
 * results, searched and painted before the App's chunk is asked for, and the App's takeover of
 * them (words, focus, caret, the rows' places, the answer and summaries already fetched). The App
 * is held back (its entry chunk, `widget-app`, answered only on release), so that what is on
 * screen before the release can only be the first paint's. Host page: embed-worker.html (the
 * README's CSP), widgets and index from http://127.0.0.1:4318.
 */

/** The App's entry chunk, which `element.ts` imports once the first results are painted. */
const APP_CHUNK = /:4318\/assets\/widget-app\.svelte-[\w-]+\.js$/;

/**
 * The host page with the App held back, 王毅 typed into widget `id`, and its first results painted
 * with their marks (by the first paint: the App's chunk is not answered until `app.release()`).
 */
async function firstPaintOf(page: Page, id = 'first'): Promise<{ app: Awaited<ReturnType<typeof holdRequests>>; widget: Locator; box: Locator }> {
  const app = await holdRequests(page.context(), APP_CHUNK);
  await page.goto('./embed/embed-worker.html');
  const widget = page.locator(`news-search#${id}`);
  const box = widget.getByRole('searchbox');
  await box.fill('王毅');
  await expect(widget.locator('article.result p.snippet mark').first()).toBeVisible();
  return { app, widget, box };
}

/** Sets attributes on a widget of the host page as the parser adds it (before it is upgraded). */
async function setAttributesAsParsed(page: Page, id: string, attributes: Record<string, string>): Promise<void> {
  await page.addInitScript(
    ([wanted, values]) => {
      new MutationObserver((_, observer) => {
        const element = document.getElementById(wanted);
        if (!element) return;
        for (const [name, value] of Object.entries(values)) element.setAttribute(name, value);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    },
    [id, attributes] as const,
  );
}

/** Where the box, the status line, the results' heading and each result are, rounded to the pixel. */
function layout(widget: Locator): Promise<Record<string, number[]>> {
  return widget.evaluate((element) => {
    const root = element.shadowRoot!;
    const place = (node: Element | null) => {
      const rect = node!.getBoundingClientRect();
      return [rect.x, rect.y, rect.width, rect.height].map(Math.round);
    };
    const places: Record<string, number[]> = {
      box: place(root.querySelector('input[type="search"]')),
      status: place(root.querySelector('[role="status"]')),
      heading: place(root.querySelector('section.results h2')),
      facets: place(root.querySelector('details.facets summary')),
    };
    root.querySelectorAll('article.result').forEach((article, i) => {
      places[`result ${i}`] = place(article);
      places[`result ${i} snippet`] = place(article.querySelector('.snippet'));
    });
    return places;
  });
}

/** The App has taken over: its facet column's controls (which the first paint never shows) are there. */
async function appShown(widget: Locator): Promise<void> {
  await expect(widget.locator('details.facets fieldset').first()).toBeAttached();
}

function hostEvents(page: Page, type: string): Promise<Array<{ target: string; detail: Record<string, unknown> }>> {
  return page.evaluate(
    (wanted) => (window as unknown as { hostEvents: Array<{ type: string; target: string; detail: Record<string, unknown> }> }).hostEvents.filter((event) => event.type === wanted),
    type,
  );
}

for (const width of [1280, 360]) {
  test(`paints the first results before the App is asked for; the App keeps the words, focus, caret and every row in place (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1200 });
    const { app, widget, box } = await firstPaintOf(page);
    await expect(widget.getByRole('status')).toHaveText(/\d/);
    await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
    const rows = await widget.locator('article.result').count();
    expect(rows).toBeGreaterThan(1);
    // Asked for once they are painted, and held: what shows is the first paint's.
    await app.requested;
    await expect(widget).toHaveAttribute('data-mode', 'worker');
    expect(await widget.locator('details.facets fieldset').count()).toBe(0);
    await box.evaluate((input: HTMLInputElement) => input.setSelectionRange(1, 1));
    await expect(box).toBeFocused();
    const before = await layout(widget);
    const status = await widget.getByRole('status').textContent();
    const titles = await widget.locator('article.result h3').allTextContents();

    app.release();
    await appShown(widget);
    await expect(box).toHaveCount(1);
    await expect(widget.locator('article.result')).toHaveCount(rows);
    await expect(box).toHaveValue('王毅');
    await expect(box).toBeFocused();
    expect(await box.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([1, 1]);
    await expect(widget.getByRole('status')).toHaveText(status!);
    expect(await widget.locator('article.result h3').allTextContents()).toEqual(titles);
    const after = await layout(widget);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [part, place] of Object.entries(before)) {
      for (const [i, key] of ['x', 'y', 'width', 'height'].entries()) expect(Math.abs(after[part]![i]! - place[i]!), `${part}: ${key} moved`).toBeLessThanOrEqual(1);
    }
    // The App took the search over: the host page heard of it once.
    const queries = (await hostEvents(page, 'news-search:query')).filter((event) => event.target === 'first' && event.detail.query === '王毅');
    expect(queries).toHaveLength(1);
  });
}

for (const [id, lang] of [
  ['first', 'zh-Hans'],
  ['first', 'zh-Hant'],
  ['second', 'en'],
] as const) {
  test(`counts as the App does, in ${lang}`, async ({ page }) => {
    await setAttributesAsParsed(page, id, { lang });
    const { app, widget } = await firstPaintOf(page, id);
    await app.requested;
    const firstPaint = {
      status: await widget.getByRole('status').textContent(),
      heading: await widget.locator('section.results h2').textContent(),
      meta: await widget.locator('article.result .meta').first().textContent(),
      label: await widget.getByRole('searchbox').getAttribute('placeholder'),
    };
    expect(firstPaint.status).toMatch(lang === 'en' ? /^(About )?\d+ articles?/ : /^找到[约約]? \d+ 篇文章/);
    expect(await widget.locator('div[lang]').first().getAttribute('lang')).toBe(lang);
    app.release();
    await appShown(widget);
    expect({
      status: await widget.getByRole('status').textContent(),
      heading: await widget.locator('section.results h2').textContent(),
      meta: await widget.locator('article.result .meta').first().textContent(),
      label: await widget.getByRole('searchbox').getAttribute('placeholder'),
    }).toEqual(firstPaint);
  });
}

test('the start view lists the newest, and the App comes a moment later with the same rows', async ({ page }) => {
  const app = await holdRequests(page.context(), APP_CHUNK);
  await page.goto('./embed/embed-worker.html');
  const widget = page.locator('news-search#first');
  await expect(widget.locator('article.result p.snippet').first()).toBeVisible();
  await expect(widget.getByRole('status')).toHaveText(/\d/);
  await app.requested;
  const status = await widget.getByRole('status').textContent();
  const titles = await widget.locator('article.result h3').allTextContents();
  app.release();
  await appShown(widget);
  await expect(widget.getByRole('status')).toHaveText(status!);
  expect(await widget.locator('article.result h3').allTextContents()).toEqual(titles);
  const listings = (await hostEvents(page, 'news-search:query')).filter((event) => event.target === 'first');
  expect(listings.map((event) => event.detail.query)).toEqual(['']);
});

test('a result opened in the first paint opens in the App\u2019s reader', async ({ page }) => {
  const { app, widget } = await firstPaintOf(page);
  const link = widget.locator('article.result').nth(1).getByRole('link');
  const title = (await link.textContent())!.trim();
  await link.click();
  // Nothing navigated: the click waits for the App.
  expect(new URL(page.url()).hash).toBe('');
  app.release();
  const reader = widget.getByRole('dialog');
  await expect(reader.locator('article h2')).toHaveText(title);
  const opened = await hostEvents(page, 'news-search:open');
  expect(opened.map((event) => event.detail.title)).toEqual([title]);
});

test('the App waits for the end of an IME composition in the first paint\u2019s box', async ({ page }) => {
  const { app, widget, box } = await firstPaintOf(page);
  await app.requested;
  // Pinyin being composed after the words: the App must not replace the box now.
  await box.evaluate((input: HTMLInputElement) => {
    input.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    input.value = '王毅 w';
    input.dispatchEvent(new InputEvent('input', { data: 'w', inputType: 'insertCompositionText', isComposing: true }));
  });
  const loaded = page.waitForResponse(APP_CHUNK);
  app.release();
  await loaded;
  // The App's module has arrived; a few frames on, the first paint is still what shows.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  expect(await widget.locator('details.facets fieldset').count()).toBe(0);
  await expect(box).toHaveValue('王毅 w');
  await box.evaluate((input: HTMLInputElement) => {
    input.value = '王毅 外';
    input.dispatchEvent(new CompositionEvent('compositionend', { data: '外' }));
  });
  await appShown(widget);
  await expect(box).toHaveValue('王毅 外');
  await expect(widget.getByRole('status')).toHaveText(/\d/);
});

test('shows untrusted titles and snippets as text', async ({ page }) => {
  const app = await holdRequests(page.context(), APP_CHUNK);
  await page.goto('./embed/embed-worker.html');
  const widget = page.locator('news-search#first');
  await widget.getByRole('searchbox').fill('欧盟 预算');
  await expect(widget.locator('article.result p.snippet').first()).toBeVisible();
  await app.requested;
  await expect(widget.locator('article.result').first().getByRole('link')).toContainText('<script>');
  expect(await widget.locator('article.result script').count()).toBe(0);
  app.release();
  await appShown(widget);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });

    test('the first paint has no serious axe findings, and looks as the App does', async ({ page }) => {
      const { app, widget, box } = await firstPaintOf(page);
      await app.requested;
      const { violations } = await new AxeBuilder({ page }).include('news-search#first').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await box.evaluate((input: HTMLInputElement) => input.blur());
      const looks = () =>
        widget.evaluate((element) => {
          const root = element.shadowRoot!;
          const style = (selector: string) => {
            const computed = getComputedStyle(root.querySelector(selector)!);
            return [computed.color, computed.backgroundColor, computed.fontSize, computed.fontFamily, computed.borderTopColor, computed.borderTopWidth];
          };
          return ['.news-search', 'input[type="search"]', '[role="status"]', 'article.result h3 a', 'article.result mark', 'article.result .meta', 'details.facets', 'select'].map(style);
        });
      const before = await looks();
      app.release();
      await appShown(widget);
      expect(await looks()).toEqual(before);
    });
  });
}

test('compact mode: the first paint\u2019s options, then the App\u2019s in the same place, given the keys pressed meanwhile', async ({ page }) => {
  const app = await holdRequests(page.context(), APP_CHUNK);
  await page.goto('./embed/embed-modes.html');
  const widget = page.locator('news-search#compact');
  const box = widget.getByRole('combobox');
  await box.fill('王毅');
  const options = widget.getByRole('listbox').getByRole('option');
  await expect(options.first()).toContainText('王毅');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(widget.getByRole('status')).toHaveText(/^(About )?\d+ articles?/);
  await app.requested;
  const places = () =>
    widget.evaluate((element) =>
      [...element.shadowRoot!.querySelectorAll('input, [role="status"], [role="option"]')].map((node) => {
        const rect = node.getBoundingClientRect();
        return [rect.x, rect.y, rect.width, rect.height].map(Math.round);
      }),
    );
  const before = await places();
  const status = await widget.getByRole('status').textContent();
  // Moving through the options is the App's: it comes for them, and gets both keys.
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  app.release();
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('王毅');
  await expect(widget.getByRole('status')).toHaveText(status!);
  const after = await places();
  expect(after.length).toBe(before.length);
  after.forEach((place, i) => place.forEach((value, j) => expect(Math.abs(value - before[i]![j]!), `element ${i}, ${['x', 'y', 'width', 'height'][j]}`).toBeLessThanOrEqual(1)));
});
