/**
 * Builds a Pagefind index of a rendered site through Pagefind's Node API (the `pagefind` npm
 * package runs its own binary, `@pagefind/<platform>`, as a service): every HTML file under the
 * site folder, written to `<site>/pagefind/` with its default UI bundles.
 *
 * The binary is watched while it works (Linux /proc): its peak memory is reported, it is stopped
 * when it passes a memory cap (on a shared machine, the kernel's OOM killer would otherwise pick
 * any process), and its death is an error. Pagefind's Node API never settles its promises when
 * the binary dies, and Node would then exit silently in the middle of the benchmark.
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

/** The default memory cap for Pagefind's binary. */
export const DEFAULT_PAGEFIND_MAX_BYTES = 8e9;

/** This process's child whose command line contains `name` (Linux /proc), or null. */
async function findChild(name: string): Promise<number | null> {
  try {
    for (const task of await readdir(`/proc/${process.pid}/task`)) {
      const children = (await readFile(`/proc/${process.pid}/task/${task}/children`, 'utf8')).split(/\s+/).filter(Boolean);
      for (const pid of children) {
        if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(name)) return Number(pid);
      }
    }
  } catch {
    // No /proc (not Linux): nothing to watch.
  }
  return null;
}

/** Current and peak resident memory of a process, or null once it is gone. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number } | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status ?? '')?.[1] ?? Number.NaN) * 1024;
  return status === null || /^State:\s+Z/m.test(status) ? null : { rss: field('VmRSS'), peak: field('VmHWM') };
}

/**
 * Indexes `siteDir` with Pagefind's defaults (the page language decides segmentation).
 * @param maxBytes stop the binary when its resident memory passes this (default 8 GB)
 * @throws Error with Pagefind's own messages when it reports errors, and when its binary dies or passes `maxBytes`
 */
export async function buildPagefind(siteDir: string, maxBytes = DEFAULT_PAGEFIND_MAX_BYTES): Promise<PagefindBuild> {
  const bundleDir = path.join(siteDir, 'pagefind');
  const started = performance.now();
  let peakBytes: number | null = null;
  let watch: ReturnType<typeof setInterval> | undefined;
  // Rejects when the binary dies or passes the cap; the interval also keeps Node's event loop alive.
  const guard = new Promise<never>((_, reject) => {
    let pid: number | null = null;
    let busy = false;
    watch = setInterval(() => {
      if (busy) return;
      busy = true;
      void (async () => {
        pid ??= await findChild('pagefind');
        if (pid === null) return;
        const memory = await memoryOf(pid);
        const after = `${((performance.now() - started) / 1000).toFixed(0)} s`;
        if (!memory) return reject(new Error(`pagefind: its binary died after ${after} of indexing (killed by the kernel for memory?)`));
        peakBytes = Math.max(peakBytes ?? 0, memory.peak);
        if (memory.rss > maxBytes) {
          process.kill(pid, 'SIGKILL'); // our own child, by its id
          reject(new Error(`pagefind: stopped after ${after} of indexing, at ${(memory.rss / 1e9).toFixed(1)} GB resident memory (cap ${(maxBytes / 1e9).toFixed(1)} GB)`));
        }
      })().finally(() => (busy = false));
    }, 250);
  });
  guard.catch(() => undefined); // handled where it is raced
  const guarded = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, guard]);
  try {
    const { index, errors } = await guarded(pagefind.createIndex({}));
    if (!index) throw new Error(`pagefind: createIndex failed: ${errors.join('; ')}`);
    const added = await guarded(index.addDirectory({ path: siteDir }));
    if (added.errors.length) throw new Error(`pagefind: addDirectory: ${added.errors.join('; ')}`);
    const written = await guarded(index.writeFiles({ outputPath: bundleDir }));
    if (written.errors.length) throw new Error(`pagefind: writeFiles: ${written.errors.join('; ')}`);
    const pid = await findChild('pagefind');
    const last = pid === null ? null : await memoryOf(pid);
    if (last) peakBytes = Math.max(peakBytes ?? 0, last.peak);
    const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count]));
    return { files: added.page_count, pages, bundleDir, peakBytes };
  } finally {
    clearInterval(watch);
    // After a failure the service is gone: close() must not wait for it.
    await Promise.race([pagefind.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
}
