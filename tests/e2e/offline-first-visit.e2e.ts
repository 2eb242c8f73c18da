import type { Page } from '@playwright/test';
import { expect, results, test } from './fixtures.ts';

/**
 * The cold first visit is the same with the offline support as without it (issue #20: "the
 * service worker must not delay the first results: it is registered after them"). Shown by the
 * order of events, not by timing: when the first results are painted, the page has neither
 * registered a service worker nor asked for any of the offline side's files (sw.js, its chunks,
 * the keep-offline worker); both happen afterwards. The figures (bytes and requests before the
 * first results with the offline side on and off) are in docs/offline.md.
 */
test.use({ serviceWorkers: 'allow' });

/** The offline side's files: the service worker and the chunks only it loads (vite.config.ts names them after their modules). */
const OFFLINE_FILE = /\/(sw\.js|assets\/(offline-side|offline-session\.svelte|UpdateNotice|OfflineControl|archive-files|keep-worker)-[\w-]+\.js)(\?|$)/;

interface OrderEvent {
  what: 'first result painted' | 'first page painted' | 'register';
  /** performance.now() when it happened. */
  at: number;
  /** Offline files whose fetch had finished by then (Resource Timing). */
  offlineFiles: string[];
}

/** Records, in the page, when the first result row and the first full page appear and when the page registers a service worker. */
async function recordOrder(page: Page): Promise<void> {
  await page.addInitScript((source: string) => {
    const offline = new RegExp(source);
    const events: Array<{ what: string; at: number; offlineFiles: string[] }> = [];
    (window as unknown as { __offlineOrder: typeof events }).__offlineOrder = events;
    const log = (what: string) => events.push({ what, at: performance.now(), offlineFiles: performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => offline.test(name)) });
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<ServiceWorkerContainer['register']>) {
      log('register');
      return register.apply(this, args);
    };
    let first = false;
    let full = false;
    // Called synchronously with the DOM change that shows them: nothing the page does later can come before.
    new MutationObserver(() => {
      const rows = [...document.querySelectorAll('section[aria-busy] article')];
      if (!first && rows.length > 0) {
        first = true;
        log('first result painted');
      }
      // A row is painted once its title and snippet replaced the placeholders (ResultItem.svelte).
      const snippets = rows.slice(0, 10).filter((row) => (row.querySelector('h3:not(.placeholder)')?.textContent ?? '').trim() && (row.querySelector('p.snippet:not(.placeholder)')?.textContent ?? '').trim());
      if (!full && rows.length > 0 && snippets.length === Math.min(10, rows.length)) {
        full = true;
        log('first page painted');
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, OFFLINE_FILE.source);
}

/** The page's events so far, in order. */
function orderOf(page: Page): Promise<OrderEvent[]> {
  return page.evaluate(() => (window as unknown as { __offlineOrder: OrderEvent[] }).__offlineOrder);
}

/** The page's fetches of offline files so far, with when each started (Resource Timing's startTime, the page's clock). */
function offlineFetches(page: Page): Promise<Array<{ name: string; startTime: number }>> {
  return page.evaluate(
    (source) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new RegExp(source).test(entry.name))
        .map(({ name, startTime }) => ({ name, startTime })),
    OFFLINE_FILE.source,
  );
}

for (const [name, visit] of [
  ['a query typed into the box', async (page: Page) => {
    await page.goto('./');
    await page.getByRole('searchbox').fill('王毅');
  }],
  ['a query in the URL (a shared link)', async (page: Page) => {
    await page.goto('./?q=%E5%8C%97%E7%BA%A6');
  }],
] as const) {
  test(`first visit, ${name}: the service worker is registered, and its files asked for, only after the first results are painted`, async ({ page }) => {
    await recordOrder(page);
    await visit(page);
    await expect(results(page).first()).toBeVisible();
    // The offline side does start (else this test would prove nothing): it registers, and then controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const events = await orderOf(page);
    const order = events.map((event) => event.what);
    expect(order.filter((what) => what === 'register')).toHaveLength(1);
    expect(order.indexOf('first result painted')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('first page painted')).toBeGreaterThan(order.indexOf('first result painted'));
    expect(order.indexOf('register')).toBeGreaterThan(order.indexOf('first page painted'));
    // When the results were painted, no offline file had been fetched.
    for (const event of events.filter((event) => event.what !== 'register')) expect(event.offlineFiles, event.what).toEqual([]);
    // Nor asked for: each of the page's fetches of one started after the first page was painted
    // (the order of two moments of the page's clock, not a duration).
    const painted = events.find((event) => event.what === 'first page painted')!.at;
    const fetches = await offlineFetches(page);
    expect(fetches.map((fetch) => new URL(fetch.name).pathname)).toEqual(expect.arrayContaining([expect.stringMatching(/offline-side-/)]));
    for (const fetch of fetches) expect(fetch.startTime, fetch.name).toBeGreaterThan(painted);
  });
}
