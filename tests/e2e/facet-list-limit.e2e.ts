import { expect, test, waitForResults } from './fixtures.ts';

// The real archive (../shared/corpus, served at /corpus/): "香港" is tagged with many tags.

test.describe('a long facet list', () => {
  test('lists ten values, "show all" lists every one and "show fewer" folds them again; a ticked value past ten stays listed', async ({ page }) => {
    await page.goto(`./corpus/?q=${encodeURIComponent('香港')}&lang=en`);
    await waitForResults(page);
    const tags = page.getByRole('group', { name: 'Tag' });
    await expect(tags.getByRole('checkbox')).toHaveCount(10);
    const showAll = tags.getByRole('button', { name: /^Show all \((\d+) more\)$/ });
    const more = Number((await showAll.textContent())!.match(/\d+/)![0]);
    expect(more).toBeGreaterThan(10);
    await showAll.click();
    await expect(tags.getByRole('checkbox')).toHaveCount(10 + more);
    // The last one listed has the fewest results: tick it, fold the list, and it is still there, first.
    const last = tags.getByRole('checkbox').last();
    const name = (await last.locator('xpath=..').locator('.name').textContent())!;
    await last.check();
    await waitForResults(page);
    await tags.getByRole('button', { name: 'Show fewer' }).click();
    await page.mouse.move(0, 0);
    await expect(tags.getByRole('checkbox', { checked: true })).toHaveCount(1);
    await expect(tags.getByRole('checkbox').first()).toBeChecked();
    await expect(tags.locator('.name').first()).toHaveText(name);
  });
});
