import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { type Manifest, termPartPath } from '../../src/lib/search/index.ts';
import { Searcher } from '../../src/lib/search/index.ts';
import { fileIndexSource } from '../lib/file-source.ts';
import { BENCH_QUERIES } from './queries.ts';
import { kb, median, ms, percentile, table } from './stats.ts';

/**
 * Raw, gzip and brotli size of a file (gzip parts are inflated for the raw size), and `wire`: what
 * a static host sends, the stored bytes of a pre-compressed part, gzip of a JSON file.
 */
async function sizes(file: string): Promise<{ raw: number; gzip: number; brotli: number; wire: number }> {
  const stored = await readFile(file);
  const precompressed = stored[0] === 0x1f && stored[1] === 0x8b;
  const raw = precompressed ? gunzipSync(stored) : stored;
  const gzip = gzipSync(raw, { level: 9 }).length;
  return { raw: raw.length, gzip, brotli: brotliCompressSync(raw).length, wire: precompressed ? stored.length : gzip };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Index-file sizes, first-query downloads, part decode times and warm query latency for an index
 * folder. Returns the printable report.
 */
export async function benchIndex(dir: string): Promise<string> {
  const out: string[] = [];
  const manifestSize = await sizes(path.join(dir, 'manifest.json'));
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const docBlocks = await Promise.all(manifest.docs.map((block) => sizes(path.join(dir, block.file))));
  const docs = { raw: sum(docBlocks.map((s) => s.raw)), gzip: sum(docBlocks.map((s) => s.gzip)), brotli: sum(docBlocks.map((s) => s.brotli)) };
  const chunkFiles = (await readdir(dir)).filter((f) => f.startsWith('post-'));
  const chunkSizes = await Promise.all(chunkFiles.map((f) => sizes(path.join(dir, f))));
  const allParts = [...manifest.parts, ...manifest.newestParts];
  const partSizes = await Promise.all(allParts.map((p) => sizes(path.join(dir, termPartPath(p[1])))));
  const fragmentDir = path.join(dir, 'a');
  const fragmentFiles = (await readdir(fragmentDir)).slice(0, 500);
  const fragmentSizes = await Promise.all(fragmentFiles.map((f) => sizes(path.join(fragmentDir, f))));
  const htmlTotal = (await Promise.all((await readdir(path.join(dir, 'h'))).map((f) => stat(path.join(dir, 'h', f))))).reduce((a, s) => a + s.size, 0);
  const col = (values: number[]) => `${kb(median(values))} / ${kb(Math.max(...values))}`;
  out.push(`Index of ${manifest.articles} articles in ${dir}`);
  out.push(
    table([
      ['file', 'raw', 'gzip', 'brotli'],
      ['manifest.json', kb(manifestSize.raw), kb(manifestSize.gzip), kb(manifestSize.brotli)],
      [`docs table, ${docBlocks.length} block${docBlocks.length > 1 ? 's' : ''} of ${manifest.blockSize} numbers`, kb(docs.raw), kb(docs.gzip), kb(docs.brotli)],
      ...(docBlocks.length > 1 ? [['docs table, newest block', kb(docBlocks.at(-1)!.raw), kb(docBlocks.at(-1)!.gzip), kb(docBlocks.at(-1)!.brotli)]] : []),
      [`${allParts.length} term parts (${manifest.newestParts.length} of the newest block), median / max`, col(partSizes.map((s) => s.raw)), col(partSizes.map((s) => s.gzip)), col(partSizes.map((s) => s.brotli))],
      [`term parts, total`, kb(partSizes.reduce((a, s) => a + s.raw, 0)), kb(partSizes.reduce((a, s) => a + s.gzip, 0)), kb(partSizes.reduce((a, s) => a + s.brotli, 0))],
      ...(chunkSizes.length
        ? [
            [`${chunkSizes.length} common-term chunks, median / max`, col(chunkSizes.map((s) => s.raw)), col(chunkSizes.map((s) => s.gzip)), col(chunkSizes.map((s) => s.brotli))],
            ['common-term chunks, total', kb(sum(chunkSizes.map((s) => s.raw))), kb(sum(chunkSizes.map((s) => s.gzip))), kb(sum(chunkSizes.map((s) => s.brotli)))],
          ]
        : []),
      [`article fragments (first ${fragmentSizes.length}), median / max`, col(fragmentSizes.map((s) => s.raw)), col(fragmentSizes.map((s) => s.gzip)), col(fragmentSizes.map((s) => s.brotli))],
      ['reader HTML, total', kb(htmlTotal), '', ''],
    ]),
  );

  // First query, cold: a fresh reader per query, counting what it downloads (brotli, as a CDN serves).
  const sizeOf = new Map<string, { brotli: number; wire: number }>();
  const rows: string[][] = [['query', 'results', 'files', 'wire (gzip)', 'brotli', 'cold', 'warm p50']];
  const firstBrotli: number[] = [];
  const firstGzip: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (const query of BENCH_QUERIES) {
    const loaded: Array<{ file: string; bytes: number }> = [];
    const searcher = await Searcher.open(fileIndexSource(dir, (file, bytes) => loaded.push({ file, bytes })));
    const t0 = performance.now();
    const response = await searcher.search({ text: query });
    const coldMs = performance.now() - t0;
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await searcher.search({ text: query });
      samples.push(performance.now() - t);
    }
    for (const { file } of loaded) {
      if (!sizeOf.has(file)) sizeOf.set(file, await sizes(path.join(dir, file)));
    }
    const gzip = loaded.reduce((a, l) => a + sizeOf.get(l.file)!.wire, 0);
    const brotli = loaded.reduce((a, l) => a + sizeOf.get(l.file)!.brotli, 0);
    firstGzip.push(gzip);
    firstBrotli.push(brotli);
    cold.push(coldMs);
    warm.push(...samples);
    rows.push([query, String(response.total), String(loaded.length), kb(gzip), kb(brotli), ms(coldMs), ms(median(samples))]);
  }
  out.push('', 'First query from a cold start (manifest + docs table + the parts it needs; HTML and JS aside):', table(rows));
  out.push(
    '',
    table([
      ['figure', 'value', 'target'],
      ['first-query download, median (brotli)', kb(median(firstBrotli)), '≤ 50 KB'],
      ['first-query download, max (brotli)', kb(Math.max(...firstBrotli)), '≤ 125 KB'],
      ['first-query download, median / max (on the wire: parts as stored, JSON gzipped)', `${kb(median(firstGzip))} / ${kb(Math.max(...firstGzip))}`, ''],
      ['cold query (load + decode + query), p95', ms(percentile(cold, 95)), 'decode ≤ 20 ms p95'],
      ['warm query, median', ms(median(warm)), ''],
      ['warm query, p95', ms(percentile(warm, 95)), '≤ 5 ms'],
    ]),
  );
  return out.join('\n');
}
