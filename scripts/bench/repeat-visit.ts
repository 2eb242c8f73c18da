/**
 * Repeat visits: the hosted page opened a second time in the same browser context, once its
 * service worker (src/offline/sw.ts) has stored the first visit's files: time to the first results
 * when the shell, the manifest and the index parts come from it, online (the manifest is still
 * asked of the network first, with its timeout) and offline (`setOffline`: everything from the
 * service worker's caches). The first visit types the same query, so its parts and fragments are
 * the stored ones; the second visit's probe types it again in the first frame that shows the box.
 */
import type { Browser, Page } from '@playwright/test';
import { NETWORK, probeReport, VIEWPORT, withTimeout, type PageTarget } from './page-harness.ts';
import { type Probe, probeSource } from './page-probe.ts';

const TIMEOUT = 30_000;
/** After the service worker took the page: time for it to store what the first visit fetched (ms). */
const STORE_WAIT_MS = 2000;

export interface RepeatVisit {
  query: string;
  first: Probe;
  online: Probe;
  offline: Probe;
}

/** One first visit, then the same page again online, then again offline; each probe in its own navigation's clock. */
export async function repeatVisit(browser: Browser, target: PageTarget, query: string): Promise<RepeatVisit> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', ignoreHTTPSErrors: true, serviceWorkers: 'allow' });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript({ content: probeSource(target.markup, 10, query) });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    const first = await visit(page, target.url, query);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: TIMEOUT });
    await page.waitForTimeout(STORE_WAIT_MS);
    const online = await visit(page, target.url, query);
    await context.setOffline(true);
    const offline = await visit(page, target.url, query);
    return { query, first, online, offline };
  } finally {
    await context.close();
  }
}

async function visit(page: Page, url: string, query: string): Promise<Probe> {
  // Heard on the console, not asked: nothing evaluated in the page while it loads (see PROBE_MESSAGE).
  const reported = probeReport(page);
  await page.goto(url, { waitUntil: 'commit' });
  const probe = await withTimeout(reported, `the repeat visit's results for "${query}"`, TIMEOUT);
  if (probe.query !== query) throw new Error(`repeat-visit: the probe watched "${probe.query}", not "${query}"`);
  return probe;
}
