import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexSource } from '../../src/lib/search/index.ts';

/**
 * An index source that reads an index folder from disk: the CLI and the tests go through the
 * very loader the browser uses, only the transport differs.
 */
export function fileIndexSource(dir: string, onLoad?: IndexSource['onLoad']): IndexSource {
  const root = path.resolve(dir);
  return {
    async bytes(file) {
      const target = path.resolve(root, file);
      if (!target.startsWith(root + path.sep)) throw new Error(`${file} is outside the index folder`);
      return new Uint8Array(await readFile(target));
    },
    onLoad,
  };
}
