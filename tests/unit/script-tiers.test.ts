import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { type RankingArticle, writeRankingArchive } from '../helpers/ranking-archive.ts';

/** Traditional sentences without any query word: enough of them make an article traditional (the docs table's flag). */
const TRADITIONAL = ['這場會議討論經濟與環境問題，學者們認為區域發展應該繼續。', '當局說明獨立調查報導的結論，議員們對結果表示滿意。', '觀察員指出這次選區劃分爭議較多，選民對選務機關處理態度頗有質疑。', '財經專家預測經濟數據將會轉強，銀行與證券業績也隨之變動。'];

/** Articles whose best order for each query is known: the query's own form, then the other form, then synonyms. */
const ARTICLES: RankingArticle[] = [
  // 臺灣 once, in traditional text: the only article that writes the query as typed.
  { file: 'tw-typed.md', title: '教育論壇', paragraphs: ['臺灣的大學招生。', ...TRADITIONAL] },
  // 台灣 often, in traditional text: the same script, another form.
  { file: 'tw-variant.md', title: '台灣教育改革', paragraphs: ['台灣學生增加。', '台灣教師討論。', '台灣大學排名。', ...TRADITIONAL] },
  // 台湾 often and once, in simplified text.
  { file: 'tw-simplified.md', title: '台湾教育改革', paragraphs: ['台湾学生增加。', '台湾教师讨论。', '台湾大学排名。', '台湾家长关注。'] },
  { file: 'tw-simplified-once.md', title: '教育论坛', paragraphs: ['台湾的大学招生。'] },
  // 國安法 as typed (traditional), 国安法 often (simplified), and 国安法 often with 國安 once in a quoted name.
  { file: 'nsl-typed.md', title: '港區國安法實施', paragraphs: ['港區國安法生效。', '國安法爭議。', '國安法細節公布。', ...TRADITIONAL] },
  { file: 'nsl-simplified.md', title: '国安法之下', paragraphs: ['国安法生效。', '国安法实施首日。', '国安法争议。', '国安法细节公布。'] },
  { file: 'nsl-quote.md', title: '国安法之下的学生', paragraphs: ['国安法生效。', '国安法实施首日。', '国安法争议。', '学生提到中華民國安全会议。'] },
  // 香港: both scripts write it alike, so the script never lowers an article.
  { file: 'hk-traditional.md', title: '香港經濟展望', paragraphs: ['香港經濟收縮。', '香港失業率上升。', ...TRADITIONAL] },
  { file: 'hk-simplified.md', title: '经济展望', paragraphs: ['香港的失业率上升。'] },
  // 北約 (traditional) against 北约 (simplified) and a synonym only (NATO, often).
  { file: 'nato-typed.md', title: '防務會議', paragraphs: ['北約峰會開幕。', ...TRADITIONAL] },
  { file: 'nato-simplified.md', title: '防务会议', paragraphs: ['北约峰会开幕。'] },
  { file: 'nato-synonym.md', title: 'NATO 防务会议', paragraphs: ['NATO 峰会开幕。', 'NATO 成员国讨论开支。', 'NATO 秘书长发言。'] },
];

let out: string;
let searcher: Searcher;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nas-script-tiers-'));
  await writeRankingArchive(path.join(out, 'in'), ARTICLES);
  await buildArchiveIndex({ input: path.join(out, 'in'), out: path.join(out, 'out'), now: Date.UTC(2026, 0, 1) });
  searcher = await Searcher.open(fileIndexSource(path.join(out, 'out')));
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

/** The files of the ranked results, best first. */
async function ranked(text: string): Promise<string[]> {
  // Flat: some fixtures share a title across scripts (one similar group), and order is what is tested.
  const response = await searcher.search({ text, limit: 100, collapse: false });
  const results = await searcher.results(response.hits);
  return results.map((r) => r.url.split('/').at(-1)!);
}

