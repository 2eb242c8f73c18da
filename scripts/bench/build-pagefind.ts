/**
 * Builds a Pagefind index of a rendered site through Pagefind's Node API (the `pagefind` npm
 * package runs its own binary, `@pagefind/<platform>`, as a service): every HTML file under the
 * site folder, written to `<site>/pagefind/` with its default UI bundles.
 */
import { readdir, readFile } from 'node:fs/promises';
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
  /** Peak resident memory of Pagefind's binary (Linux `VmHWM`), or null where /proc cannot tell. */
  peakBytes: number | null;
}

/** Peak resident memory of this process's child whose command line contains `name` (Linux only). */
async function childPeakBytes(name: string): Promise<number | null> {
  try {
    for (const task of await readdir(`/proc/${process.pid}/task`)) {
      const children = (await readFile(`/proc/${process.pid}/task/${task}/children`, 'utf8')).split(/\s+/).filter(Boolean);
      for (const pid of children) {
        if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(name)) continue;
        const peak = /^VmHWM:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
        if (peak) return Number(peak[1]) * 1024;
      }
    }
  } catch {
    // No /proc (not Linux) or the process is gone: the figure is simply not available.
  }
  return null;
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
    const peakBytes = await childPeakBytes('pagefind');
    const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count]));
    return { files: added.page_count, pages, bundleDir, peakBytes };
  } finally {
    await pagefind.close();
  }
}
