import { addFoldingPairs } from './fold.ts';
import { decodeDocsTable, type DocsTable } from './docs-table.ts';
import { type ArticleFragment, fragmentPath, htmlPath, idShardPath, INDEX_VERSION, type Manifest, termPartPath } from './index-format.ts';
import { TermPart } from './term-part.ts';
import { IndexError } from './types.ts';

/** Where index files come from: `fetch` in the browser, the file system in the CLI and tests. */
export interface IndexSource {
  /** Bytes of a file relative to the index folder. Rejects when it cannot be read. */
  bytes(path: string): Promise<Uint8Array>;
  /** Called once per file read, with its size, for progress and download accounting. */
  onLoad?: (path: string, bytes: number) => void;
}

const decoder = new TextDecoder();
/** Fragments kept in memory: a few pages of results plus a phrase check's batch. */
const FRAGMENT_CACHE_SIZE = 200;

/**
 * An opened index: the manifest, and memoised loaders for everything else. Each file is fetched at
 * most once (one shared promise); a failed fetch is forgotten so that a retry fetches again.
 */
export class IndexReader {
  private docsPromise: Promise<DocsTable> | null = null;
  private readonly partPromises = new Map<number, Promise<TermPart>>();
  private readonly idShards = new Map<string, Promise<Record<string, number>>>();
  /** Recently used fragments (insertion order = age), so paging back and phrase checks refetch nothing. */
  private readonly fragments = new Map<number, Promise<ArticleFragment>>();

  private constructor(
    readonly manifest: Manifest,
    private readonly source: IndexSource,
  ) {}

  /**
   * Reads and checks `manifest.json`.
   * @throws IndexError when it is missing, not JSON, or of another index version
   */
  static async open(source: IndexSource): Promise<IndexReader> {
    const data = await readFile(source, 'manifest.json');
    let manifest: Manifest;
    try {
      manifest = JSON.parse(decoder.decode(data)) as Manifest;
    } catch {
      throw new IndexError('load-index: manifest.json is not valid JSON; rebuild the index with npm run index', 'manifest.json');
    }
    if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.parts) || !manifest.docs) {
      throw new IndexError('load-index: manifest.json is not a news-archive-search manifest', 'manifest.json');
    }
    if (manifest.version !== INDEX_VERSION) {
      throw new IndexError(
        `load-index: manifest.json is index version ${String(manifest.version)}, this app reads version ${INDEX_VERSION}; rebuild the index with npm run index`,
        'manifest.json',
      );
    }
    return new IndexReader(manifest, source);
  }

  /** The per-article table (ranking, filters, facets). */
  docs(): Promise<DocsTable> {
    this.docsPromise ??= this.decode(this.manifest.docs.file, (data) => decodeDocsTable(data)).catch((error: unknown) => {
      this.docsPromise = null;
      throw error;
    });
    return this.docsPromise;
  }

  /** Vocabulary part number `index`. */
  part(index: number): Promise<TermPart> {
    let promise = this.partPromises.get(index);
    if (!promise) {
      const file = termPartPath(this.manifest.parts[index]![1]);
      promise = this.decode(file, (data) => new TermPart(data, this.manifest.fields.length));
      promise.catch(() => this.partPromises.delete(index));
      this.partPromises.set(index, promise);
    }
    return promise;
  }

  /** Index of the part whose range holds `term` (the last part starting at or before it). */
  partIndexOf(term: string): number {
    const parts = this.manifest.parts;
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (parts[mid]![0] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Indexes of the parts that may hold terms starting with `prefix`. */
  partIndexesForPrefix(prefix: string): number[] {
    const first = this.partIndexOf(prefix);
    const last = this.partIndexOf(`${prefix}\uffff`);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  /** Title, URL and text of article `number`. */
  fragment(number: number): Promise<ArticleFragment> {
    let promise = this.fragments.get(number);
    if (promise) {
      this.fragments.delete(number); // re-insert: most recently used
    } else {
      promise = this.json<ArticleFragment>(fragmentPath(number)).then((fragment) => {
        // Its own folding pairs: its snippet and marks need not wait for the whole table.
        if (typeof fragment.fold === 'string') addFoldingPairs(fragment.fold);
        return fragment;
      });
      promise.catch(() => this.fragments.delete(number));
    }
    this.fragments.set(number, promise);
    if (this.fragments.size > FRAGMENT_CACHE_SIZE) this.fragments.delete(this.fragments.keys().next().value!);
    return promise;
  }

  /** Body HTML of article `number` (sanitize before display: it crossed the network). */
  async html(number: number): Promise<string> {
    return decoder.decode(await readFile(this.source, htmlPath(number)));
  }

  /** Article number of an article id, or null when the index has no such article. */
  async numberOf(id: string): Promise<number | null> {
    if (!/^[0-9a-z]{1,16}$/.test(id)) return null;
    const path = idShardPath(id, this.manifest.idShardLength);
    let shard = this.idShards.get(path);
    if (!shard) {
      shard = this.json<Record<string, number>>(path).catch(() => ({}));
      this.idShards.set(path, shard);
    }
    const entries = await shard;
    return Object.hasOwn(entries, id) ? entries[id]! : null;
  }

  private async json<T>(path: string): Promise<T> {
    const data = await readFile(this.source, path);
    try {
      return JSON.parse(decoder.decode(data)) as T;
    } catch {
      throw new IndexError(`load-index: ${path} is not valid JSON; rebuild the index`, path);
    }
  }

  private async decode<T>(path: string, parse: (data: Uint8Array) => T): Promise<T> {
    const data = await gunzip(await readFile(this.source, path), path);
    try {
      return parse(data);
    } catch (error) {
      throw new IndexError(`load-index: ${path} is corrupt (${(error as Error).message}); rebuild the index`, path);
    }
  }
}

async function readFile(source: IndexSource, path: string): Promise<Uint8Array> {
  let data: Uint8Array;
  try {
    data = await source.bytes(path);
  } catch (error) {
    throw new IndexError(`load-index: cannot load ${path} (${(error as Error).message})`, path);
  }
  source.onLoad?.(path, data.length);
  return data;
}

/**
 * Index parts are stored gzip-compressed so that every static host serves them small. A host that
 * also sets `Content-Encoding: gzip` makes the browser inflate them first: then there is no gzip
 * header left, and the bytes are used as they are.
 */
async function gunzip(data: Uint8Array, path: string): Promise<Uint8Array> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  try {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new IndexError(`load-index: ${path} is corrupt (${(error as Error).message}); rebuild the index`, path);
  }
}
