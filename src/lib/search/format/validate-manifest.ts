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
  if (!isRecord(data) || !Array.isArray(data['parts']) || data['docs'] === undefined) {
    throw damaged('is not a news-archive-search manifest');
  }
  if (data['version'] !== INDEX_VERSION || !Array.isArray(data['docs']) || !Array.isArray(data['newestParts'])) {
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
  });

  checkParts(data['parts'] as unknown[], 'parts');
  checkParts(data['newestParts'] as unknown[], 'newestParts');

  const codes = data['outletCodes'];
  if (!Array.isArray(codes) || codes.length > MAX_OUTLETS || !codes.every((c) => typeof c === 'string')) throw damaged('has no valid outlet codes');
  const outlets = data['outlets'];
  if (!Array.isArray(outlets) || outlets.length > MAX_OUTLETS || !outlets.every((o) => isRecord(o) && typeof o['name'] === 'string' && isCount(o['count']))) {
    throw damaged('has no valid outlet list');
  }
  const newest = data['newest'];
  if (!Array.isArray(newest) || newest.length > slots || !newest.every((a) => isRecord(a) && isCount(a['number']) && (a['number'] as number) < slots && typeof a['id'] === 'string')) {
    throw damaged('has no valid list of the newest articles');
  }
  const dates = data['dates'];
  if (dates !== null && !(isRecord(dates) && typeof dates['first'] === 'string' && typeof dates['last'] === 'string')) throw damaged('has no valid date range');
  return data as unknown as Manifest;
}

/** A vocabulary part table: `[first term, hash, bytes]` tuples, first terms strictly ascending. */
function checkParts(parts: unknown[], name: string): void {
  if (parts.length > MAX_PARTS) throw damaged(`lists ${parts.length} ${name}`);
  let previous: string | null = null;
  parts.forEach((part, i) => {
    if (!Array.isArray(part) || part.length !== 3) throw damaged(`has an invalid ${name} entry ${i}`);
    const [first, hash, bytes] = part as [unknown, unknown, unknown];
    if (typeof first !== 'string' || first.length > MAX_BOUNDARY_LENGTH || typeof hash !== 'string' || !HASH.test(hash) || !isCount(bytes)) {
      throw damaged(`has an invalid ${name} entry ${i}`);
    }
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
