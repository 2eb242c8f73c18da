import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, createGzip, gunzip, gzip } from 'node:zlib';
import { encodePack, isPartPagePath, PACK_PARTS, type PackEntry, packedVocabularies, packsOf, partHashesOfPage, partPagePath, type IndexFile, type Manifest, type PartPageEntry, type TermPacks, type TermPartEntry, termPartPath } from '../../src/lib/search/index.ts';
import { indexFileKind } from '../../src/offline/archive-files.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Folders and file names this project writes into an index folder (and may therefore replace). */
const OWNED_DIRS = ['a', 'h', 'ids'];
/** The content-hashed files (`indexFileKind`): one that exists already is kept once its bytes are checked. */
const isOwnedFile = (name: string) => indexFileKind(name) === 'hashed';
/** Suffix of a file being written: renamed to its name once whole (one left by a crash is removed). */
const PARTIAL = '.partial';

/**
 * Files being gzipped or saved at once. Each file's gzip, open, write and close run in libuv's
 * thread pool (4 threads), so a few per thread keep it busy while this thread encodes the next
 * files; more only queue (and hold their bytes) longer.
 */
export const WRITE_CONCURRENCY = 16;
/** Longest stretch of encoding, in ms, before the writer lets finished disk work move on. */
const YIELD_MS = 4;

/** What `writeIndex` did. */
export interface WriteReport {
  /** Bytes of the whole index folder as written (manifest included). */
  bytes: number;
  /** Files written because they were new or changed. */
  written: number;
  /** Files left as they were (same name, same bytes). */
  unchanged: number;
  /** Files that were there under their name with other bytes (truncated, damaged), written again. */
  repaired: number;
  /** Files of the previous build that this one no longer has, removed. */
  removed: number;
}

/**
 * Writes an index folder as its files come from `files` (see `indexFiles`), a bounded number at
 * a time: gzip files at level 9 (deterministic: no timestamp in the header), plain files as they
 * are, then the manifest (the generator's value) with the compressed sizes. A file that is
 * already there with the same bytes (checked: a content-hashed file is inflated and compared) is
 * not written again, so a rebuild touches only what changed, and repairs a file that was cut
 * short or damaged. Each file is written under a temporary name and renamed once whole, so a
 * crash never leaves a torn file under an index name. Index files of an earlier build that
 * the new one does not use are removed; nothing else in the folder is touched (the compile cache
 * in `.cache/` neither). A path that comes twice is written once (the first).
 *
 * @returns the manifest as written and what was done
 * @throws Error `Cannot write the index to OUT: …` when the folder or a file cannot be written;
 *   an error of the generator itself, as it is
 */
