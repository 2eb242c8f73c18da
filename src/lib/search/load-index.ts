import { isCharFrequencyKey } from './text/char-frequency.ts';
import { addFoldingPairs } from './text/fold.ts';
import { OUTLET_FACET } from './categorical-facets.ts';
import { createDocsTable, decodeDocsBlockInto, decodeFacetRowsInto, type DocsTable } from './format/docs-table.ts';
import type { FacetNames } from './query/facets.ts';
import { type ArticleFragment, chunkPath, fragmentPath, htmlPath, idShardPath, type Manifest, partIndexOf, type TermPartEntry, termPartPath } from './format/index-format.ts';
import { decodeFacetValues, type FacetValueTable } from './format/facet-values.ts';
import { decodePartPage, type PartPageEntry, partPagePath } from './format/part-pages.ts';
import { decodePostings, joinPostings, lowerBound, type TermEntry, TermPart, type TermPostings } from './format/term-part.ts';
import { gunzip, type IndexSource, readFile, verifyContentHash } from './index-source.ts';
import { isLiteralFormKey } from './text/literal-forms.ts';
import { IndexError } from './types.ts';
import { validateManifest } from './format/validate-manifest.ts';

export type { IndexSource } from './index-source.ts';

const decoder = new TextDecoder();
/** Fragments kept in memory: a few pages of results plus a phrase check's batch. */
const FRAGMENT_CACHE_SIZE = 200;

/**
 * An opened index: the manifest, and memoised loaders for everything else. Each file is fetched at
 * most once (one shared promise); a failed fetch is forgotten so that a retry fetches again.
 */
export class IndexReader {
  /** Every number's row, filled in as docs blocks arrive. */
  private readonly table: DocsTable;
  private readonly docsBlocks = new Map<number, Promise<void>>();
  /** Blocks' facet rows being read, and those read. */
  private readonly facetBlocks = new Map<number, Promise<void>>();
  private readonly facetBlocksRead = new Set<number>();
  private readonly chunks = new Map<string, Promise<TermPostings>>();
  private readonly partPromises = new Map<string, Promise<TermPart>>();
  /** Part table pages being read, and those read (`vocabulary:page`). */
  private readonly pagePromises = new Map<string, Promise<TermPartEntry[]>>();
  private readonly pagesRead = new Map<string, TermPartEntry[]>();
  private readonly entries = new Map<string, Promise<TermEntry | undefined>>();
  private readonly idShards = new Map<string, Promise<Record<string, number>>>();
  /** Recently used fragments (insertion order = age), so paging back and phrase checks refetch nothing. */
  private readonly fragments = new Map<number, Promise<ArticleFragment>>();

  private constructor(
    readonly manifest: Manifest,
    private readonly source: IndexSource,
  ) {
    this.table = createDocsTable(manifest.slots, manifest.fields.length, manifest.columns.length);
  }

  /** Each column's values table, once asked for (`columnValues`), by column. */
  private readonly valueTables: Array<Promise<FacetValueTable> | undefined> = [];
  /** The tables that have arrived, by column. */
  private readonly valueTablesRead: Array<FacetValueTable | undefined> = [];

  /**
   * Column `column`'s values table (names, archive-wide counts, traditional forms by code) from
   * its `values-` file, fetched once.
   * @throws IndexError when the file cannot be loaded or is not a table of as many values as the
   *   manifest says
   */
  columnValues(column: number): Promise<FacetValueTable> {
    let promise = this.valueTables[column];
    if (!promise) {
      const entry = this.manifest.columns[column]!;
      promise = this.decode(entry.file, (data) => {
        const table = decodeFacetValues(data);
        if (table.names.length !== entry.codes) throw new RangeError(`${table.names.length} values, the manifest says ${entry.codes}`);
        return table;
      });
      promise.then(
        (table) => (this.valueTablesRead[column] = table),
        () => {
          if (this.valueTables[column] === promise) this.valueTables[column] = undefined;
        },
      );
      this.valueTables[column] = promise;
    }
    return promise;
  }

  /** Every column's values table, in the manifest's column order (`columnValues`). */
  facetValues(): Promise<FacetValueTable[]> {
    return Promise.all(this.manifest.columns.map((_, column) => this.columnValues(column)));
  }

