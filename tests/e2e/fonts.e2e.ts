import type { Page } from '@playwright/test';
import { expect, holdApp, test, waitForResults } from './fixtures.ts';

/**
 * index.html's font warm-up (src/boot/font-warmup.ts): while the App's code downloads, the entry
 * lays out a line in each text style the App will use, so that the App's first layout finds the
 * fonts looked up. This checks that the list is complete: every font the App renders on its
 * start page and on a results page (facets included) is one the warm-up laid out.
 */

/** Font, weight, size and numeric variant of every rendered element of `root` with text of its own (or a form control). */
function fontsIn(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const seen = new Set<string>();
    for (const element of document.querySelectorAll(`${selector}, ${selector} *`)) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      const control = element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLButtonElement;
      if (!(ownText || control) || !element.checkVisibility({ visibilityProperty: false })) continue;
      const style = getComputedStyle(element);
      seen.add([style.fontFamily, style.fontWeight, style.fontStyle, style.fontSize, style.fontVariantNumeric].join(' | '));
    }
    return [...seen].sort();
  }, root);
}

for (const width of [1280, 360]) test(`the font warm-up covers every font the App renders (${width} px)`, async ({ page }) => {
  await page.setViewportSize({ width, height: 800 });
  const release = await holdApp(page);
  await page.goto('./');
  // Laid out one style per task: done once marked.
  const warmer = page.locator('#boot [aria-hidden="true"][data-warmed]');
  await expect(warmer.locator('div')).not.toHaveCount(0);
  expect(await warmer.evaluate((box) => box.getBoundingClientRect().right <= 0), 'the warm-up is out of sight').toBe(true);
  const warmed = new Set(await warmer.evaluate((box) =>
    [...box.children].map((line) => {
      const style = getComputedStyle(line);
      return [style.fontFamily, style.fontWeight, style.fontStyle, style.fontSize, style.fontVariantNumeric].join(' | ');
    }),
  ));
  release();
  await waitForResults(page);
  await expect(page.locator('#boot')).toHaveCount(0);
  const used = new Set(await fontsIn(page, '#app'));
  await page.getByRole('searchbox').fill('香港');
  await waitForResults(page);
  for (const font of await fontsIn(page, '#app')) used.add(font);
  expect(used.size).toBeGreaterThan(3);
  expect([...used].filter((font) => !warmed.has(font)), 'fonts the App renders that the warm-up did not lay out').toEqual([]);
});
