import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listArchive, type WalkNotice } from '../../scripts/compiler/walk-archive.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nas-walk-'));
  await mkdir(path.join(dir, 'locked'));
  await writeFile(path.join(dir, 'locked', 'hidden.md'), '<p>x</p>');
  await writeFile(path.join(dir, 'open.md'), '<p>y</p>');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Lists folders as the file system does, except `locked`, which refuses as a chmod 000 folder does for a non-root user. */
const refusingLocked = {
  async readdir(folder: string): Promise<string[]> {
    if (path.basename(folder) === 'locked') throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return readdir(folder);
  },
};

describe('listArchive', () => {
  it('makes a folder it cannot list a skip with a reason, so it counts (and --strict fails)', async () => {
    const notices: WalkNotice[] = [];
    const found = await listArchive(dir, notices, refusingLocked);
    expect(found).toContainEqual({ file: 'locked/', skip: 'cannot list folder (EACCES): its files were not indexed' });
    expect(found.some((entry) => entry.file === 'open.md' && !('skip' in entry))).toBe(true);
    expect(notices).toEqual([]);
  });

  it('stops with one sentence when the input folder itself cannot be listed', async () => {
    const refusingAll = { readdir: () => Promise.reject(Object.assign(new Error('no'), { code: 'EACCES' })) };
    await expect(listArchive(dir, [], refusingAll)).rejects.toThrow(/^Cannot list the input folder .* \(EACCES\)\.$/);
  });
});
