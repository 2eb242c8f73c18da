/**
 * Where index files come from (`IndexSource`: `fetch` in the browser, the file system in the CLI
 * and tests), and reading one: its bytes, its gzip and, for the CLI, its content hash. Failures
 * are `IndexError`s that say whether the index is unavailable or damaged.
 */
import { inflate } from './format/inflate.ts';
import { IndexError } from './types.ts';

/** Where index files come from: `fetch` in the browser, the file system in the CLI and tests. */
export interface IndexSource {
  /** Bytes of a file relative to the index folder. Rejects when it cannot be read. */
  bytes(path: string): Promise<Uint8Array>;
  /** Called once per file read, with its size, for progress and download accounting. */
  onLoad?: (path: string, bytes: number) => void;
  /**
   * Check every content-hashed file (`terms-`, `docs-`, `post-<hash>.bin`) against the hash in its
   * name: a file with another file's bytes is then a damaged index, not a wrong answer. Costs a
   * hash of each file read: the CLI checks, the browser (which checks each part's term range) not.
   */
  verifyContent?: boolean;
  /**
   * Awaited before each file's bytes are decoded and after (the manifest's: between its parsing,
   * its checks and its layout): the widget's search in the page passes one that resolves in a
   * later task (`src/worker/yield-to-page.ts`), so that a file's decoding is a task of its own,
   * apart from its decompression and from the search step that waited for it. None by default (a
   * worker, the CLI).
   */
  pause?: (stage?: string) => Promise<void>;
}

/**
 * Checks that `data` is what `path`'s content hash promises (`IndexSource.verifyContent`: the CLI).
 * The hashing code is imported only then: the browser, which never asks, does not download it.
 */
export async function verifyContentHash(path: string, data: Uint8Array): Promise<void> {
  const { hashBytes, hashInName } = await import('./format/content-hash.ts');
  const promised = hashInName(path);
  if (promised !== null && hashBytes(data) !== promised) {
    throw new IndexError(`load-index: ${path} does not hold the bytes its name promises: the index is damaged; rebuild it`, path, 'damaged');
  }
}

/** `path`'s bytes from `source`, reported to its `onLoad`; a read that fails is the index being unavailable. */
export async function readFile(source: IndexSource, path: string): Promise<Uint8Array> {
  let data: Uint8Array;
  try {
    data = await source.bytes(path);
  } catch (error) {
    throw new IndexError(`load-index: cannot load ${path} (${(error as Error).message})`, path, 'unavailable');
  }
  source.onLoad?.(path, data.length);
  return data;
}

/**
 * Index parts are stored gzip-compressed so that every static host serves them small. A host that
 * also sets `Content-Encoding: gzip` makes the browser inflate them first: then there is no gzip
 * header left, and the bytes are used as they are.
 */
export async function gunzip(data: Uint8Array, path: string, pause?: (stage?: string) => Promise<void>): Promise<Uint8Array> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  try {
    return await inflate(data, pause);
  } catch (error) {
    throw new IndexError(`load-index: ${path} is corrupt (${(error as Error).message}): the index is damaged; rebuild it`, path, 'damaged');
  }
}
