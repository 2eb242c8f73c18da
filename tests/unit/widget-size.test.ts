import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWidgetSize, measureWidgetSize } from '../../scripts/bench/widget-size.ts';

let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'nas-widget-size-'));
  await mkdir(path.join(dist, 'assets'));
  const files: Record<string, string> = {
    'widget.js': 'import{a as e}from"./assets/shared-AAAAAAAA.js";import"./assets/App-BBBBBBBB.js";e();',
    'assets/shared-AAAAAAAA.js': 'export function a(){return new URL("assets/search-worker-CCCCCCCC.js",import.meta.url)}',
    'assets/App-BBBBBBBB.js': 'import{a}from"./shared-AAAAAAAA.js";const r=()=>import("./ReaderView-DDDDDDDD.js");export{r};',
    'assets/search-worker-CCCCCCCC.js': 'const c=import(`./search-core-GGGGGGGG.js`);const t=()=>import(`./fold-table-EEEEEEEE.js`);self.onmessage=t;',
    'assets/search-core-GGGGGGGG.js': 'export const S=1;',
    'assets/ReaderView-DDDDDDDD.js': 'import{a}from"./shared-AAAAAAAA.js";export default a;',
    'assets/fold-table-EEEEEEEE.js': 'export const F="x".repeat(500);',
    'assets/unrelated-FFFFFFFF.js': 'export const never=1;',
  };
  for (const [file, code] of Object.entries(files)) await writeFile(path.join(dist, file), code);
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe('measureWidgetSize', () => {
  it('follows static imports, the worker URL and import() from widget.js, and nothing else', () => {
    const timings = Object.fromEntries(measureWidgetSize(dist).map((chunk) => [chunk.file, chunk.timing]));
    expect(timings).toEqual({
      'widget.js': 'static',
      'assets/shared-AAAAAAAA.js': 'static',
      'assets/App-BBBBBBBB.js': 'static',
      'assets/search-worker-CCCCCCCC.js': 'worker',
      // The worker's first script imports its core as it starts (with Rolldown's backquotes).
      'assets/search-core-GGGGGGGG.js': 'worker',
      'assets/ReaderView-DDDDDDDD.js': 'lazy',
      'assets/fold-table-EEEEEEEE.js': 'lazy',
    });
  });

  it('prints the budget\'s three figures for each mode, and flags a figure over its budget', () => {
    const session = (mode: 'worker' | 'inline', first: number, reader: number) => ({
      mode,
      query: '王毅',
      firstResults: [{ path: 'widget.js', bytes: first }],
      reader: [{ path: 'assets/ReaderView-DDDDDDDD.js', bytes: reader }],
    });
    const text = formatWidgetSize([session('worker', 59 * 1024, 15 * 1024), session('inline', 61 * 1024, 15 * 1024)], measureWidgetSize(dist));
    expect(text).toMatch(/before the first results of a first query\s+59\.0 KB\s+61\.0 KB \(over\)\s+≤ 60 KB/);
    expect(text).toMatch(/the reader, when an article is first opened \(more\)\s+15\.0 KB\s+15\.0 KB\s+≤ 25 KB/);
    expect(text).toMatch(/every chunk it can load, together \(gzip -9 of dist\/\)\s+\d+\.\d KB\s+reported/);
    expect(text).toMatch(/assets\/ReaderView-DDDDDDDD\.js\s+reader\s+15\.0 KB/);
  });

  it('says what to do when there is no build', () => {
    expect(() => measureWidgetSize(path.join(dist, 'missing'))).toThrow(/npm run build/);
  });
});
