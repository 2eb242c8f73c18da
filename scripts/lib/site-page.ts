/**
 * The search site's files for `news-archive-search build`: the page and the widget, built once
 * (at pack time in the package, by `npm run build` in the repository), copied into the output
 * folder with index.html adapted to where it is served.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../../src/ui/i18n/lang.ts';

/** index.html carries this, so that `build` never writes over another site's index.html. */
export const GENERATOR_META = '<meta name="generator" content="news-archive-search" />';

export interface SitePageOptions {
  /** URL path the site is served under (`/search/`), or a full URL; undefined keeps URLs relative. */
  base?: string;
  /** The page's `<title>`. */
  title?: string;
  /** The page's language when the URL names none. */
  lang?: Lang;
}

/**
 * Checks and normalizes a `--base` value: a path from the site's root or an http(s) URL, ending
 * in `/`. Returns the value, or a sentence saying what is wrong.
 *
 * @example normalizeBase('/archive/search') // { base: '/archive/search/' }
 */
export function normalizeBase(value: string): { base: string } | { error: string } {
  const isUrl = /^https?:\/\//i.test(value);
  if (!isUrl && !value.startsWith('/')) return { error: `--base takes a path from the site's root such as /search/ or a full https:// URL, not "${value}"` };
  try {
    const parsed = new URL(value, 'https://example.org');
    if (parsed.search || parsed.hash) return { error: `--base takes a folder's path, without ? or #: "${value}"` };
  } catch {
    return { error: `--base is not a valid URL path: "${value}"` };
  }
  return { base: value.endsWith('/') ? value : `${value}/` };
}

/** Whether `value` names one of the page's languages. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * index.html for the output folder: the generator mark; with `base`, a `<base href>` first in the
 * head (the page's links, preloads, scripts and index requests resolve against it, so the page
 * works even at `/search` without the slash); the title; the language (`<html lang>` and the
 * default the App starts in, `data-default-lang`).
 */
export function adaptSitePage(html: string, options: SitePageOptions): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  let page = html;
  // After the charset declaration, which must come first.
  const head = /<head>\s*(<meta charset="[^"]*"\s*\/?>\s*)?/i;
  if (!head.test(page)) throw new Error('site-page: the prebuilt index.html has no <head>');
  const extra = [options.base ? `<base href="${escape(options.base)}" />` : '', page.includes(GENERATOR_META) ? '' : GENERATOR_META].filter(Boolean);
  if (extra.length) page = page.replace(head, (match) => `${match}${extra.join('\n    ')}\n    `);
  if (options.title !== undefined) page = page.replace(/<title>[^<]*<\/title>/i, `<title>${escape(options.title)}</title>`);
  if (options.lang) page = page.replace(/<html\b[^>]*>/i, `<html lang="${options.lang}" data-default-lang="${options.lang}">`);
  return page;
}

/**
 * The prebuilt page and widget: in the package, `site/` beside the bundled command's folder
 * (scripts/pack/bundle-package.ts puts it there); from source, the repository's `dist/`.
 */
export function prebuiltSiteDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return import.meta.url.endsWith('.js') ? path.resolve(here, '..', 'site') : path.resolve(here, '..', '..', 'dist');
}

/** What copying the site wrote. */
export interface SiteCopy {
  /** Files copied (index.html included). */
  files: number;
  /** Files of an earlier build removed from `assets/` (chunks whose names changed). */
  removed: number;
}

/**
 * Copies the prebuilt site (without any index of its own, `data/`) into `out` and writes its
 * adapted index.html. Throws a sentence when the prebuilt site is missing, or when `out` holds
 * an index.html that is not this project's (a site's own home page).
 */
export async function copySite(out: string, options: SitePageOptions, from: string = prebuiltSiteDir()): Promise<SiteCopy> {
  const source = path.join(from, 'index.html');
  if (!existsSync(source) || !existsSync(path.join(from, 'widget.js'))) {
    throw new Error(`The prebuilt search page is missing from ${from}; in the repository, run npm run build first.`);
  }
  const target = path.join(out, 'index.html');
  const isOurs = existsSync(target) && (await readFile(target, 'utf8')).includes(GENERATOR_META);
  if (existsSync(target) && !isOurs) {
    throw new Error(`${target} exists and is not a news-archive-search page: choose an output folder of its own (such as _site/search).`);
  }
  // The chunks of an earlier build of this folder that this one does not have (their hashed names
  // changed): removed, only from a folder whose index.html this command wrote.
  let removed = 0;
  if (isOurs && existsSync(path.join(out, 'assets'))) {
    const current = new Set(existsSync(path.join(from, 'assets')) ? await readdir(path.join(from, 'assets')) : []);
    for (const name of await readdir(path.join(out, 'assets'))) {
      if (current.has(name)) continue;
      await rm(path.join(out, 'assets', name), { recursive: true, force: true });
      removed++;
    }
  }
  const html = adaptSitePage(await readFile(source, 'utf8'), options);
  await mkdir(out, { recursive: true });
  let files = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name === 'data' || entry.name === 'index.html' || entry.name.startsWith('.')) continue;
    await cp(path.join(from, entry.name), path.join(out, entry.name), { recursive: true, force: true });
    files += entry.isDirectory() ? (await readdir(path.join(from, entry.name), { recursive: true })).length : 1;
  }
  await writeFile(target, html);
  return { files: files + 1, removed };
}
