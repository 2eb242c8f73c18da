import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { REPO_ROOT } from './paths.ts';
import { startPlainServer } from './plain-server.ts';

/**
 * The package as a site owner gets it: packed (`npm pack`, which builds the page, the widget and
 * the bundled command), installed from the tarball into an empty folder, run by the GitHub Pages
 * recipe's own search step (docs/examples/github-pages.yml) on a small archive, and served with a
 * plain static server: the page under /search/, and a page outside it embedding the widget with
 * the README's snippet. Packing and installing are done once, for both tests.
 */
const exec = promisify(execFile);
const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/articles');
const WORKFLOW = path.join(REPO_ROOT, 'docs/examples/github-pages.yml');

interface WorkflowStep {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

let work: string;
let app: string;
let origin: string;
let server: Server | undefined;
/** The same _site with Access-Control-Allow-Origin on exactly the files the README lists, and another origin's page. */
let corsServer: Server | undefined;
let corsOrigin: string;
let hostServer: Server | undefined;
let hostOrigin: string;
let buildOutput = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = await mkdtemp(path.join(os.tmpdir(), 'nas-package-'));
  const packed = await exec('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO_ROOT, maxBuffer: 1 << 24 });
  const [tarball] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as Array<{ filename: string }>;
  if (!tarball) throw new Error(`npm pack wrote no tarball:\n${packed.stdout}`);
  app = path.join(work, 'site-repo');
  await mkdir(app);
  await writeFile(path.join(app, 'package.json'), '{ "name": "my-archive", "private": true }\n');
  await exec('npm', ['install', '--no-audit', '--no-fund', path.join(work, tarball.filename)], { cwd: app });

  // The site generator's part: _posts/ in, _site/ out (a plain page stands for Jekyll's output).
  await cp(FIXTURES, path.join(app, '_posts'), { recursive: true });
  await mkdir(path.join(app, '_site'));
  await writeFile(path.join(app, '_site', 'index.html'), '<!doctype html><title>My archive</title><h1>My archive</h1>');

  // The workflow's search step, exactly as written, for a site at the root (BASE_PATH empty).
  const step = searchStep((parse(await readFile(WORKFLOW, 'utf8')) as { jobs: { build: { steps: WorkflowStep[] } } }).jobs.build.steps);
  const env = { ...process.env, ...Object.fromEntries(Object.keys(step.env ?? {}).map((name) => [name, ''])) };
  const built = await exec('bash', ['-e', '-c', step.run!], { cwd: app, env });
  buildOutput = built.stdout + built.stderr;

  const started = await startPlainServer(path.join(app, '_site'));
  server = started.server;
  origin = started.origin;
  // A page of the same site, outside /search/, with the README's embed snippet (HOST: the folder built into).
  const snippet = await readmeSnippet(`${origin}/search`);
  await writeFile(path.join(app, '_site', 'embed.html'), `<!doctype html><html lang="en"><title>Embed</title><body><h1>Another page</h1>\n${snippet}</body></html>`);

  // Another origin: the README's files (widget.js, assets/, data/) with the header, nothing else.
  const withCors = await startPlainServer(path.join(app, '_site'), (pathname) => pathname === '/search/widget.js' || /^\/search\/(assets|data)\//.test(pathname));
  corsServer = withCors.server;
  corsOrigin = withCors.origin;
  const hostRoot = path.join(work, 'other-site');
  await mkdir(hostRoot);
  await writeFile(path.join(hostRoot, 'index.html'), `<!doctype html><html lang="en"><title>Another site</title><body>\n${await readmeSnippet(`${corsOrigin}/search`)}</body></html>`);
  const host = await startPlainServer(hostRoot);
  hostServer = host.server;
  hostOrigin = host.origin;
});

test.afterAll(async () => {
  for (const running of [server, corsServer, hostServer]) await new Promise((resolve) => (running ? running.close(resolve) : resolve(undefined)));
  if (work) await rm(work, { recursive: true, force: true });
});

function searchStep(steps: WorkflowStep[]): WorkflowStep {
  const install = steps.find((s) => s.run?.startsWith('npm install') && s.run.includes('news-archive-search'));
  expect(install, 'the workflow installs the package before running it').toBeTruthy();
  const step = steps.find((s) => s.run?.includes('npx news-archive-search build'));
  expect(step?.run).toBe('npx news-archive-search build --input _posts --out _site/search --base "${BASE_PATH}/search/"');
  return step!;
}

/** The first html code block of the README's "Embed the search" section, HOST replaced. */
async function readmeSnippet(host: string): Promise<string> {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embed the search'));
  const block = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md: no html block under "## Embed the search"');
  return block.replaceAll('https://HOST', host);
}

test('the installed package builds the site without dev dependencies, with its compile cache outside it', async () => {
  expect(buildOutput).toMatch(/Indexed 10 of 11 files/);
  // No build tool at run time: the tarball's dependencies only.
  for (const dev of ['vite', 'tsx', 'svelte', 'rolldown', 'esbuild', 'typescript']) expect(existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);
  const out = path.join(app, '_site', 'search');
  const files = await readdir(out, { recursive: true });
  expect(files).toEqual(expect.arrayContaining(['index.html', 'widget.js', 'content-security-policy.txt', path.join('data', 'manifest.json')]));
  expect(files.filter((file) => file.split(path.sep).some((part) => part.startsWith('.')))).toEqual([]);
  // The compile cache is in the working folder's node_modules/.cache, not in the published _site.
  const caches = await readdir(path.join(app, 'node_modules', '.cache', 'news-archive-search'));
  expect(caches).toEqual([expect.stringMatching(/^search-[0-9a-f]{8}$/)]);
  expect((await readdir(path.join(app, '_site'), { recursive: true })).filter((file) => /\.cache|[0-9a-f]{18}\.json$/.test(file))).toEqual([]);
});

test('the page searches under /search/, every request under it answered', async ({ page, search }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${origin}/search/`);
  await search('王毅');
  await expect(page.getByRole('status')).toHaveText(/^\D*3\D/);
  await expect(page.locator('section[aria-busy] article').first()).toContainText('王毅');
  expect(failed).toEqual([]);
  expect(requested.filter((pathname) => !pathname.startsWith('/search/'))).toEqual([]);
  expect(requested.some((pathname) => pathname.startsWith('/search/data/'))).toBe(true);
});

test('with --base, the page works where a host answers /search without the slash (no redirect)', async ({ page }) => {
  // Some hosts (pretty URLs) serve a folder's index.html at /search itself: relative URLs would then
  // resolve under /, the <base> that --base writes keeps them under /search/.
  const html = await readFile(path.join(app, '_site', 'search', 'index.html'), 'utf8');
  expect(html).toContain('<base href="/search/" />');
  await page.route(new RegExp(`^${origin}/search(\\?|$)`), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${origin}/search?q=${encodeURIComponent('王毅')}`);
  await expect(page.getByRole('status')).toHaveText(/^\D*3\D/);
  await expect(page.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
  expect(requested.filter((pathname) => pathname !== '/search' && !pathname.startsWith('/search/'))).toEqual([]);
});

test('a page outside /search/ embeds the widget with the README snippet and searches', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${origin}/embed.html`);
  const widget = page.locator('news-search');
  await widget.getByRole('searchbox').fill('王毅');
  await expect(widget.getByRole('status')).toHaveText(/^\D*3\D/);
  await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
  await expect(widget.locator('article').first()).toContainText('王毅');
  expect(failed).toEqual([]);
});

test('on another origin, the README snippet searches with Access-Control-Allow-Origin on widget.js, assets/ and data/ only', async ({ page }) => {
  const fromSite: string[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(corsOrigin)) fromSite.push(new URL(response.url()).pathname);
  });
  await page.goto(`${hostOrigin}/`);
  const widget = page.locator('news-search');
  await widget.getByRole('searchbox').fill('王毅');
  await expect(widget.getByRole('status')).toHaveText(/^\D*3\D/);
  await expect(widget.locator('section[aria-busy]')).toHaveAttribute('aria-busy', 'false');
  await expect(widget.locator('article').first()).toContainText('王毅');
  // Its premise: everything came from the other origin, and only through the listed files.
  expect(fromSite).toContain('/search/widget.js');
  expect(fromSite.some((pathname) => pathname.startsWith('/search/data/'))).toBe(true);
  expect(fromSite.filter((pathname) => !(pathname === '/search/widget.js' || /^\/search\/(assets|data)\//.test(pathname)))).toEqual([]);
});
