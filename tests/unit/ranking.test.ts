import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { shortTextFactor, SHORT_TEXT_TERMS, SHORTEST_TEXT_FACTOR } from '../../src/lib/search/query/rank-clauses.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { type RankingArticle, writeRankingArchive } from '../helpers/ranking-archive.ts';

/** Articles whose best answer for each query is known; each query's literal text is in its name. */
const ARTICLES: RankingArticle[] = [
  // 北约: eight times in one article against each form of the group once in another.
  { file: 'nato-typed.md', title: '北约盟军司令谈防务', paragraphs: ['北约峰会开幕。', '北约成员国讨论开支。', '北约秘书长发言。', '北约东翼部署。', '北约与欧盟合作。', '北约扩张。', '北约会议结束。'] },
  { file: 'nato-forms.md', title: '欧洲防务会议召开', paragraphs: ['北约官员出席。', '北大西洋公约组织成员国代表出席。', '各国代表谈到NATO的开支目标。'] },
  // COVID: the literal word against a synonym only.
  { file: 'covid-literal.md', title: '多国疫情升温', paragraphs: ['全球COVID-19病例上升。', '专家称COVID-19仍在传播。'] },
  { file: 'covid-synonym.md', title: '武汉肺炎疫情升温', paragraphs: ['武汉肺炎病例上升。', '武汉肺炎传播。', '武汉肺炎新增。', '武汉肺炎确诊。', '武汉肺炎死亡。', '武汉肺炎疫情。'] },
  // 新冠疫苗: the word itself against its bigrams scattered (冠疫 from 新冠疫情).
  { file: 'vaccine-contiguous.md', title: '研发进展报告', paragraphs: ['新冠疫苗进入临床试验。', '新冠疫苗明年上市。'] },
  { file: 'vaccine-scattered.md', title: '病毒知多少', paragraphs: ['新冠疫情爆发半年。', '新冠疫情蔓延。', '新冠疫情反弹。', '新冠疫情严峻。', '新冠疫情加剧。', '流感疫苗供应充足。'] },
  // 火星殖民地: 火星 and 殖民地 apart (no 星殖) against the whole word.
  { file: 'mars-split.md', title: '科幻写作的元素', paragraphs: ['作家谈火星探测。', '小说里的殖民地。'] },
  { file: 'mars-whole.md', title: '太空计划', paragraphs: ['建立火星殖民地的设想。'] },
  // 香港: a video blurb against a full article.
  { file: 'hk-blurb.md', title: '香港人香港史 下', paragraphs: ['香港人香港史 下 - 02/01/17 节目片段 3/3'], short: true },
  { file: 'hk-article.md', title: '香港经济展望', paragraphs: ['香港经济第二季度收缩。', '香港失业率上升。', '香港旅游业受挫。'] },
  // 人工智能's Latin synonym is the word AI, not every word starting with "ai".
  { file: 'ai-airline.md', title: 'Airline news', paragraphs: ['Airlines and airports reopen.'] },
  { file: 'ai-word.md', title: 'AI 与就业', paragraphs: ['AI will change work.'] },
  // 選舉: typed in traditional characters, found in a traditional and a simplified article.
  { file: 'vote-traditional.md', title: '地方議會改選', paragraphs: ['選舉將於年底舉行。', '候選人登記參加選舉。', '這場會議討論經濟與環境問題，學者們認為區域發展應該繼續。', '當局說明獨立調查報導的結論，議員們對結果表示滿意。', '觀察員指出這次選區劃分爭議較多，選民對選務機關處理態度頗有質疑。', '財經專家預測經濟數據將會轉強，銀行與證券業績也隨之變動。'] },
  { file: 'vote-simplified.md', title: '选举观察', paragraphs: ['选举投票开始。', '选举结果公布。', '选举委员会说明。'] },
  // "新冠疫苗" as a phrase: more candidates (all three bigrams) than one wave of phrase checks.
  ...Array.from({ length: 7 }, (_, i): RankingArticle => ({ file: `phrase-scattered-${i}.md`, title: `疫情通报 ${i + 1}`, paragraphs: ['新冠疫情持续。', '流感疫苗到货。'] })),
  // huawai: a typo with no word starting with it.
  { file: 'huawei.md', title: 'Huawei 发布新手机', paragraphs: ['Huawei phones sell well.'] },
];

