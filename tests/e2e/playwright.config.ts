import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.E2E_PORT ?? 4317);
/** A second origin for widget.e2e.ts: the built site with CORS headers (and `/private/` without); tests/e2e/pages name it. */
const WIDGET_PORT = 4318;
const isCI = Boolean(process.env.CI);

/**
 * End-to-end tests against the production build: the webServer builds the app and a fixture
 * index into dist/ and serves it (`/`), plus the same app over the real archive (`/corpus/`,
 * index built by global-setup.ts into .cache/corpus-index when missing or stale), and over the
 * fixtures indexed in blocks of three (`/blocks/`, progressive search). A second server
 * serves dist/ with CORS headers on another origin, for the widget embedded in other pages.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  outputDir: path.join(REPO_ROOT, 'test-results'),
  globalSetup: './global-setup.ts',
  forbidOnly: isCI,
  retries: isCI ? 2 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: isCI ? [['list'], ['html', { open: 'never', outputFolder: path.join(REPO_ROOT, 'playwright-report') }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    // The hosted page registers a service worker after its first results (src/offline/): it would
    // answer requests that specs route or hold. Only offline.e2e.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      // Never download browsers: use the system Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: [
        'npm run build',
        'npm run index -- --input tests/fixtures/articles --out dist/data',
        // The fixtures again, in blocks of 3 article numbers: small enough to search progressively.
        'npm run index -- --input tests/fixtures/articles --out .cache/blocks-index --block-size 3 --no-cache --fresh',
        // Articles with authors and tags (tests/fixtures/facets): the author and tag facets.
        'npm run index -- --input tests/fixtures/facets --out .cache/facets-index --no-cache --fresh',
        `node --import tsx scripts/serve-static.ts --port ${PORT} /=dist /corpus/=dist /corpus/data/=.cache/corpus-index /blocks/=dist /blocks/data/=.cache/blocks-index /facets/=dist /facets/data/=.cache/facets-index /embed/=tests/e2e/pages`,
      ].join(' && '),
      cwd: REPO_ROOT,
      url: `http://127.0.0.1:${PORT}/data/manifest.json`,
      reuseExistingServer: !isCI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node --import tsx scripts/serve-static.ts --port ${WIDGET_PORT} --cors / /=dist /private/=dist`,
      cwd: REPO_ROOT,
      url: `http://127.0.0.1:${WIDGET_PORT}/widget.js`,
      reuseExistingServer: !isCI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