describe('script tiers of a traditional query', () => {
  it('ranks the one article that writes 臺灣 as typed first, then 台灣 in traditional text, then simplified 台湾', async () => {
    expect(await ranked('臺灣')).toEqual(['tw-typed', 'tw-variant', 'tw-simplified', 'tw-simplified-once']);
  });

  it('ranks 國安法 as typed above a simplified article that quotes 國安 once, and that above plain simplified 国安法', async () => {
    expect(await ranked('國安法')).toEqual(['nsl-typed', 'nsl-quote', 'nsl-simplified']);
  });

  it('ranks the other script above a synonym written more often', async () => {
    expect(await ranked('北約')).toEqual(['nato-typed', 'nato-simplified', 'nato-synonym']);
  });
});

describe('script tiers of a simplified query', () => {
  it('ranks simplified 台湾, even once, above traditional articles that write 台灣 or 臺灣 more often', async () => {
    const order = await ranked('台湾');
    expect(order.slice(0, 2).sort()).toEqual(['tw-simplified', 'tw-simplified-once']);
    expect(order.slice(2).sort()).toEqual(['tw-typed', 'tw-variant']);
  });

  it('ranks simplified 国安法 above the traditional article that has it in its title and more often', async () => {
    const order = await ranked('国安法');
    expect(order.at(-1)).toBe('nsl-typed');
    expect(order).toHaveLength(3);
  });

  it('never lowers an article for its script when both scripts write the word alike (香港)', async () => {
    expect(await ranked('香港')).toEqual(['hk-traditional', 'hk-simplified']);
  });
});

describe('the other script, said for a simplified query', () => {
  const scriptRewrites = async (text: string) => (await searcher.search({ text })).rewrites.filter((r) => r.kind === 'script');

  it('names the word as traditional articles among the results write it most often', async () => {
    // 台灣 is in tw-variant's title and text, 臺灣 in tw-typed's text only.
    expect(await scriptRewrites('台湾')).toEqual([{ from: '台湾', to: '台灣', kind: 'script', script: 'traditional' }]);
    expect(await scriptRewrites('北约')).toEqual([{ from: '北约', to: '北約', kind: 'script', script: 'traditional' }]);
  });

  it('joins a longer word from its bigrams, keeping a bigram both scripts write alike (安法)', async () => {
    expect(await scriptRewrites('国安法')).toEqual([{ from: '国安法', to: '國安法', kind: 'script', script: 'traditional' }]);
  });

  it('says nothing when every result wrote the word as typed, or both scripts write it alike', async () => {
    expect((await searcher.search({ text: '台湾 家长' })).total).toBe(1);
    expect(await scriptRewrites('台湾 家长')).toEqual([]);
    expect(await scriptRewrites('香港')).toEqual([]);
  });

  it('counts a synonym match as a synonym, not as the other script', async () => {
    const rewrites = (await searcher.search({ text: '北约' })).rewrites;
    expect(rewrites.filter((r) => r.kind === 'synonym').map((r) => r.to)).toContain('nato');
    expect(rewrites.filter((r) => r.kind === 'script')).toHaveLength(1);
  });
});

describe('+word: the words as written', () => {
  it('finds only the articles that wrote the typed form, not another script\'s or variant\'s', async () => {
    expect(await ranked('+臺灣')).toEqual(['tw-typed']);
    expect(await ranked('+台灣')).toEqual(['tw-variant']);
    expect((await ranked('+台湾')).sort()).toEqual(['tw-simplified', 'tw-simplified-once']);
  });

  it('needs the whole word as written: bigrams written so apart from it do not count (國安 quoted once)', async () => {
    expect(await ranked('+國安法')).toEqual(['nsl-typed']);
    expect((await ranked('+国安法')).sort()).toEqual(['nsl-quote', 'nsl-simplified']);
  });

  it('leaves out synonyms, and says no rewrite', async () => {
    const response = await searcher.search({ text: '+北约' });
    expect(response.rewrites).toEqual([]);
    expect(await ranked('+北约')).toEqual(['nato-simplified']);
  });

  it('keeps every article for a word both scripts write alike (香港)', async () => {
    expect((await ranked('+香港')).sort()).toEqual(['hk-simplified', 'hk-traditional']);
  });
});
