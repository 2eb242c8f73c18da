import type { Locator, Page } from '@playwright/test';
import { expect, holdRequests, test } from './fixtures.ts';

/**
 * The widget under host CSPs that admit its script but no worker (its inline mode), and under the
 * README's policy (its worker): tests/e2e/pages/embed-inline.html and embed-worker.html, one page
 * under two policies (in a meta element: a document the test fulfilled itself would not be on the
 * loopback address, and Chromium would refuse its requests to the widget's origin). The widget
 * and its index come from the second origin.
 */
/** The worker's first script, on the widget's origin. */
const WORKER_SCRIPT = /:4318\/assets\/search-worker-[\w-]+\.js$/;

/** Opens the host page under `policy`: only `script-src` and `connect-src`, or the documented one. */
async function openWithPolicy(page: Page, policy: 'script-and-connect-only' | 'documented'): Promise<void> {
  await page.goto(`./embed/${policy === 'documented' ? 'embed-worker.html' : 'embed-inline.html'}`);
}

async function searchIn(widget: Locator, text: string): Promise<void> {
  await widget.getByRole('searchbox').fill(text);
  await expect(widget.getByRole('status')).toHaveText(/\d/);
  await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
}

function hostRecord(page: Page, name: 'hostEvents' | 'cspViolations'): Promise<unknown[]> {
  return page.evaluate((key) => (window as unknown as Record<string, unknown[]>)[key]!, name);
}

