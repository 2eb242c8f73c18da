import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import {
  assignSimilarGroups,
  collapseHits,
  collapsePage,
  isNearDuplicate,
  nearDuplicatePairs,
  similarityKeys,
  type SimilarityInput,
} from '../../src/lib/search/query/collapse-similar.ts';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import type { SearchHit } from '../../src/lib/search/types.ts';

const lead = (topic: string) => `${topic}：主持人与两位研究员讨论本周的新闻，以及这些新闻对普通市民日常生活的影响和未来的走向。节目还请来听众打进电话，分享他们在街区里看到的变化和自己的看法。最后，两位研究员回答了听众关于交通和住房的问题。`;
const article = (title: string, date: string, text: string): SimilarityInput => ({ title, date, text });

beforeAll(() => loadFoldingTable());

describe('similarityKeys', () => {
  it('drops part markers from the end of a title: 1/3, （二）, (3), 之七, part 2', () => {
    const key = similarityKeys(article('城市与河流 - 02/01/17「夜谈」', '2017-01-02', '')).title;
    for (const title of ['城市与河流 - 02/01/17「夜谈」1/3', '城市与河流 - 02/01/17「夜谈」 3/3', '城市与河流 - 02/01/17「夜谈」（二）', '城市与河流 - 02/01/17「夜谈」(3)（四）']) {
      expect(similarityKeys(article(title, '2017-01-02', '')).title, title).toBe(key);
    }
    expect(similarityKeys(article('我和我的城市之七', '', '')).title).toBe(similarityKeys(article('我和我的城市', '', '')).title);
  });

  it('folds traditional to simplified, so both scripts of a title are one key', () => {
    expect(similarityKeys(article('香港歷史講座 1/2', '', '')).title).toBe(similarityKeys(article('香港历史讲座 2/2', '', '')).title);
  });

  it('takes the lead from long lines only, skipping a dateline and a byline', () => {
    const keys = similarityKeys(article('标题', '', `26/09/2023 - 11:37\n记者 王明\n${lead('城市与河流')}`));
    expect(keys.lead).toHaveLength(80);
    expect(keys.lead.startsWith('城市与河流主持人')).toBe(true);
    expect(similarityKeys(article('标题', '', '很短的正文。')).lead).toBe('');
  });
});

describe('isNearDuplicate', () => {
  const keys = (title: string, date: string, text = '') => similarityKeys(article(title, date, text));

  it('groups the parts of a multi-part video and two versions of one story', () => {
    expect(isNearDuplicate(keys('城市与河流「夜谈」1/3', '2017-01-02'), keys('城市与河流「夜谈」2/3', '2017-01-02'))).toBe(true);
    expect(isNearDuplicate(keys('港口扩建计划获批', '2020-07-22'), keys('港口扩建计划获批', '2020-07-24'))).toBe(true);
  });

  it('keeps apart a weekly column that reuses its title', () => {
    expect(isNearDuplicate(keys('七张图看一周大事', '2020-07-04'), keys('七张图看一周大事', '2020-07-11'))).toBe(false);
  });

  it('groups the same wire story under alike titles, not a lecture series that shares its introduction', () => {
    const text = lead('港口扩建计划');
    expect(isNearDuplicate(keys('港口扩建计划获批 居民担忧', '2020-07-16', text), keys('扩建计划获批：港口居民担忧', '2020-07-16', text))).toBe(true);
    const intro = lead('科幻写作公开讲座');
    expect(isNearDuplicate(keys('科幻写作公开讲座04｜飞鸟：科幻与历史', '2020-05-01', intro), keys('科幻写作公开讲座05｜海虹：雌雄同体的写作', '2020-05-08', intro))).toBe(false);
  });

  it('groups a repost whose title gained a prefix and a variant character, within a day, over alike leads', () => {
    const text = `${lead('总领馆关闭')}\n记者补充：当地时间周三晚间，馆内有人焚烧文件。`;
    const repost = `${lead('总领馆关闭')}\n（本文转载自德国之声）`;
    expect(isNearDuplicate(keys('美要求中国速关休斯顿总领馆 中方:“政治挑衅”', '2020-07-22', text), keys('德国之声｜美要求中国速关休斯敦总领馆 中方:“政治挑衅”', '2020-07-23', repost))).toBe(true);
    // Two days apart: a daily report's alike titles and formulaic leads are not one story.
    const report = (day: number, rate: string) => `上海7月${day}日，据测算，今日人民币中间价料开在${rate}元附近，较上一交易日的模型测算值变动较小，逆周期因子的影响有限，市场交投平稳。`;
    expect(isNearDuplicate(keys('人民币中间价料开在6.9957元附近 逆周期影响48点', '2020-07-17', report(17, '6.9957')), keys('人民币中间价料开在6.9954元附近 逆周期影响40点', '2020-07-20', report(20, '6.9954')))).toBe(false);
    // The same day, alike titles over different leads: a daily programme.
    const monday = '今天的主要内容有：国务院常务会议部署防汛救灾工作，各地抢修受损的堤坝和道路，确保群众安全转移和基本生活。';
    const tuesday = '今天的主要内容有：乡村振兴座谈会在西部召开，农民合作社介绍新品种茶叶的种植经验，外贸订单持续回暖。';
    expect(isNearDuplicate(keys('2020年07月20日新闻联播', '2020-07-20', monday), keys('2020年07月21日新闻联播', '2020-07-21', tuesday))).toBe(false);
  });

  it('never groups titles too short to mean anything', () => {
    expect(isNearDuplicate(keys('快讯', '2020-07-16'), keys('快讯', '2020-07-16'))).toBe(false);
  });
});

