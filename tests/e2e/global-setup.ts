import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_COMPILE_CACHE, CORPUS_INDEX, REPO_ROOT, SHARED_CORPUS } from './paths.ts';

/** Inputs of the index build: a change to any of them makes the cached corpus index stale. */
const BUILD_SOURCES = ['src/lib', 'scripts/build-index.ts', 'scripts/compiler', 'scripts/lib', 'package-lock.json'];
const STAMP = path.join(CORPUS_INDEX, '.stamp');

/**
 * Builds the index of the real archive (../shared/corpus) into .cache/corpus-index once, and
 * again only when the archive or the index code changed. Without the archive, the corpus tests skip.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(SHARED_CORPUS)) {
    // The real archive is part of the test setup (CI clones the repo beside ../shared): fail, never skip.
    throw new Error(`global-setup: no archive at ${SHARED_CORPUS}; clone the repo beside ../shared.`);
  }
  const fingerprint = await fingerprintOf();
  const stamp = await readFile(STAMP, 'utf8').catch(() => '');
  if (stamp === fingerprint && existsSync(path.join(CORPUS_INDEX, 'manifest.json'))) return;

  console.log('global-setup: building the corpus index (about 30–60 s)…');
  const temporary = `${CORPUS_INDEX}.building`;
  await rm(temporary, { recursive: true, force: true });
  // The compile cache stays in .cache/ beside the index (never inside it: it is served at /corpus/data/).
  const build = spawnSync(process.execPath, ['--import', 'tsx/esm', 'scripts/build-index.ts', '--input', SHARED_CORPUS, '--out', temporary, '--cache', CORPUS_COMPILE_CACHE], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`global-setup: the corpus index build failed (exit ${build.status}):\n${build.stderr || build.stdout}`);
  console.log(`global-setup: ${build.stdout.trim().split('\n')[0]}`);
  await writeFile(path.join(temporary, '.stamp'), fingerprint);
  await rm(CORPUS_INDEX, { recursive: true, force: true });
  await rename(temporary, CORPUS_INDEX);
}

/** Hash of the archive's file names, sizes and times, and of the index code's contents. */
async function fingerprintOf(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(SHARED_CORPUS)) {
    const info = await stat(file);
    hash.update(`${path.relative(SHARED_CORPUS, file)}\0${info.size}\0${info.mtimeMs}\n`);
  }
  for (const source of BUILD_SOURCES) {
    const root = path.join(REPO_ROOT, source);
    const files = (await stat(root)).isDirectory() ? await listFiles(root) : [root];
    for (const file of files) hash.update(`${path.relative(REPO_ROOT, file)}\0`).update(await readFile(file));
  }
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