test.describe('the widget under a CSP without worker-src', () => {
  // Chromium reports the refused worker itself; the widget logs why it searches in the page (info, not an error).
  test.use({ allowedConsoleErrors: /^Creating a worker from 'blob:[^']+' violates the following Content Security Policy directive/ });

  test('two widgets search in the page, independently, with the host page\u2019s styles untouched', async ({ page }) => {
    await openWithPolicy(page, 'script-and-connect-only');
    const [first, second] = [page.locator('news-search#first'), page.locator('news-search#second')];
    await expect(first).toHaveAttribute('data-mode', 'inline');
    await expect(second).toHaveAttribute('data-mode', 'inline');
    await searchIn(second, '北约');
    await searchIn(first, '王毅');
    await expect(first.locator('article.result').first()).toContainText('王毅');
    await expect(second.locator('article.result').first()).toContainText('北约');
    await expect(first.getByRole('searchbox')).toHaveValue('王毅');
    await expect(second.getByRole('searchbox')).toHaveValue('北约');
    expect(await second.locator('article.result').count()).toBeLessThanOrEqual(3);
    // Each has its own search: a new query in one leaves the other's results as they were.
    const secondCount = await second.getByRole('status').textContent();
    await searchIn(first, '臺灣');
    await expect(second.getByRole('status')).toHaveText(secondCount!);
    await expect(second.getByRole('searchbox')).toHaveValue('北约');
    // The reader (a lazily loaded chunk) opens too.
    await second.locator('article.result').first().getByRole('link').click();
    await expect(second.getByRole('dialog').locator('article h2')).toBeVisible();

    expect(page.workers()).toHaveLength(0);
    // Styled (constructed sheets) although the page's CSP names no style source for the widget.
    await expect(first.getByRole('searchbox')).toHaveCSS('border-top-style', 'solid');
    for (const id of ['#host-text', '#host-link']) {
      await expect(page.locator(id)).toHaveCSS('color', 'rgb(1, 2, 3)');
      await expect(page.locator(id)).toHaveCSS('padding-top', '7px');
    }
    expect(await page.evaluate(() => document.querySelectorAll('style, link[rel="stylesheet"]').length)).toBe(1);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    // Once upgraded, the fallback links are not shown.
    await expect(page.locator('news-search > a')).toHaveCount(2);
    for (const link of await page.locator('news-search > a').all()) await expect(link).toBeHidden();
    // Silent: no error for the host page, and the only refusal is the worker's.
    const events = (await hostRecord(page, 'hostEvents')) as Array<{ type: string }>;
    expect(events.filter((event) => event.type === 'news-search:error')).toEqual([]);
    expect(events.filter((event) => event.type === 'news-search:query').length).toBeGreaterThan(0);
    const violations = (await hostRecord(page, 'cspViolations')) as string[];
    expect(violations.length).toBeGreaterThan(0);
    for (const violation of violations) expect(violation).toMatch(/^worker-src refused blob/);
  });

  test('lets the host page run between the stages of its search, which the worker need not', async ({ page }) => {
    // Counts the page's scheduler.yield() calls (src/worker/yield-to-page.ts): a search in the page
    // yields between its stages and snippets; with its worker, the page's scheduler is not asked.
    await page.addInitScript(() => {
      const scheduler = (globalThis as { scheduler?: { yield: () => Promise<void> } }).scheduler!;
      const original = scheduler.yield.bind(scheduler);
      (window as unknown as { yields: number }).yields = 0;
      scheduler.yield = () => {
        (window as unknown as { yields: number }).yields++;
        return original();
      };
    });
    const yields = () => page.evaluate(() => (window as unknown as { yields: number }).yields);
    await openWithPolicy(page, 'script-and-connect-only');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect(widget.locator('article.result p.snippet mark').first()).toBeVisible();
    await expect(widget).toHaveAttribute('data-mode', 'inline');
    // A step's five stages at least, and one per snippet.
    expect(await yields()).toBeGreaterThanOrEqual(5);
    // Each stage named on the page's timeline (src/worker/stage-measures.ts), for a long task to be put down to it.
    const stageNames = () => page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name).filter((name) => name.startsWith('news-search ')));
    const stages = await stageNames();
    for (const stage of ['postings', 'docs rows', 'MiniSearch loaded', 'scoring', 'fragment arrived']) {
      expect(stages.filter((name) => name.endsWith(` → ${stage}`)), stage).not.toEqual([]);
    }
    // (The first paint sends the search and its first summaries together: the second request's
    // arrival may begin the stretch before the search's first stage ends.)
    expect(stages.filter((name) => /^news-search (search|firstSummaries) request → /.test(name))).not.toEqual([]);
    expect(stages.filter((name) => / → (firstSummaries|summaries): answered$/.test(name))).not.toEqual([]);

    await openWithPolicy(page, 'documented');
    const inWorker = page.locator('news-search#first');
    await searchIn(inWorker, '王毅');
    await expect(inWorker.locator('article.result p.snippet mark').first()).toBeVisible();
    await expect(inWorker).toHaveAttribute('data-mode', 'worker');
    expect(await yields()).toBe(0);
    expect(await stageNames()).toEqual([]);
  });

  test('keeps the query typed while the search moves into the page', async ({ page }) => {
    const inline = await holdRequests(page.context(), /:4318\/assets\/search-inline-[\w-]+\.js$/);
    await openWithPolicy(page, 'script-and-connect-only');
    const widget = page.locator('news-search#first');
    // The worker was refused and the page's search is on its way, held back: the visitor types meanwhile.
    await inline.requested;
    await widget.getByRole('searchbox').fill('王毅');
    await expect(widget).not.toHaveAttribute('data-mode', /./);
    inline.release();
    await expect(widget).toHaveAttribute('data-mode', 'inline');
    await expect(widget.getByRole('status')).toHaveText(/\d/);
    await expect(widget.locator('article.result').first()).toContainText('王毅');
  });
});

test.describe('the widget when its worker cannot run', () => {
  test.use({ allowedConsoleErrors: /broken worker script/ });

  test('searches in the page when the worker\u2019s first script throws', async ({ page }) => {
    await page.context().route(WORKER_SCRIPT, (route) =>
      route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: "throw new Error('broken worker script');" }),
    );
    await openWithPolicy(page, 'documented');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect(widget).toHaveAttribute('data-mode', 'inline');
    await expect(widget.locator('article.result').first()).toContainText('王毅');
    const events = (await hostRecord(page, 'hostEvents')) as Array<{ type: string }>;
    expect(events.filter((event) => event.type === 'news-search:error')).toEqual([]);
  });

  test('searches in the page in a browser without module workers', async ({ page }) => {
    // What such a browser does: the constructor throws for { type: 'module' }.
    await page.addInitScript(() => {
      const Original = window.Worker;
      window.Worker = function (url: string | URL, options?: WorkerOptions) {
        if (options?.type === 'module') throw new TypeError('module workers are not supported');
        return new Original(url, options);
      } as unknown as typeof Worker;
    });
    await openWithPolicy(page, 'documented');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect(widget).toHaveAttribute('data-mode', 'inline');
    await expect(widget.locator('article.result').first()).toContainText('王毅');
    expect(page.workers()).toHaveLength(0);
    const events = (await hostRecord(page, 'hostEvents')) as Array<{ type: string }>;
    expect(events.filter((event) => event.type === 'news-search:error')).toEqual([]);
  });

  test('searches in the page when the worker never answers', async ({ page }) => {
    // The worker's script never arrives: no error, no answer; the widget stops waiting after a bound (seconds).
    await holdRequests(page.context(), WORKER_SCRIPT);
    await openWithPolicy(page, 'documented');
    const widget = page.locator('news-search#second');
    await widget.getByRole('searchbox').fill('北约');
    await expect(widget).toHaveAttribute('data-mode', 'inline', { timeout: 20_000 });
    await expect(widget.locator('article.result').first()).toContainText('北约');
  });
});