  /**
   * Every categorical facet of the index (the outlet first, then the manifest's `columns`) with
   * its value names by code, as the docs table's codes mean them: the columns named in `needed`
   * (those a query filters by) are waited for; the others' names are given when their `values-`
   * file has already arrived, else they are counted by code (`FacetNames.codes`). A first answer
   * thus never waits for a file only the facet lists need.
   * @throws IndexError when a needed values file cannot be loaded or is damaged
   */
  async facetNames(needed: Iterable<string> = []): Promise<FacetNames> {
    const { outletCodes, columns } = this.manifest;
    const wanted = new Set(needed);
    await Promise.all(columns.map((column, i) => (wanted.has(column.name) ? this.columnValues(i) : null)));
    const tables = columns.map((_, i) => this.valueTablesRead[i] ?? null);
    return {
      names: [OUTLET_FACET.name, ...columns.map((c) => c.name)],
      values: [outletCodes, ...tables.map((table) => table?.names ?? null)],
      codes: [outletCodes.length, ...columns.map((c) => c.codes)],
      traditional: [null, ...tables.map((table) => table?.traditional ?? null)],
    };
  }

  /**
   * Reads and checks `manifest.json` (`validateManifest`).
   * @throws IndexError when it cannot be read (reason `unavailable`), or is not JSON, not a valid
   *   manifest, or of another index version (reason `damaged`)
   */
  static async open(source: IndexSource): Promise<IndexReader> {
    const data = await readFile(source, 'manifest.json');
    // A large archive's manifest is parsed, checked and laid out in tasks of their own (`IndexSource.pause`).
    await source.pause?.('manifest read');
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(data));
    } catch {
      throw new IndexError('load-index: manifest.json is not valid JSON: the index is damaged; rebuild it with npm run index', 'manifest.json', 'damaged');
    }
    await source.pause?.('manifest parsed');
    // Every count and size it declares is checked before the docs table is allocated from them.
    const manifest = validateManifest(parsed);
    await source.pause?.('manifest checked');
    const reader = new IndexReader(manifest, source);
    await source.pause?.('index laid out');
    return reader;
  }

  /** Blocks of article numbers (the newest is `blockCount - 1`). */
  get blockCount(): number {
    return this.manifest.docs.length;
  }

  /** The block that holds article number `number`. */
  blockOf(number: number): number {
    return Math.floor(number / this.manifest.blockSize);
  }

  /**
   * The per-article table (ranking, filters, facets) with at least the rows of `blocks` filled in
   * (default: every block), rank rows and facet rows. Rows of other blocks may still be holes:
   * read only what was asked for.
   */
  async docs(blocks?: Iterable<number>): Promise<DocsTable> {
    const wanted = this.blocksOf(blocks);
    await Promise.all(wanted.flatMap((block) => [this.docsBlock(block), this.facetBlock(block)]));
    return this.table;
  }

  /**
   * The per-article table with at least the rank rows of `blocks` filled in (days, field lengths,
   * script, similar groups, which rows are live): what scoring, sorting and collapsing read. The
   * outlets and categorical columns of those blocks may still be missing (`hasFacetRows`).
   */
  async rankRows(blocks?: Iterable<number>): Promise<DocsTable> {
    await Promise.all(this.blocksOf(blocks).map((block) => this.docsBlock(block)));
    return this.table;
  }

  /** True when block `block`'s facet rows (outlets, categorical columns) have arrived. */
  hasFacetRows(block: number): boolean {
    return this.facetBlocksRead.has(block);
  }

  private blocksOf(blocks: Iterable<number> | undefined): number[] {
    return blocks ? [...new Set(blocks)] : Array.from({ length: this.blockCount }, (_, b) => b);
  }

  private docsBlock(block: number): Promise<void> {
    return this.blockOnce(this.docsBlocks, block, (entry) => entry.file, decodeDocsBlockInto);
  }

  private facetBlock(block: number): Promise<void> {
    return this.blockOnce(this.facetBlocks, block, (entry) => entry.facets, decodeFacetRowsInto, () => this.facetBlocksRead.add(block));
  }

  /**
   * Block `block`'s file (`fileOf` its manifest entry) decoded into the table once, kept in `cache`
   * (`onRead` once it is in); a failure is forgotten, so that a later read (a Retry) fetches it again.
   */
  private blockOnce(
    cache: Map<number, Promise<void>>,
    block: number,
    fileOf: (entry: Manifest['docs'][number]) => string,
    decodeInto: (table: DocsTable, data: Uint8Array, first: number) => void,
    onRead?: () => void,
  ): Promise<void> {
    let promise = cache.get(block);
    if (!promise) {
      const entry = this.manifest.docs[block];
      if (!entry) return Promise.reject(new IndexError(`load-index: the manifest has no docs block ${block}; rebuild the index`, 'manifest.json'));
      promise = this.decode(fileOf(entry), (data) => decodeInto(this.table, data, block * this.manifest.blockSize));
      promise.then(onRead, () => cache.delete(block));
      cache.set(block, promise);
    }
    return promise;
  }

  /**
   * A term's postings in blocks `fromBlock` and later (all of them by default): a rare term's
   * come from its part, a common term's from the chunk files of those blocks.
   */
  async postings(entry: TermEntry, fromBlock = 0): Promise<TermPostings> {
    const floor = fromBlock * this.manifest.blockSize;
    if (entry.postings) return fromBlock === 0 ? entry.postings : entry.postings.map((flat) => flat.subarray(lowerBound(flat, floor)));
    const pieces = await Promise.all(entry.chunks.filter((c) => c.block >= fromBlock).map((c) => this.chunk(c.hash)));
    if (entry.newest) pieces.push(entry.newest);
    return joinPostings(pieces, this.manifest.fields.length);
  }

  /**
   * An entry's postings in one block only: a slice of inline postings, the block's chunk, or the
   * joined entry's newest-block postings. Empty lists when the term does not occur there.
   */
  async postingsIn(entry: TermEntry, block: number): Promise<TermPostings> {
    const floor = block * this.manifest.blockSize;
    const end = floor + this.manifest.blockSize;
    if (entry.postings) return entry.postings.map((flat) => flat.subarray(lowerBound(flat, floor), lowerBound(flat, end)));
    const chunk = entry.chunks.find((c) => c.block === block);
    if (chunk) return this.chunk(chunk.hash);
    if (entry.newest && block === this.blockCount - 1) return entry.newest;
    return this.manifest.fields.map(() => new Uint32Array(0));
  }

  /** True when the docs block's rank rows have been fetched (or are on their way). */
  hasDocsBlock(block: number): boolean {
    return this.docsBlocks.has(block);
  }

  /** True when the entry's postings in `block` need no file that is not fetched (or on its way). */
  hasPostingsIn(entry: TermEntry, block: number): boolean {
    if (entry.postings || (entry.newest && block === this.blockCount - 1)) return true;
    const chunk = entry.chunks.find((c) => c.block === block);
    return chunk === undefined || this.chunks.has(chunk.hash);
  }

  private chunk(hash: string): Promise<TermPostings> {
    let promise = this.chunks.get(hash);
    if (!promise) {
      promise = this.decode(chunkPath(hash), (data) => decodePostings(data, this.manifest.fields.length));
      promise.catch(() => this.chunks.delete(hash));
      this.chunks.set(hash, promise);
    }
    return promise;
  }

  /**
   * The vocabulary parts whose ranges may hold `term` (with `prefix`, every term starting with
   * it): of the older blocks and of the newest block, or only of `only`.
   */
  async partsFor(term: string, prefix = false, only?: VocabularyName): Promise<TermPart[]> {
    const to = prefix ? `${term}\uffff` : term;
    const refs = await Promise.all((only ? [only] : VOCABULARIES).map((vocabulary) => this.partRefs(vocabulary, term, to)));
    return Promise.all(refs.flat().map((ref) => this.part(ref)));
  }

  /** True when every part `partsFor(term, prefix)` returns is fetched already (or on its way), and the pages that list them. */
  hasPartsFor(term: string, prefix = false): boolean {
    const to = prefix ? `${term}\uffff` : term;
    for (const vocabulary of VOCABULARIES) {
      const refs = this.partRefsRead(vocabulary, term, to);
      if (!refs || refs.some((ref) => !this.partPromises.has(`${ref.vocabulary}:${ref.entry[1]}`))) return false;
    }
    return true;
  }

  /** The pages of a vocabulary's part table (the manifest's directory). */
  partPages(vocabulary: VocabularyName): readonly PartPageEntry[] {
    return vocabulary === 'parts' ? this.manifest.partPages : this.manifest.newestPartPages;
  }

  /** Every part of a vocabulary (all its pages read): what fetching it whole or keeping it offline needs. */
  async allParts(vocabulary: VocabularyName): Promise<TermPartEntry[]> {
    const pages = this.partPages(vocabulary);
    return (await Promise.all(pages.map((_, i) => this.page(vocabulary, i)))).flat();
  }

  /** The parts of pages `pages` of a vocabulary (those pages read). */
  async partsOfPages(vocabulary: VocabularyName, pages: readonly number[]): Promise<TermPartEntry[]> {
    return (await Promise.all(pages.map((i) => this.page(vocabulary, i)))).flat();
  }

  /** A page of a vocabulary's part table, read once (a failed read is forgotten). */
  private page(vocabulary: VocabularyName, index: number): Promise<TermPartEntry[]> {
    const key = `${vocabulary}:${index}`;
    let promise = this.pagePromises.get(key);
    if (!promise) {
      const pages = this.partPages(vocabulary);
      const entry = pages[index];
      if (!entry) return Promise.reject(new IndexError(`load-index: the manifest has no part table page ${index} of ${vocabulary}; rebuild the index`, 'manifest.json', 'damaged'));
      promise = this.decode(partPagePath(entry[1]), (data) => decodePartPage(data, entry, pages[index + 1]?.[0]));
      promise.then(
        (parts) => this.pagesRead.set(key, parts),
        () => this.pagePromises.delete(key),
      );
      this.pagePromises.set(key, promise);
    }
    return promise;
  }

  /** The parts of a vocabulary whose ranges meet `from … to`, their pages read first. */
  private async partRefs(vocabulary: VocabularyName, from: string, to: string): Promise<PartRef[]> {
    const pages = this.partPages(vocabulary);
    if (pages.length === 0) return [];
    const first = partIndexOf(pages, from);
    const last = partIndexOf(pages, to);
    for (let i = first; i <= last; i++) await this.page(vocabulary, i);
    return this.partRefsRead(vocabulary, from, to)!;
  }

  /** `partRefs` from pages already read, or null when one of them is not. */
  private partRefsRead(vocabulary: VocabularyName, from: string, to: string): PartRef[] | null {
    const pages = this.partPages(vocabulary);
    if (pages.length === 0) return [];
    const firstPage = partIndexOf(pages, from);
    const lastPage = partIndexOf(pages, to);
    const refs: PartRef[] = [];
    for (let p = firstPage; p <= lastPage; p++) {
      const parts = this.pagesRead.get(`${vocabulary}:${p}`);
      if (!parts) return null;
      const start = p === firstPage ? partIndexOf(parts, from) : 0;
      const end = p === lastPage ? partIndexOf(parts, to) : parts.length - 1;
      for (let i = start; i <= end; i++) {
        refs.push({ vocabulary, entry: parts[i]!, next: parts[i + 1]?.[0] ?? pages[p + 1]?.[0], first: p === 0 && i === 0 });
      }
    }
    return refs;
  }

  /** Everything the index knows of `term`, both vocabularies joined; undefined when no article holds it. */
  entry(term: string): Promise<TermEntry | undefined> {
    let promise = this.entries.get(term);
    if (!promise) {
      promise = Promise.all(VOCABULARIES.map((vocabulary) => this.entryIn(vocabulary, term))).then(([older, newest]) => joinEntries(older, newest));
      promise.catch(() => this.entries.delete(term));
      this.entries.set(term, promise);
    }
    return promise;
  }

  /** What one vocabulary alone holds of `term` (its own blocks' postings and frequencies), or undefined. */
  async entryIn(vocabulary: VocabularyName, term: string): Promise<TermEntry | undefined> {
    const [ref] = await this.partRefs(vocabulary, term, term);
    return ref ? (await this.part(ref)).get(term) : undefined;
  }

  /** Terms starting with `prefix`, sorted, from both vocabularies (or only `vocabulary`'s). */
  async termsWithPrefix(prefix: string, vocabulary?: VocabularyName): Promise<string[]> {
    const found = new Set<string>();
    for (const part of await this.partsFor(prefix, true, vocabulary)) {
      // Stored keys are not words: a word's prefix never finds them, only a key prefix does.
      const keys = isLiteralFormKey(prefix);
      for (const term of part.withPrefix(prefix)) if (!isCharFrequencyKey(term) && (keys || !isLiteralFormKey(term))) found.add(term);
    }
    return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Every term of the parts `partsFor(term, prefix)` loads (typo candidates). */
  async termsNear(term: string, prefix = false): Promise<string[]> {
    const found = new Set<string>();
    for (const part of await this.partsFor(term, prefix)) for (const t of part.terms) found.add(t);
    return [...found];
  }

  private part({ vocabulary, entry, next, first }: PartRef): Promise<TermPart> {
    const key = `${vocabulary}:${entry[1]}`;
    let promise = this.partPromises.get(key);
    if (!promise) {
      const file = termPartPath(entry[1]);
      promise = this.decode(file, (data) => {
        const part = new TermPart(data, this.manifest.fields.length);
        // Another part's bytes under this name would answer wrongly (no hits, no error): its
        // terms must lie in the range its page gives this part.
        const bounds = part.bounds;
        if (bounds && ((!first && bounds[0] < entry[0]) || (next !== undefined && bounds[1] >= next))) {
          throw new RangeError(`its terms are not in the range the manifest gives it`);
        }
        return part;
      });
      promise.catch(() => this.partPromises.delete(key));
      this.partPromises.set(key, promise);
    }
    return promise;
  }

  /** Title, URL and text of article `number`. */
  fragment(number: number): Promise<ArticleFragment> {
    let promise = this.fragments.get(number);
    if (promise) {
      this.fragments.delete(number); // re-insert: most recently used
    } else {
      promise = this.json<ArticleFragment>(fragmentPath(number)).then((fragment) => {
        if (!isFragment(fragment)) throw new IndexError(`load-index: ${fragmentPath(number)} is not an article fragment: the index is damaged; rebuild it`, fragmentPath(number), 'damaged');
        // Its own folding pairs (every key of its text): its snippet and marks need not wait for the whole table.
        addFoldingPairs(typeof fragment.fold === 'string' ? fragment.fold : '', fragment.title, fragment.text);
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
      throw new IndexError(`load-index: ${path} is not valid JSON: the index is damaged; rebuild it`, path, 'damaged');
    }
  }

  private async decode<T>(path: string, parse: (data: Uint8Array) => T): Promise<T> {
    const data = await gunzip(await readFile(this.source, path), path, this.source.pause);
    if (this.source.verifyContent) await verifyContentHash(path, data);
    await this.source.pause?.(`${path} decompressed`);
    let value: T;
    try {
      value = parse(data);
    } catch (error) {
      throw new IndexError(`load-index: ${path} is corrupt (${(error as Error).message}): the index is damaged; rebuild it`, path, 'damaged');
    }
    await this.source.pause?.(`${path} decoded`);
    return value;
  }
}

/** The two vocabularies of an index: the older blocks' and the newest block's. */
const VOCABULARIES = ['parts', 'newestParts'] as const;
export type VocabularyName = (typeof VOCABULARIES)[number];

/** One vocabulary part as a page lists it: its entry, the next part's first term (its range's end), and whether it is its vocabulary's first. */
interface PartRef {
  vocabulary: VocabularyName;
  entry: TermPartEntry;
  next: string | undefined;
  first: boolean;
}


/**
 * One term's entry from the older blocks' vocabulary and the newest block's: the newest block's
 * document frequencies are the archive's (the older one's only the older blocks'); postings join
 * (the newest block's numbers come after all older ones).
 */
function joinEntries(older: TermEntry | undefined, newest: TermEntry | undefined): TermEntry | undefined {
  if (!older || !newest) return older ?? newest;
  const df = newest.df;
  if (!older.postings) return { df, postings: null, chunks: older.chunks, newest: newest.postings };
  const postings = older.postings.map((flat, field) => {
    const joined = new Uint32Array(flat.length + newest.postings![field]!.length);
    joined.set(flat);
    joined.set(newest.postings![field]!, flat.length);
    return joined;
  });
  return { df, postings, chunks: [], newest: null };
}

/** True when a parsed `a/<n>.json` has the fields a result and a snippet read. */
function isFragment(value: unknown): value is ArticleFragment {
  if (typeof value !== 'object' || value === null) return false;
  const fragment = value as Record<string, unknown>;
  return ['id', 'title', 'url', 'outlet', 'author', 'date', 'text'].every((key) => typeof fragment[key] === 'string') && (fragment['fold'] === undefined || typeof fragment['fold'] === 'string');
}
