import { describe, expect, it } from 'vitest';
import { createDocsTable, decodeDocsBlockInto, decodeFacetRowsInto, encodeDocsBlock, encodeFacetRows } from '../../src/lib/search/format/docs-table.ts';
import { isFoldingTableLoaded } from '../../src/lib/search/text/fold.ts';
import { termPartPath, type Manifest } from '../../src/lib/search/format/index-format.ts';
import { TermPart, TermPartWriter } from '../../src/lib/search/format/term-part.ts';
import { warmUpFiles, warmUpSearch } from '../../src/lib/search/warm-up.ts';
import { decodePartPage, partPagePath } from '../../src/lib/search/format/part-pages.ts';
import * as engine from '../../src/worker/search-core.ts';

describe('warmUpSearch', () => {
  it('finds every article of its tiny index, without loading the folding table', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(warmUpFiles().get('manifest.json'))) as Manifest;
    await expect(warmUpSearch(engine)).resolves.toBe(manifest.articles);
    expect(isFoldingTableLoaded()).toBe(false);
  });
});

describe('warmUpFiles', () => {
  const files = warmUpFiles();
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Manifest;

  it('writes the docs block byte for byte as encodeDocsBlock and encodeFacetRows do', () => {
    const table = createDocsTable(manifest.slots, manifest.fields.length);
    const block = manifest.docs[0]!;
    decodeDocsBlockInto(table, files.get(block.file)!);
    decodeFacetRowsInto(table, files.get(block.facets)!);
    expect(encodeDocsBlock(table, 0, manifest.slots)).toEqual(files.get(block.file));
    expect(encodeFacetRows(table, 0, manifest.slots)).toEqual(files.get(block.facets));
    expect(table.outlet.every((code) => code < manifest.outletCodes.length)).toBe(true);
  });

  it('writes a part table page listing its one vocabulary part', () => {
    const page = manifest.newestPartPages[0]!;
    expect(decodePartPage(files.get(partPagePath(page[1]))!, page, undefined)).toEqual([['', 'warm']]);
  });

  it('writes a vocabulary part that reads as the one TermPartWriter writes', () => {
    const part = new TermPart(files.get(termPartPath('warm'))!, manifest.fields.length);
    const writer = new TermPartWriter();
    for (const term of part.terms) {
      const { df, postings } = part.get(term)!;
      const [title, text] = postings!;
      writer.addInline(term, Uint32Array.from([...title!, ...text!]), [0, title!.length / 2, title!.length / 2, (title!.length + text!.length) / 2], df);
    }
    // No two of its terms share a first character, so front coding changes nothing: the same bytes.
    expect(writer.finish()).toEqual(files.get(termPartPath('warm')));
    const written = new TermPart(writer.finish(), manifest.fields.length);
    expect(written.terms).toEqual(part.terms);
    for (const term of part.terms) expect(part.get(term)).toEqual(written.get(term));
    // The query's terms are in every article's text; the fillers in one.
    const inAll = part.terms.filter((term) => part.get(term)!.postings![1]!.length / 2 === manifest.articles);
    expect(inAll.length).toBeGreaterThan(2);
    expect(part.terms.length).toBeGreaterThan(100);
  });
});
