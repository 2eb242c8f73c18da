import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** File extensions the archive's posts use. */
export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);
/** Bytes read from one file at most; beyond this the rest is cut off with a warning. */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** One article file found under the input folder, or why it cannot be read. */
export type FoundFile = { file: string; target: string; size: number; mtimeMs: number } | { file: string; skip: string };

/**
 * How folders are listed: the file system's `readdir`; a test running as root (which lists any
 * folder) passes one that refuses, to see what an unlistable folder does.
 */
export interface WalkSystem {
  readdir(dir: string): Promise<string[]>;
}

/** Something found while walking that is not an article file but worth reporting. */
export interface WalkNotice {
  file: string;
  message: string;
}

/**
 * Lists every article file under `root`, recursively, in a stable (sorted) order.
 * Symbolic links are followed only while they stay inside `root`; loops, links leading outside,
 * dangling links, unreadable files, non-regular files and folders that cannot be listed (named
 * `dir/`) become skips with a reason. Directories
 * named like articles (`2020-07-01-x.md/`) are walked like any other directory and noted.
 */
export async function listArchive(root: string, notices: WalkNotice[] = [], system: WalkSystem = { readdir }): Promise<FoundFile[]> {
  const realRoot = await realpath(root);
  const found: FoundFile[] = [];
  for await (const entry of walkDirectory(realRoot, realRoot, '', new Set([realRoot]), notices, system)) found.push(entry);
  return found;
}

async function* walkDirectory(
  realRoot: string,
  dir: string,
  relDir: string,
  visited: Set<string>,
  notices: WalkNotice[],
  system: WalkSystem,
): AsyncGenerator<FoundFile> {
  let entries: string[];
  try {
    entries = (await system.readdir(dir)).sort(compareNames);
  } catch (error) {
    // A folder whose files cannot be seen is a skip (it counts for --strict), not a quiet note:
    // its articles would otherwise be missing from the index without a word in the counts.
    if (relDir) yield { file: `${relDir}/`, skip: `cannot list folder (${errorCode(error)}): its files were not indexed` };
    else throw new Error(`Cannot list the input folder ${dir} (${errorCode(error)}).`);
    return;
  }
  for (const name of entries) {
    const absolute = path.join(dir, name);
    const file = relDir ? `${relDir}/${name}` : name;
    const isArticleName = ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase());
    let info;
    try {
      info = await lstat(absolute);
    } catch (error) {
      if (isArticleName) yield { file, skip: `cannot read: ${errorCode(error)}` };
      continue;
    }
    let target = absolute;
    if (info.isSymbolicLink()) {
      try {
        target = await realpath(absolute);
        info = await stat(target);
      } catch (error) {
        if (isArticleName) yield { file, skip: `dangling symbolic link (${errorCode(error)})` };
        continue;
      }
      if (!isInside(realRoot, target)) {
        if (isArticleName || info.isDirectory()) yield { file, skip: 'symbolic link points outside the input folder' };
        continue;
      }
    }
    if (info.isDirectory()) {
      if (visited.has(target)) {
        notices.push({ file, message: 'symbolic link loop: directory already walked' });
        continue;
      }
      visited.add(target);
      if (isArticleName) notices.push({ file, message: 'a directory named like an article file: walked as a directory' });
      yield* walkDirectory(realRoot, target, file, visited, notices, system);
      continue;
    }
    if (!isArticleName) continue;
    if (!info.isFile()) {
      yield { file, skip: 'not a regular file (device, FIFO or socket)' };
      continue;
    }
    yield { file, target, size: info.size, mtimeMs: info.mtimeMs };
  }
}

/**
 * Reads a listed file, at most `MAX_READ_BYTES` of it (cut back to a whole UTF-8 character).
 * @throws the file system's error (the caller turns it into a skip with a reason)
 */
export async function readArticleBytes(file: string, size: number): Promise<{ bytes: Uint8Array; truncatedFrom: number | null }> {
  const handle = await open(file, 'r');
  try {
    const length = Math.min(size, MAX_READ_BYTES);
    const bytes = new Uint8Array(length);
    let offset = 0;
    while (offset < length) {
      const { bytesRead } = await handle.read(bytes, offset, length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    let end = offset;
    if (size > MAX_READ_BYTES) {
      // Do not leave half a UTF-8 character at the cut: back up over continuation bytes.
      while (end > 0 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
      if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
    }
    return { bytes: bytes.subarray(0, end), truncatedFrom: size > MAX_READ_BYTES ? size : null };
  } finally {
    await handle.close();
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Code-point order, the same on every machine and locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}` : String(error);
}
