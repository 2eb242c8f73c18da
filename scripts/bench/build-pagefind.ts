/**
 * Builds a Pagefind index of a rendered site through Pagefind's Node API (the `pagefind` npm
 * package runs its own binary, `@pagefind/<platform>`, as a service): every HTML file under the
 * site folder, written to `<site>/pagefind/` with its default UI bundles.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What the Pagefind build reports. */
export interface PagefindBuild {
  /** HTML files Pagefind read. */
  files: number;
  /** Pages in its index, per language (`pagefind-entry.json`): files without `data-pagefind-body` are left out once any page has it. */
  pages: Record<string, number>;
  /** The bundle folder. */
  bundleDir: string;
}

/**
 * Indexes `siteDir` with Pagefind's defaults (the page language decides segmentation).
 * @throws Error with Pagefind's own messages when it reports errors
 */
export async function buildPagefind(siteDir: string): Promise<PagefindBuild> {
  const bundleDir = path.join(siteDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: createIndex failed: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`pagefind: addDirectory: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length) throw new Error(`pagefind: writeFiles: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count]));
    return { files: added.page_count, pages, bundleDir };
  } finally {
    await pagefind.close();
  }
}
