import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, holdApp, results, test } from './fixtures.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * The hosted page under the policy its build says it needs (dist/content-security-policy.txt,
 * scripts/vite/hosted-page-csp.ts): no eval, nothing 'unsafe-inline'; two hashes, of index.html's
 * own <style> and of its one inline script (src/boot/early-worker.ts). The test server sends no CSP of its own: the page's
 * responses get the header on the way (the widget's host pages, tests/e2e/pages, carry theirs in
 * a meta element).
 */
function builtPolicy(): string {
  const text = readFileSync(path.join(REPO_ROOT, 'dist/content-security-policy.txt'), 'utf8');
  return /^Content-Security-Policy: (.+)$/m.exec(text)![1]!;
}

/** Serves every page navigation with `policy`, and records what it refuses. */
async function withPolicy(page: Page, policy: string = builtPolicy()): Promise<void> {
  await page.route('**/*', async (route) => {
    if (!route.request().isNavigationRequest()) return route.fallback();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`));
  });
}

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('the hosted page under a strict CSP', () => {
  test('needs no unsafe-inline, eval or blob:, one style hash (index.html\u2019s own <style>) and one script hash (its worker start)', () => {
    const directives = new Map(builtPolicy().split(/;\s*/).map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives.get('style-src')).toEqual([expect.stringMatching(/^'sha256-[\w+/]+=*'$/)]);
    // The page's own files, and index.html's one inline script (the worker's early start) by its hash.
    expect(directives.get('script-src')).toEqual(["'self'", expect.stringMatching(/^'sha256-[\w+/]+=*'$/)]);
    expect(builtPolicy()).not.toMatch(/unsafe|blob:|\*/);
  });

  test('paints the boot box styled before the App arrives', async ({ page }) => {
    await withPolicy(page);
    // The App's chunk held back: only index.html's own <style> has styled the page.
    const release = await holdApp(page);
    await page.goto('./');
    const boot = page.locator('#boot input[type="search"]');
    await expect(boot).toBeVisible();
    // index.html's rules (the browser's own input has an inset border and 13.33px text).
    await expect(boot).toHaveCSS('border-top-style', 'solid');
    await expect(boot).toHaveCSS('border-top-left-radius', /px$/);
    await expect(boot).toHaveCSS('font-size', '18.4px');
    release();
    await expect(page.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
    expect(await cspViolations(page)).toEqual([]);
  });

  test('searches and reads, styled, with nothing refused', async ({ page, search, openResult }) => {
    await withPolicy(page);
    await page.goto('./');

    await search('王毅');
    const first = results(page).first();
    // ResultItem.svelte's and SearchBox.svelte's own rules.
    await expect(first).toHaveCSS('padding-top', '12px');
    await expect(page.getByRole('searchbox')).toHaveCSS('border-top-width', '2px');
    // The reader's chunk is loaded on demand, and brings its sheets with it.
    const reader = await openResult(0);
    await expect(reader).toHaveCSS('border-top-style', 'none');
    await expect(reader.locator('.bar')).toHaveCSS('position', 'sticky');

    // The components added no <style> or stylesheet link: index.html's own is the only one.
    const styles = await page.evaluate(() => ({ elements: document.querySelectorAll('style, link[rel="stylesheet"]').length, adopted: document.adoptedStyleSheets.length }));
    expect(styles.elements).toBe(1);
    expect(styles.adopted).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
  });
});

test.describe('the hosted page under a CSP without its style hash', () => {
  test.use({ allowedConsoleErrors: /Content Security Policy directive/ });

  test('is still fully styled once the App is mounted: only the boot box\u2019s <style> is refused', async ({ page, search }) => {
    await withPolicy(page, builtPolicy().replace(/style-src [^;]+/, "style-src 'none'"));
    await page.goto('./');
    await search('王毅');
    await expect(results(page).first()).toHaveCSS('padding-top', '12px');
    await expect(page.getByRole('searchbox')).toHaveCSS('border-top-width', '2px');
    expect(await cspViolations(page)).toEqual(['style-src-elem refused inline']);
  });
});

test('a browser without constructed style sheets gets the components\u2019 CSS as <style> elements (no CSP)', async ({ page, search, openResult }) => {
  // As Firefox before 101 and Safari before 16.4: no adoptedStyleSheets anywhere.
  await page.addInitScript(() => {
    for (const proto of [Document.prototype, ShadowRoot.prototype]) delete (proto as unknown as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  });
  await page.goto('./');
  expect(await page.evaluate(() => 'adoptedStyleSheets' in document)).toBe(false);
  await search('王毅');
  await expect(results(page).first()).toHaveCSS('padding-top', '12px');
  await expect(page.getByRole('searchbox')).toHaveCSS('border-top-width', '2px');
  const reader = await openResult(0);
  await expect(reader.locator('.bar')).toHaveCSS('position', 'sticky');
  // One element per component, however often it mounts (ten result rows, one ResultItem sheet).
  const hashes = await page.evaluate(() => [...document.querySelectorAll<HTMLStyleElement>('style[data-svelte-css]')].map((style) => style.dataset.svelteCss));
  expect(hashes.length).toBeGreaterThan(3);
  expect(new Set(hashes).size).toBe(hashes.length);
});
