import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

// The timeline zoomed to a month (bars, breadcrumb), the refused range's message and the language
// selector: no serious or critical axe finding in either colour scheme and any of the three languages.
for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    test(`the timeline, the date inputs' message and the language selector: ${lang}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`./?from=2020-07-01&to=2020-07-31&lang=${lang}`);
      const crumbs = page.locator('nav[aria-label] ol');
      await expect(crumbs.getByRole('button')).toHaveCount(2);
      await expect(page.locator('.histogram [role="button"], .histogram button')).toHaveCount(31);
      // A from after the to: refused, with its message.
      await page.locator('input[type="date"]').first().fill('2020-08-15');
      await expect(page.getByRole('alert')).not.toHaveText('');
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    });
  }
}
