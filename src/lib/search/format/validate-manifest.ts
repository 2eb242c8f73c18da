/**
 * Checks a parsed `manifest.json` before anything is allocated from it: every count, size and
 * table it declares must be of the right type, within sane bounds, and consistent with the rest
 * (as many docs blocks as its numbers need, part tables sorted, file names of the index's own
 * shape). A forged `slots: 2e9` would otherwise make the reader allocate gigabytes of docs table
 * and fail as if the network had.
 */
import { INDEX_VERSION, type Manifest } from './index-format.ts';
import { IndexError } from '../types.ts';

/** Most article numbers an index may declare: far above any archive this app serves (see docs/). */
export const MAX_SLOTS = 20_000_000;
/** Most article numbers per block. */
const MAX_BLOCK_SIZE = 1_000_000;
/** Most vocabulary parts per table. */
const MAX_PARTS = 1_000_000;
/** Most outlets. The docs table stores an outlet as 16 bits, 0xffff for a hole. */
const MAX_OUTLETS = 0xfffe;
/** Most fields, and the longest field name. */
const MAX_FIELDS = 16;
/** Longest vocabulary part boundary (terms are cut to 64 units at index time; older indexes had no cap). */
const MAX_BOUNDARY_LENGTH = 4096;
const HASH = /^[0-9a-z]{1,16}$/;
const DOCS_FILE = /^docs-[0-9a-z]{1,16}\.bin$/;

/**
 * Returns `data` as a `Manifest` when it is one this app can use.
 * @throws IndexError (reason `damaged`) naming the first field that is wrong, or (for another
 *   index version) saying to rebuild
 * @example validateManifest(JSON.parse(text)) // the manifest, or an IndexError
 */
export function validateManifest(data: unknown): Manifest {
  if (!isRecord(data) || data['docs'] === undefined || (!Array.isArray(data['parts']) && !Array.isArray(data['partPages']))) {
    throw damaged('is not a news-archive-search manifest');
  }
  if (data['version'] !== INDEX_VERSION || !Array.isArray(data['docs']) || !Array.isArray(data['partPages']) || !Array.isArray(data['newestPartPages'])) {
    throw new IndexError(
      `load-index: manifest.json is index version ${String(data['version'])}, this app reads version ${INDEX_VERSION}; rebuild the index with npm run index`,
      'manifest.json',
      'damaged',
    );
  }
  const slots = count(data, 'slots', MAX_SLOTS);
  const articles = count(data, 'articles', slots);
  const blockSize = count(data, 'blockSize', MAX_BLOCK_SIZE);
  if (blockSize === 0) throw damaged('declares blocks of 0 articles');
  count(data, 'undated', articles);
  count(data, 'idShardLength', 16);
  if (typeof data['build'] !== 'string') throw damaged('has no build identity');

  const fields = data['fields'];
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_FIELDS || !fields.every((f) => typeof f === 'string' && f.length <= 64)) {
    throw damaged('has no valid field list');
  }
  const averages = data['averageFieldLength'];
  if (!Array.isArray(averages) || averages.length !== fields.length || !averages.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) {
    throw damaged('has no valid average field lengths');
  }

  const docs = data['docs'] as unknown[];
  const blocks = Math.max(1, Math.ceil(slots / blockSize));
  if (docs.length !== blocks) throw damaged(`lists ${docs.length} docs blocks for ${slots} article numbers in blocks of ${blockSize} (${blocks} expected)`);
  docs.forEach((block, i) => {
    if (!isRecord(block) || typeof block['file'] !== 'string' || !DOCS_FILE.test(block['file']) || !isCount(block['bytes'])) throw damaged(`has an invalid docs block ${i}`);
    if (typeof block['facets'] !== 'string' || !DOCS_FILE.test(block['facets']) || !isCount(block['facetBytes'])) throw damaged(`has an invalid facet rows file for docs block ${i}`);
  });

  checkPages(data['partPages'] as unknown[], 'partPages');
  checkPages(data['newestPartPages'] as unknown[], 'newestPartPages');
  const packs = data['termPacks'];
  if (packs !== undefined) {
    const vocabularies = isRecord(packs) ? packs['vocabularies'] : undefined;
    if (!isRecord(packs) || !isCount(packs['parts']) || packs['parts'] < 1 || packs['parts'] > MAX_PACK_PARTS || !Array.isArray(vocabularies) || !vocabularies.every((v) => v === 'parts' || v === 'newestParts')) {
      throw damaged('has an invalid list of vocabulary packs');
    }
  }

  const codes = data['outletCodes'];
  if (!Array.isArray(codes) || codes.length > MAX_OUTLETS || !codes.every((c) => typeof c === 'string')) throw damaged('has no valid outlet codes');
  const outlets = data['outlets'];
  if (!Array.isArray(outlets) || outlets.length > MAX_OUTLETS || !outlets.every((o) => isRecord(o) && typeof o['name'] === 'string' && isCount(o['count']))) {
    throw damaged('has no valid outlet list');
  }
  const columns = data['columns'];
  if (!Array.isArray(columns) || columns.length > MAX_COLUMNS) throw damaged('has no valid list of categorical columns');
  const names = new Set(['outlet']);
  columns.forEach((column, i) => {
    if (!isRecord(column) || typeof column['name'] !== 'string' || typeof column['key'] !== 'string' || names.has(column['name'])) throw damaged(`has an invalid categorical column ${i}`);
    if (typeof column['file'] !== 'string' || !VALUES_FILE.test(column['file']) || !isCount(column['bytes']) || !isCount(column['values'])) throw damaged(`has an invalid categorical column ${i}`);
    if (!isCount(column['codes']) || column['codes'] < (column['values'] as number) || column['codes'] > MAX_VALUE_CODES) throw damaged(`has an invalid categorical column ${i}`);
    names.add(column['name']);
  });
  const newest = data['newest'];
  if (!Array.isArray(newest) || newest.length > slots || !newest.every((a) => isRecord(a) && isCount(a['number']) && (a['number'] as number) < slots && typeof a['id'] === 'string')) {
    throw damaged('has no valid list of the newest articles');
  }
  const dates = data['dates'];
  if (dates !== null && !(isRecord(dates) && typeof dates['first'] === 'string' && typeof dates['last'] === 'string')) throw damaged('has no valid date range');
  return data as unknown as Manifest;
}