/** The widget's chunks requested from its origin, by name without the hash (`app`, `ReaderView`, `widget`). */
function chunkNames(page: Page): { since: () => string[]; requestedAfter: (later: string, earlier: string) => boolean } {
  const names: string[] = [];
  page.context().on('request', (request) => {
    const match = /:4318\/(?:assets\/)?([\w.-]+?)(?:-[\w-]{8})?\.js$/.exec(request.url());
    if (match) names.push(match[1]!);
  });
  let taken = 0;
  return {
    // The names requested since the last call.
    since: () => [...new Set(names.slice(taken, (taken = names.length)))].sort(),
    // True when `later` was first requested after `earlier` was.
    requestedAfter: (later, earlier) => names.includes(earlier) && names.indexOf(later) > names.indexOf(earlier),
  };
}

/** The facet column's controls (their own chunk, asked for once the first page of results is painted) and the timeline they load. */
async function facetControlsShown(widget: Locator): Promise<void> {
  await expect(widget.locator('details.facets fieldset').first()).toBeVisible();
  await expect(widget.locator('details.facets .timeline')).toBeVisible();
}

/**
 * Leaves the host page one widget (`#first`: the second, in English, would ask for the App after
 * its own start view), and records on the page's clock when `#first` first painted a result with
 * a marked snippet: looked for in every frame from the page itself.
 */
async function watchFirstResults(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const second = document.getElementById('second');
      if (!second) return;
      second.remove();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  // (A string: tsx would wrap a function's inner functions in a helper the page does not have.)
  await page.addInitScript(
    `(function look() { if (document.querySelector('news-search#first')?.shadowRoot?.querySelector('article.result p.snippet mark')) window.firstResultsAt = performance.now(); else requestAnimationFrame(look); })();`,
  );
}

/** The widget's chunks the page itself asked for (its resource timing: not the worker's), before and after the first results were painted. */
async function askedAroundFirstResults(page: Page): Promise<{ before: string[]; after: string[] }> {
  const entries = await page.evaluate(() => {
    const paintedAt = (window as unknown as { firstResultsAt: number }).firstResultsAt;
    return performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, before: entry.startTime < paintedAt }));
  });
  const names = (before: boolean) =>
    [...new Set(entries.filter((entry) => entry.before === before).flatMap(({ url }) => /:4318\/(?:assets\/)?([\w.-]+?)(?:-[\w-]{8})?\.js$/.exec(url)?.[1] ?? []))].sort();
  return { before: names(true), after: names(false) };
}

