import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../scripts/lib/static-files.ts';
import { parseMounts, serveStatic } from '../../scripts/serve-static.ts';

let tmp: string;
let server: Server;
let base: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-serve-'));
  const site = path.join(tmp, 'dist');
  const outside = path.join(tmp, 'outside');
  await mkdir(path.join(site, 'assets'), { recursive: true });
  await mkdir(path.join(site, 'data', '.cache'), { recursive: true });
  await mkdir(path.join(site, 'inner'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>站点</title>');
  await writeFile(path.join(site, 'assets', 'index-BkXq2a3Z.js'), 'export {};');
  await writeFile(path.join(site, 'data', 'manifest.json'), '{}');
  await writeFile(path.join(site, 'data', 'terms-0a1b2c3d.bin'), 'x');
  await writeFile(path.join(site, 'data', '.cache', 'compile.json'), '{"secret": true}');
  await writeFile(path.join(site, '.env'), 'TOKEN=secret');
  await writeFile(path.join(site, 'inner', 'page.txt'), '里面');
  await writeFile(path.join(outside, 'passwd.txt'), 'root:x:0:0');
  await symlink(path.join(outside, 'passwd.txt'), path.join(site, 'passwd.txt'));
  await symlink(outside, path.join(site, 'elsewhere'));
  await symlink(path.join(site, 'inner', 'page.txt'), path.join(site, 'alias.txt'));
  server = await serveStatic(parseMounts([site]), 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await fetch(`${base}${url}`);
  return { status: response.status, body: await response.text(), cache: response.headers.get('cache-control') };
};

describe('serve-static', () => {
  it('refuses a symbolic link to a file outside the folder', async () => {
    const { status, body } = await get('/passwd.txt');
    expect(status).toBe(403);
    expect(body).not.toContain('root:');
  });

  it('refuses a symbolic link to a folder outside the folder', async () => {
    expect((await get('/elsewhere/passwd.txt')).status).toBe(403);
  });

  it('serves a symbolic link that stays inside the folder', async () => {
    expect(await get('/alias.txt')).toMatchObject({ status: 200, body: '里面' });
  });

  it('never serves dotfiles or anything under a dot folder, however the path is written', async () => {
    for (const url of ['/.env', '/data/.cache/compile.json', '/data/%2Ecache/compile.json', '/data/.cache/../.cache/compile.json']) {
      const { status, body } = await get(url);
      expect(status, url).toBe(404);
      expect(body).not.toContain('secret');
    }
  });

  it('serves content-hashed files as immutable and the rest with revalidation', async () => {
    expect(await get('/assets/index-BkXq2a3Z.js')).toMatchObject({ status: 200, cache: 'public, max-age=31536000, immutable' });
    expect(await get('/data/terms-0a1b2c3d.bin')).toMatchObject({ status: 200, cache: 'public, max-age=31536000, immutable' });
    expect(await get('/data/manifest.json')).toMatchObject({ status: 200, cache: 'no-cache' });
    expect(await get('/')).toMatchObject({ status: 200, cache: 'no-cache' });
  });
});

describe('cacheControlFor', () => {
  it('revalidates the files a build replaces in place', () => {
    for (const file of ['index.html', 'widget.js', 'data/manifest.json', 'data/a/12.json', 'data/h/12.html', 'data/ids/0a.json']) expect(cacheControlFor(file)).toBe('no-cache');
  });
  it('keeps the files named by their content for a year: the app’s scripts and the index’s hashed files, vocabulary packs included', () => {
    for (const file of ['assets/index-BkXq2a3Z.js', 'data/docs-0a1b2c3d.bin', 'data/dir-0a1b2c3d.bin', 'data/terms-0a1b2c3d.bin', 'data/post-0a1b2c3d.bin', 'data/values-0a1b2c3d.bin', 'data/pack-0a1b2c3d.bin']) {
      expect(cacheControlFor(file), file).toBe('public, max-age=31536000, immutable');
    }
  });
});