export async function writeIndex(outDir: string, files: Iterator<IndexFile, Manifest>, concurrency = WRITE_CONCURRENCY): Promise<{ manifest: Manifest; report: WriteReport }> {
  const cannot = (error: unknown) => new Error(`Cannot write the index to ${outDir}: ${(error as Error).message}`);
  let existing: Set<string>;
  try {
    await mkdir(outDir, { recursive: true });
    existing = await listOwned(outDir);
  } catch (error) {
    throw cannot(error);
  }

  const sizes = new Map<string, number>();
  const folders = new Map<string, Promise<unknown>>();
  const report: WriteReport = { bytes: 0, written: 0, unchanged: 0, repaired: 0, removed: 0 };
  const save = async (file: IndexFile): Promise<number> => {
    const target = path.join(outDir, file.path);
    const raw = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
    if (existing.has(file.path)) {
      const kept = await keptSize(target, raw, file.gzip);
      if (kept !== null) {
        report.unchanged++;
        return kept;
      }
      if (isOwnedFile(file.path)) report.repaired++;
    }
    const data = !file.gzip ? raw : file.blocks?.length ? await gzipInBlocks(raw, file.blocks) : await gzipAsync(raw, { level: 9 });
    const folder = path.dirname(target);
    if (folder !== outDir) {
      let made = folders.get(folder);
      if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
      await made;
    }
    await writeWhole(target, data);
    report.written++;
    return data.length;
  };

  let active = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settled = () => {
    active--;
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const drain = async (limit: number) => {
    while (active > limit) await new Promise<void>((resolve) => (wake = resolve));
  };

  let manifest: Manifest;
  /** Each part table page's parts (their hashes), for the page's bytes in the manifest. */
  const pageParts = new Map<string, string[]>();
  let lastYield = performance.now();
  try {
    for (let step = files.next(); ; step = files.next()) {
      if (step.done) {
        manifest = step.value;
        break;
      }
      const file = step.value;
      if (sizes.has(file.path)) continue;
      sizes.set(file.path, 0);
      if (isPartPagePath(file.path)) pageParts.set(file.path, partHashesOfPage(file.data));
      active++;
      save(file).then(
        (size) => {
          sizes.set(file.path, size);
          settled();
        },
        (error: unknown) => {
          failure ??= cannot(error);
          settled();
        },
      );
      await drain(concurrency - 1);
      if (failure) throw failure;
      // Completions run only when this thread waits: let them in now and then while encoding.
      if (active > 0 && performance.now() - lastYield > YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    await drain(0);
    if (failure) throw failure;
  } catch (error) {
    await drain(0);
    throw error;
  }

  try {
    const packs = await writePacks(outDir, manifest, pageParts, sizes, save, concurrency);
    if (packs) manifest.termPacks = packs;
  } catch (error) {
    throw cannot(error);
  }

  try {
    for (const file of existing) {
      if (sizes.has(file)) continue;
      await rm(path.join(outDir, file), { recursive: true, force: true });
      report.removed++;
    }
    for (const size of sizes.values()) report.bytes += size;
    for (const block of manifest.docs) {
      block.bytes = sizes.get(block.file) ?? 0;
      block.facetBytes = sizes.get(block.facets) ?? 0;
    }
    for (const column of manifest.columns) column.bytes = sizes.get(column.file) ?? 0;
    for (const page of [...manifest.partPages, ...manifest.newestPartPages]) {
      const file = partPagePath(page[1]);
      page[3] = (sizes.get(file) ?? 0) + (pageParts.get(file) ?? []).reduce((sum, hash) => sum + (sizes.get(termPartPath(hash)) ?? 0), 0);
    }
    manifest.sizes = { postings: 0, fragments: 0, bodies: 0 };
    for (const [file, size] of sizes) {
      if (file.startsWith('post-')) manifest.sizes.postings += size;
      else if (file.startsWith('a/')) manifest.sizes.fragments += size;
      else if (file.startsWith('h/')) manifest.sizes.bodies += size;
    }
    const json = JSON.stringify(manifest);
    await writeWhole(path.join(outDir, 'manifest.json'), json);
    report.bytes += json.length;
  } catch (error) {
    throw cannot(error);
  }
  return { manifest, report };
}

/**
 * Writes the vocabulary packs (`term-packs.ts`) from the parts as written (gzip): the newest
 * block's vocabulary, and the older blocks' when the whole fits `PACKED_VOCABULARY_LIMIT`. Each
 * pack's size goes into `sizes`. Returns the manifest's `termPacks`, or undefined when there is
 * no vocabulary to pack.
 */
async function writePacks(
  outDir: string,
  manifest: Manifest,
  pageParts: ReadonlyMap<string, string[]>,
  sizes: Map<string, number>,
  save: (file: IndexFile) => Promise<number>,
  concurrency: number,
): Promise<TermPacks | undefined> {
  const partsOf = (pages: readonly PartPageEntry[]): TermPartEntry[] => pages.flatMap((page) => (pageParts.get(partPagePath(page[1])) ?? []).map((hash): TermPartEntry => ['', hash]));
  const bytesOf = (parts: readonly TermPartEntry[]) => parts.reduce((sum, [, hash]) => sum + (sizes.get(termPartPath(hash)) ?? 0), 0);
  const newest = partsOf(manifest.newestPartPages);
  const older = partsOf(manifest.partPages);
  if (newest.length === 0) return undefined;
  const vocabularies = packedVocabularies(bytesOf(newest), bytesOf(older));
  const packs = vocabularies.flatMap((name) => (name === 'newestParts' ? packsOf(manifest.newestPartPages, newest) : packsOf(manifest.partPages, older)));
  const writeOne = async (pack: PackEntry) => {
    if (sizes.has(pack.path)) return;
    sizes.set(pack.path, 0);
    const parts = await Promise.all(pack.hashes.map(async (hash) => ({ hash, bytes: await readFile(path.join(outDir, termPartPath(hash))) })));
    sizes.set(pack.path, await save({ path: pack.path, data: encodePack(parts), gzip: false }));
  };
  for (let i = 0; i < packs.length; i += concurrency) await Promise.all(packs.slice(i, i + concurrency).map(writeOne));
  return { parts: PACK_PARTS, vocabularies };
}

/**
 * The size of the file at `target` when it already holds `raw` (gzip files: once inflated), or
 * null when it does not (or cannot be read): a file is kept only once its bytes are checked, as
 * a name alone says nothing of a file cut short by a full disk or damaged since.
 */
async function keptSize(target: string, raw: Uint8Array, gzipped: boolean): Promise<number | null> {
  const old = await readFile(target).catch(() => null);
  if (!old) return null;
  const content = gzipped ? await gunzipAsync(old).catch(() => null) : old;
  return content && content.length === raw.length && content.equals(raw) ? old.length : null;
}

/** Writes `data` under a temporary name beside `target`, then renames it: `target` is never torn. */
async function writeWhole(target: string, data: Uint8Array | string): Promise<void> {
  const partial = `${target}${PARTIAL}`;
  await writeFile(partial, data);
  await rename(partial, target);
}

/** The index files already in `outDir` (and partial files a crash left), as paths relative to it. */
async function listOwned(outDir: string): Promise<Set<string>> {
  const owned = new Set<string>();
  for (const name of await readdir(outDir)) if (isOwnedFile(name) || (name.endsWith(PARTIAL) && (isOwnedFile(name.slice(0, -PARTIAL.length)) || name === `manifest.json${PARTIAL}`))) owned.add(name);
  for (const dir of OWNED_DIRS) {
    const names = await readdir(path.join(outDir, dir)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
      throw error;
    });
    for (const name of names) owned.add(`${dir}/${name}`);
  }
  return owned;
}

/**
 * `raw` gzipped at level 9 with a deflate block ending at each offset of `cuts` (`IndexFile.blocks`):
 * a `Z_BLOCK` flush there, so that what follows gets Huffman codes of its own. Deterministic,
 * like `gzip` (no timestamp in the header).
 */
function gzipInBlocks(raw: Uint8Array, cuts: readonly number[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    let from = 0;
    const next = (i: number): void => {
      if (i === cuts.length) {
        stream.end(raw.subarray(from));
        return;
      }
      const to = Math.min(Math.max(cuts[i]!, from), raw.length);
      stream.write(raw.subarray(from, to));
      from = to;
      stream.flush(constants.Z_BLOCK, () => next(i + 1));
    };
    next(0);
  });
}