test.describe('what the widget downloads, and when', () => {
  test.use({ allowedConsoleErrors: /^Creating a worker from 'blob:[^']+' violates the following Content Security Policy directive/ });

  test('with its worker: the search\u2019s chunks before the first results, the App\u2019s after them, the reader\u2019s only when an article opens', async ({ page }) => {
    const chunks = chunkNames(page);
    await watchFirstResults(page);
    await openWithPolicy(page, 'documented');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect(widget.locator('article.result p.snippet mark').first()).toBeVisible();
    await facetControlsShown(widget);
    // The first results are the first paint's (widget.js, with the worker client in preopen); the
    // App (widget-app, app) is asked for once they are painted, the facet controls' chunk after
    // it, the timeline's by the date controls, after theirs.
    expect(chunks.since()).toEqual(['Timeline', 'app', 'facet-controls', 'preopen', 'search-core', 'search-worker', 'widget', 'widget-app.svelte']);
    // (The worker's first script is the page's request: a blob: module imports it.)
    expect(await askedAroundFirstResults(page)).toEqual({ before: ['preopen', 'search-worker', 'widget'], after: ['Timeline', 'app', 'facet-controls', 'widget-app.svelte'] });
    expect(chunks.requestedAfter('widget-app.svelte', 'search-core')).toBe(true);
    expect(chunks.requestedAfter('facet-controls', 'app')).toBe(true);
    expect(chunks.requestedAfter('Timeline', 'facet-controls')).toBe(true);
    await widget.locator('article.result').first().getByRole('link').click();
    await expect(widget.getByRole('dialog').locator('article h2')).toBeVisible();
    // The related stories have been looked up (their code is a chunk of its own).
    await expect(widget.getByRole('dialog').getByRole('region')).not.toContainText('正在查找');
    expect(chunks.since()).toEqual(['ReaderView', 'related']);
  });

  test('searching in the page: the page\u2019s copy of the search instead of the worker, the App after the first results, the reader only when an article opens', async ({ page }) => {
    const chunks = chunkNames(page);
    await watchFirstResults(page);
    await openWithPolicy(page, 'script-and-connect-only');
    const widget = page.locator('news-search#first');
    await searchIn(widget, '王毅');
    await expect(widget.locator('article.result p.snippet mark').first()).toBeVisible();
    await facetControlsShown(widget);
    // The page's copy of the search is one file (inline-search); search-inline and inline-core are
    // the two import() entry points into it, a line each (scripts/vite/inline-search-chunk.ts).
    expect(chunks.since()).toEqual(['Timeline', 'app', 'archive-files', 'facet-controls', 'inline-core', 'inline-search', 'preopen', 'search-inline', 'widget', 'widget-app.svelte']);
    expect(await askedAroundFirstResults(page)).toEqual({
      before: ['archive-files', 'inline-core', 'inline-search', 'preopen', 'search-inline', 'widget'],
      after: ['Timeline', 'app', 'facet-controls', 'widget-app.svelte'],
    });
    expect(chunks.requestedAfter('facet-controls', 'app')).toBe(true);
    expect(chunks.requestedAfter('Timeline', 'facet-controls')).toBe(true);
    await widget.locator('article.result').first().getByRole('link').click();
    await expect(widget.getByRole('dialog').locator('article h2')).toBeVisible();
    // The related stories have been looked up (their code is a chunk of its own).
    await expect(widget.getByRole('dialog').getByRole('region')).not.toContainText('正在查找');
    expect(chunks.since()).toEqual(['ReaderView', 'related']);
  });
});

test.describe('the widget under the documented CSP', () => {
  test('uses its worker, one per widget', async ({ page }) => {
    await openWithPolicy(page, 'documented');
    const [first, second] = [page.locator('news-search#first'), page.locator('news-search#second')];
    await searchIn(first, '王毅');
    await searchIn(second, '北约');
    await expect(first).toHaveAttribute('data-mode', 'worker');
    await expect(second).toHaveAttribute('data-mode', 'worker');
    expect(page.workers()).toHaveLength(2);
    expect(await hostRecord(page, 'cspViolations')).toEqual([]);
    // Dedicated workers only: the widget never registers a service worker on its host's origin.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(page.context().serviceWorkers()).toHaveLength(0);
  });
});

test('the hosted page searches in its worker', async ({ page, search }) => {
  await page.goto('./');
  await search('王毅');
  expect(page.workers()).toHaveLength(1);
});

test.describe('the widget whose script may not be read', () => {
  test.use({ allowedConsoleErrors: /CORS|ERR_FAILED/ });

  test('leaves the element\u2019s fallback link in place', async ({ page }) => {
    const blocked = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/private/widget.js'));
    await page.goto('./embed/embed-noscript.html');
    await blocked;
    await expect(page.getByRole('link', { name: 'Search the news archive' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Search the news archive' })).toHaveAttribute('href', 'http://127.0.0.1:4318/');
    expect(await page.evaluate(() => customElements.get('news-search') === undefined && document.querySelector('news-search')!.shadowRoot === null)).toBe(true);
  });
});