let out: string;
let searcher: Searcher;

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'nas-ranking-'));
  out = work;
  await writeRankingArchive(path.join(work, 'in'), ARTICLES);
  await buildArchiveIndex({ input: path.join(work, 'in'), out: path.join(work, 'out'), now: Date.UTC(2026, 0, 1) });
  searcher = await Searcher.open(fileIndexSource(path.join(work, 'out')));
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

/** The files of the ranked results, best first. */
async function ranked(text: string): Promise<string[]> {
  const response = await searcher.search({ text, limit: 100 });
  const results = await searcher.results(response.hits);
  return results.map((r) => r.url.split('/').at(-1)!);
}

describe('match tiers', () => {
  it('ranks the query\'s own word above a synonym of it', async () => {
    const covid = await ranked('COVID');
    expect(covid[0]).toBe('covid-literal');
    // Found still, as every article naming COVID by a synonym (新冠 in the vaccine articles).
    expect(covid).toContain('covid-synonym');
    expect(covid).toContain('vaccine-contiguous');
  });

  it('scores a synonym group as one term: eight mentions of 北约 beat each form once', async () => {
    expect(await ranked('北约')).toEqual(['nato-typed', 'nato-forms']);
  });

  it('ranks a Chinese word occurring whole above its bigrams scattered', async () => {
    const vaccine = await ranked('新冠疫苗');
    expect(vaccine[0]).toBe('vaccine-contiguous');
    // Every article holding all three bigrams is still found.
    expect(vaccine.slice(1).sort()).toEqual([...Array.from({ length: 7 }, (_, i) => `phrase-scattered-${i}`), 'vaccine-scattered']);
  });

  it('ranks an article in the script the query was typed in above one in the other script', async () => {
    expect(await ranked('選舉')).toEqual(['vote-traditional', 'vote-simplified']);
    // Typed in simplified characters, 选举 sets no script tier: the stronger article leads.
    expect(await ranked('选举')).toEqual(['vote-simplified', 'vote-traditional']);
  });

  it('still finds every article that holds a synonym (recall does not drop)', async () => {
    expect(await ranked('北大西洋公约组织')).toEqual(['nato-forms', 'nato-typed']);
    expect((await ranked('NATO')).sort()).toEqual(['nato-forms', 'nato-typed']);
  });
});

describe('Chinese terms', () => {
  it('needs every bigram of a five-character term (火星殖民地 does not match 火星 … 殖民地)', async () => {
    expect(await ranked('火星殖民地')).toEqual(['mars-whole']);
  });
});

describe('synonyms and typos', () => {
  it('matches a Latin synonym as a whole word, not as a prefix', async () => {
    expect(await ranked('人工智能')).toEqual(['ai-word']);
  });

  it('still matches a typed Latin word as a prefix', async () => {
    expect(await ranked('airl')).toEqual(['ai-airline']);
  });
});

describe('phrase counts', () => {
  it('settles to the exact number when every candidate is checked, as the CLI asks', async () => {
    const page = await searcher.search({ text: '"新冠疫苗"', limit: 1 });
    expect(page.approximate).toBe(true);
    expect(page.total).toBeGreaterThan(1);
    const exact = await searcher.search({ text: '"新冠疫苗"', limit: 1 }, { phraseCheckLimit: Number.POSITIVE_INFINITY });
    expect(exact.approximate).toBe(false);
    expect(exact.total).toBe(1);
    const all = await searcher.search({ text: '"新冠疫苗"', limit: 1000 });
    expect(all.total).toBe(all.hits.length);
  });
});

describe('length normalization', () => {
  it('ranks a full article above a short blurb on a one-word query', async () => {
    expect(await ranked('香港')).toEqual(['hk-article', 'hk-blurb']);
  });

  it('scales scores down only below SHORT_TEXT_TERMS unique terms, never to zero', () => {
    expect(shortTextFactor(SHORT_TEXT_TERMS)).toBe(1);
    expect(shortTextFactor(5000)).toBe(1);
    expect(shortTextFactor(0)).toBe(SHORTEST_TEXT_FACTOR);
    expect(shortTextFactor(100)).toBeGreaterThan(SHORTEST_TEXT_FACTOR);
    expect(shortTextFactor(100)).toBeLessThan(1);
  });
});