/** Most parts per vocabulary pack (the writer's: `PACK_PARTS`). */
const MAX_PACK_PARTS = 256;
/** Categorical columns beyond the outlet: a handful in practice. */
const MAX_COLUMNS = 64;
/** Most codes of one column: the page counts a column by code in an array this long. */
const MAX_VALUE_CODES = 1 << 22;
const VALUES_FILE = /^values-[0-9a-z]{1,16}\.bin$/;

/**
 * A vocabulary's part table pages: `[first term, hash, parts, bytes]` tuples, first terms strictly
 * ascending, at least one part each, at most `MAX_PARTS` parts in all. Each page's own contents are
 * checked when it is read (`decodePartPage`).
 */
function checkPages(pages: unknown[], name: string): void {
  if (pages.length > MAX_PARTS) throw damaged(`lists ${pages.length} ${name}`);
  let previous: string | null = null;
  let parts = 0;
  pages.forEach((page, i) => {
    if (!Array.isArray(page) || page.length !== 4) throw damaged(`has an invalid ${name} entry ${i}`);
    const [first, hash, count, bytes] = page as [unknown, unknown, unknown, unknown];
    if (typeof first !== 'string' || first.length > MAX_BOUNDARY_LENGTH || typeof hash !== 'string' || !HASH.test(hash) || !isCount(count) || count === 0 || !isCount(bytes)) {
      throw damaged(`has an invalid ${name} entry ${i}`);
    }
    parts += count;
    if (parts > MAX_PARTS) throw damaged(`lists more than ${MAX_PARTS} parts in its ${name}`);
    if (previous !== null && !(previous < first)) throw damaged(`lists its ${name} out of order at entry ${i}`);
    previous = first;
  });
}

function count(data: Record<string, unknown>, key: string, max: number): number {
  const value = data[key];
  if (!isCount(value) || value > max) throw damaged(`declares ${key}: ${String(value).slice(0, 40)} (a whole number up to ${max} expected)`);
  return value;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function damaged(what: string): IndexError {
  return new IndexError(`load-index: manifest.json ${what}: the index is damaged; rebuild it with npm run index`, 'manifest.json', 'damaged');
}