describe('assignSimilarGroups', () => {
  const articles = [
    article('城市与河流「夜谈」1/3', '2017-01-02', ''),
    article('另一篇文章', '2017-01-02', ''),
    undefined,
    article('城市与河流「夜谈」2/3', '2017-01-02', ''),
    article('城市与河流「夜谈」3/3', '2017-01-03', ''),
  ];

  it('gives each article the number of the first earlier article it nearly duplicates', () => {
    expect([...assignSimilarGroups(articles)]).toEqual([0, 1, 2, 0, 0]);
  });

  it('never changes the group of earlier articles when later ones are added', () => {
    const before = assignSimilarGroups(articles.slice(0, 4));
    const after = assignSimilarGroups([...articles, article('另一篇文章', '2017-01-03', '')]);
    expect([...after.slice(0, 4)]).toEqual([...before]);
    expect(after[5]).toBe(1);
  });
});

describe('collapseHits and collapsePage', () => {
  const hit = (number: number): SearchHit => ({ number, score: 10 - number, terms: [] });
  const groupOf = (n: number) => [0, 1, 0, 3, 1, 5, 0, 7][n]!;
  const hits = [0, 1, 2, 3, 4, 5, 6, 7].map(hit);

  it('keeps the first hit of each group and lists the others under it, in order', () => {
    const collapsed = collapseHits(hits, groupOf);
    expect(collapsed.map((h) => h.number)).toEqual([0, 1, 3, 5, 7]);
    expect(collapsed[0]!.similar!.map((h) => h.number)).toEqual([2, 6]);
    expect(collapsed[1]!.similar!.map((h) => h.number)).toEqual([4]);
    expect(collapsed[2]!.similar).toBeUndefined();
  });

  it('pages through groups: every article on exactly one page, none skipped', () => {
    const seen: number[] = [];
    for (let offset = 0; offset < 6; offset += 2) {
      const page = collapsePage(hits, groupOf, offset, 2);
      expect(page.groups).toBe(5);
      for (const leader of page.hits) seen.push(leader.number, ...(leader.similar ?? []).map((h) => h.number));
    }
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('nearDuplicatePairs', () => {
  it('finds the pairs in a list (what the quality benchmark counts in a top ten)', () => {
    const list = [article('城市与河流「夜谈」1/3', '2017-01-02', ''), article('另一篇', '2017-01-02', ''), article('城市與河流「夜談」3/3', '2017-01-02', '')];
    expect(nearDuplicatePairs(list)).toEqual([[0, 2]]);
  });
});

describe('collapsed search over a built index', () => {
  let dir: string;
  let searcher: Searcher;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nas-similar-'));
    const input = path.join(dir, 'in');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(input);
    const write = (name: string, title: string, date: string, url: string, body: string) =>
      writeFile(path.join(input, name), `---\ntitle: "${title}"\ndate: ${date}\nfrom: ${url}\ntags: [城寨]\n---\n${body}`);
    for (const part of [1, 2, 3]) {
      await write(`part-${part}.md`, `运河边的灯塔 - 02/01/17「夜谈」${part}/3`, `2017-01-02T0${part}:00:00Z`, `https://video.example/${part}`, `<p>${lead('运河边的灯塔')}第${part}节。</p>`);
    }
    for (let i = 0; i < 12; i++) {
      await write(`other-${i}.md`, `灯塔守护者的第${i}个故事`, `2017-${String(i + 1).padStart(2, '0')}-15T00:00:00Z`, `https://story.example/${i}`, `<p>第${i}个故事：灯塔的守护者在第${i}年写下了不同的日记，讲述他看见的船和人。</p>`);
    }
    await buildArchiveIndex({ input, out: path.join(dir, 'out'), cache: false, now: Date.UTC(2026, 0, 1) });
    searcher = await Searcher.open(fileIndexSource(path.join(dir, 'out')));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists the three parts as one result with two similar, total articles and groups apart', async () => {
    const response = await searcher.search({ text: '运河 灯塔', limit: 10 });
    expect(response.total).toBe(3);
    expect(response.groups).toBe(1);
    const [result] = await searcher.results(response.hits);
    expect(result!.similar!.map((r) => r.title)).toHaveLength(2);
    expect(result!.similar![0]).toMatchObject({ outlet: '城寨' });
  });

  it('lists every article flat with collapse: false', async () => {
    const response = await searcher.search({ text: '运河 灯塔', limit: 10, collapse: false });
    expect(response.hits).toHaveLength(3);
    expect(response.hits.every((hit) => hit.similar === undefined)).toBe(true);
    expect(response.groups).toBe(3);
  });

  it('pages by groups over many results: no article repeated or skipped', async () => {
    const all = await searcher.search({ text: '灯塔', limit: 100, collapse: false });
    expect(all.total).toBe(15);
    const seen: number[] = [];
    let groups = 0;
    for (let offset = 0; offset < 20; offset += 4) {
      const page = await searcher.search({ text: '灯塔', offset, limit: 4 });
      groups = page.groups;
      for (const hit of page.hits) seen.push(hit.number, ...(hit.similar ?? []).map((h) => h.number));
    }
    expect(groups).toBe(13);
    expect(seen.sort((a, b) => a - b)).toEqual(all.hits.map((h) => h.number).sort((a, b) => a - b));
  });

  it('leaves a listing without words flat by default', async () => {
    const response = await searcher.search({ text: '', limit: 100 });
    expect(response.hits).toHaveLength(15);
    expect(response.groups).toBe(15);
  });
});
