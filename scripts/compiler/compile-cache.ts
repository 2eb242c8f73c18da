import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileOutcome } from './compile-file.ts';

/** A listed article file, as the cache sees it. */
export interface CachedFileKey {
  /** Path relative to the input folder. */
  file: string;
  /** Where to read it (symbolic links resolved). */
  target: string;
  size: number;
  mtimeMs: number;
}

interface CacheRecord {
  file: string;
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes. */
  hash: string;
  outcome: FileOutcome;
}

/** How the cache served one build. */
export interface CacheReport {
  /** Files whose compiled form came from the cache (size and mtime, or content hash, unchanged). */
  reused: number;
  /** Files compiled (new, changed, or no cache). */
  compiled: number;
  /** Cache entries of files that are gone, removed. */
  pruned: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** From source: the repository; in the package (bundled, see scripts/pack/): the folder of the bundle. */
const IS_BUNDLED = import.meta.url.endsWith('.js');
const ROOT = IS_BUNDLED ? HERE : path.resolve(HERE, '../..');
/**
 * What decides a compiled article besides the file: the compiler's own code and dependencies
 * (in the package, its bundled code and its package.json, which pins the version).
 */
const COMPILER_SOURCES = IS_BUNDLED ? ['.', '../../package.json'] : ['src/lib/article', 'scripts/compiler/compile-file.ts', 'scripts/compiler/walk-archive.ts', 'package-lock.json'];

/**
 * Compiled articles from earlier builds, one JSON file per article file under
 * `<dir>/<compiler fingerprint>/`, keyed by the file's path, size, mtime and content hash: a file
 * whose size and mtime are unchanged is reused without reading it; one whose mtime changed but
 * whose bytes did not (a copy, a `touch`) is reused after hashing it. Any change to the compiler
 * (its sources or locked dependencies) starts a new, empty cache.
 */
export class CompileCache {
  readonly report: CacheReport = { reused: 0, compiled: 0, pruned: 0 };
  private readonly seen = new Set<string>();
  private readonly hashes = new Map<string, string>();

  private constructor(private readonly dir: string) {}

  /** Opens (creating) the cache under `dir`, removing caches of other compiler versions. */
  static open(dir: string): CompileCache {
    const fingerprint = compilerFingerprint();
    if (existsSync(dir)) {
      for (const name of readdirSync(dir)) if (name !== fingerprint) rmSync(path.join(dir, name), { recursive: true, force: true });
    }
    const own = path.join(dir, fingerprint);
    mkdirSync(own, { recursive: true });
    return new CompileCache(own);
  }

  /** The compiled outcome of `key` from an earlier build, or null when it must be compiled. */
  lookup(key: CachedFileKey): FileOutcome | null {
    const name = this.recordPath(key.file);
    this.seen.add(path.relative(this.dir, name));
    let record: CacheRecord;
    try {
      record = JSON.parse(readFileSync(name, 'utf8')) as CacheRecord;
    } catch {
      return null; // not cached yet (or a half-written entry: compile again)
    }
    if (record.file !== key.file) return null;
    if (record.size === key.size && record.mtimeMs === key.mtimeMs) {
      this.report.reused++;
      return record.outcome;
    }
    const hash = this.hashOf(key);
    if (hash !== record.hash) return null;
    record.size = key.size;
    record.mtimeMs = key.mtimeMs;
    writeFileSync(name, JSON.stringify(record));
    this.report.reused++;
    return record.outcome;
  }

  /** Remembers what `key` compiled to (call before anything mutates the outcome). */
  store(key: CachedFileKey, outcome: FileOutcome): void {
    const name = this.recordPath(key.file);
    this.seen.add(path.relative(this.dir, name));
    const record: CacheRecord = { file: key.file, size: key.size, mtimeMs: key.mtimeMs, hash: this.hashOf(key), outcome };
    mkdirSync(path.dirname(name), { recursive: true });
    writeFileSync(name, JSON.stringify(record));
    this.report.compiled++;
  }

  /** Removes the entries of files this build did not list (deleted or renamed files). */
  prune(): void {
    for (const shard of readdirSync(this.dir)) {
      for (const name of readdirSync(path.join(this.dir, shard))) {
        if (this.seen.has(path.join(shard, name))) continue;
        rmSync(path.join(this.dir, shard, name), { force: true });
        this.report.pruned++;
      }
    }
  }

  private recordPath(file: string): string {
    const key = createHash('sha1').update(file).digest('hex');
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2, 20)}.json`);
  }

  private hashOf(key: CachedFileKey): string {
    let hash = this.hashes.get(key.file);
    if (hash === undefined) {
      try {
        hash = createHash('sha1').update(readFileSync(key.target)).digest('hex');
      } catch {
        hash = ''; // unreadable: the compiler reports why
      }
      this.hashes.set(key.file, hash);
    }
    return hash;
  }
}

/** A hash of the compiler's sources and locked dependencies. */
function compilerFingerprint(): string {
  const hash = createHash('sha1');
  const add = (file: string): void => {
    const absolute = path.join(ROOT, file);
    if (!existsSync(absolute)) return;
    if (/\.(ts|js|json)$/.test(file)) {
      hash.update(file).update(readFileSync(absolute));
      return;
    }
    for (const name of readdirSync(absolute).sort()) add(path.join(file, name));
  };
  for (const source of COMPILER_SOURCES) add(source);
  return hash.digest('hex').slice(0, 12);
}
