import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

export { expect };

/** Verbs the specs share, and the automatic console check. */
interface Fixtures {
  /** Types a query and waits until its results (or its "no results") are on screen. */
  search: (text: string) => Promise<void>;
  /** Ticks an outlet's checkbox and waits for the narrowed results. */
  filterByOutlet: (name: string) => Promise<void>;
  /** Opens result `index` (0-based) in the reader; returns the reader dialog. */
  openResult: (index: number) => Promise<Locator>;
  /** Console errors the page logged (checked after each test). */
  consoleErrors: string[];
}

interface Options {
  /** Console errors a test expects (e.g. the error specs); any other fails the test. */
  allowedConsoleErrors: RegExp | null;
}

/** The results section is busy while a query runs: wait for it to settle. */
export async function waitForResults(page: Page): Promise<void> {
  await expect(page.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
}

/** The status line's first number (the result count). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  const digits = /\d+/.exec(text);
  if (!digits) throw new Error(`no count in the status line: "${text}"`);
  return Number(digits[0]);
}

/** Holds every request matching `url` (the page's, or every page's of a context) until `release` is called; `requested` settles at the first. */
export async function holdRequests(target: Page | BrowserContext, url: RegExp): Promise<{ requested: Promise<void>; release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen!: () => void;
  const requested = new Promise<void>((resolve) => (seen = resolve));
  await target.route(url, async (route) => {
    seen();
    await released;
    await route.continue();
  });
  return { requested, release };
}

/** Holds the App's chunk (`app-*.js`, see vite.config.ts) back until `release` is called: the page shows only the boot box. */
export async function holdApp(page: Page): Promise<() => void> {
  return (await holdRequests(page, /\/assets\/app-[\w-]+\.js$/)).release;
}

/** Result articles in the list. */
export function results(page: Page): Locator {
  return page.locator('section[aria-busy] article');
}

export const test = base.extend<Fixtures & Options>({
  allowedConsoleErrors: [null, { option: true }],

  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use, testInfo) => {
      // Hermetic: articles' images point at news sites; answer them with a blank pixel.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ contentType: 'image/gif', body: BLANK_GIF }));
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      const unexpected = errors.filter((text) => !allowedConsoleErrors?.test(text));
      if (testInfo.status === testInfo.expectedStatus) expect(unexpected, 'the page logged console errors').toEqual([]);
    },
    { auto: true },
  ],

  search: async ({ page }, use) => {
    await use(async (text) => {
      await page.getByRole('searchbox').fill(text);
      await expect(page).toHaveURL((url) => (url.searchParams.get('q') ?? '') === text.trim());
      await waitForResults(page);
    });
  },

  filterByOutlet: async ({ page }, use) => {
    await use(async (name) => {
      await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)}\\s+\\d+$`) }).check();
      await expect(page).toHaveURL((url) => url.searchParams.getAll('outlet').includes(name));
      await waitForResults(page);
    });
  },

  openResult: async ({ page }, use) => {
    await use(async (index) => {
      await results(page).nth(index).getByRole('link').click();
      const reader = page.getByRole('dialog');
      await expect(reader).toBeVisible();
      await expect(reader.locator('article h2')).toBeVisible();
      return reader;
    });
  },
});

const BLANK_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
