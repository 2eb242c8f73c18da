import { hash53Bytes } from '../../article/article-id.ts';

/** Content hash of a file, for names that change exactly when the content does. */
export function hashBytes(data: Uint8Array): string {
  // 8 base-36 characters (41 bits): unique among one index's files, and short in the part table.
  return (hash53Bytes(data) % 36 ** 8).toString(36).padStart(8, '0');
}

const HASHED_NAME = /^(?:terms|docs|post)-([0-9a-z]+)\.bin$/;

/**
 * The hash a content-hashed file's name promises (`terms-<hash>.bin`, `docs-…`, `post-…`: the
 * hash of its bytes before gzip), or null for a file named otherwise.
 * @example hashInName('terms-0a1b2c3d.bin') // '0a1b2c3d'
 */
export function hashInName(path: string): string | null {
  return HASHED_NAME.exec(path)?.[1] ?? null;
}
