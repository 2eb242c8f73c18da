import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { hasLiteralSearch, literalQuery, literalWords } from '../../src/lib/search/query/literal-query.ts';
import { correctedText, Searcher } from '../../src/lib/search/searcher.ts';
import { FIXTURES } from '../helpers/paths.ts';

let out: string;
let searcher: Searcher;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nas-rewrites-'));
  await buildArchiveIndex({ input: FIXTURES, out, now: Date.UTC(2026, 0, 1) });
  searcher = await Searcher.open(fileIndexSource(out));
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe('SearchResponse#rewrites', () => {
  it('reports a typo correction with the word the archive holds, and answers for that word', async () => {
    const typo = await searcher.search({ text: 'huawai' });
    expect(typo.rewrites).toEqual([{ from: 'huawai', to: 'huawei', kind: 'typo' }]);
    const corrected = await searcher.search({ text: 'huawei' });
    expect(typo.hits).toEqual(corrected.hits);
    expect(typo.total).toBe(corrected.total);
  });

  it('reports a synonym only when some result matched it', async () => {
    expect((await searcher.search({ text: '特朗普' })).rewrites).toEqual([{ from: '特朗普', to: '川普', kind: 'synonym' }]);
    // 王毅 has no synonyms; 华为's synonym huawei is in the archive, but no article matches 华为 at all here.
    expect((await searcher.search({ text: '王毅' })).rewrites).toEqual([]);
  });

  it('reports a term typed in traditional characters as folded', async () => {
    expect((await searcher.search({ text: '臺灣' })).rewrites).toEqual([{ from: '臺灣', to: '台湾', kind: 'script', script: 'simplified' }]);
  });

  it('reports nothing for a quoted word, which is searched literally', async () => {
    const response = await searcher.search({ text: '"特朗普"' });
    expect(response.rewrites).toEqual([]);
    expect(response.total).toBe(0);
  });
});

describe('literalQuery', () => {
  it('quotes each corrected or widened word, as typed', () => {
    expect(literalQuery('Huawai 香港', [{ from: 'huawai', to: 'huawei', kind: 'typo' }])).toBe('"Huawai" 香港');
    expect(literalQuery('川普 北约 -"川普"', [{ from: '川普', to: '特朗普', kind: 'synonym' }, { from: '北约', to: 'nato', kind: 'synonym' }])).toBe('"川普" "北约" -"川普"');
  });

  it('names the typed words it quotes, not the words a correction brought', () => {
    const rewrites = [
      { from: 'huawai', to: 'huawei', kind: 'typo' as const },
      { from: 'huawei', to: '华为', kind: 'synonym' as const },
    ];
    expect(literalWords('Huawai 手机', rewrites)).toEqual(['Huawai']);
    expect(correctedText('Huawai 手机 "huawai"', rewrites.slice(0, 1))).toBe('huawei 手机 "huawai"');
  });

  it('marks a word found in the other script +, which searches it as written (quotes would not unfold the script)', () => {
    const rewrites = [{ from: '臺灣', to: '台湾', kind: 'script' as const, script: 'simplified' as const }];
    expect(literalQuery('臺灣 选举', rewrites)).toBe('+臺灣 选举');
    expect(literalQuery('"臺灣" +臺灣', rewrites)).toBe('+"臺灣" +臺灣');
    expect(literalWords('臺灣 选举', rewrites)).toEqual(['臺灣']);
    expect(hasLiteralSearch(rewrites)).toBe(true);
    expect(hasLiteralSearch([])).toBe(false);
  });

  it('marks a word + when its script was folded and synonyms included too: + turns off both', () => {
    const rewrites = [
      { from: '北约', to: '北約', kind: 'script' as const, script: 'traditional' as const },
      { from: '北约', to: 'nato', kind: 'synonym' as const },
    ];
    expect(literalQuery('北约 峰会', rewrites)).toBe('+北约 峰会');
  });
});
