import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { foldText } from '../../src/lib/search/text/fold.ts';
import type { ArticleFragment } from '../../src/lib/search/format/index-format.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { expandTerm } from '../../src/lib/search/text/synonyms.ts';
import { splitRuns } from '../../src/lib/search/text/tokenize.ts';
import { SHARED_CORPUS } from '../helpers/paths.ts';

/**
 * Recall and precision of the whole pipeline on the real archive, against a brute-force scan of
 * every article's folded title + text. A term is "contained" when any of its synonym variants is
 * (that is what the search promises), a Chinese run as a substring, a Latin word or number where
 * a word starts with it (`covid` in `covid19`, not `kong` in `hongkong`).
 */
/** A phrase is contained where its folded text occurs, any whitespace standing for its spaces. */
const QUERIES = [
  // names
  '王毅', '习近平', '蔡英文', '拜登', '蓬佩奥', '林郑月娥', '黄之锋', '特朗普', '川普', '普京',
  // places, simplified and traditional
  '香港', '台湾', '臺灣', '新疆', '武汉', '印度', '澳大利亚', '國安法', '選舉', '疫情',
  // one and two characters
  '港', '疫', '鸡', '疫苗', '华为',
  // English
  'huawei', 'trump', 'covid', 'tiktok', 'hong kong',
  // two terms, mixed
  '王毅 美国', '香港 国安法', '疫苗 英国', '美国 tiktok',
  // phrases and exclusions
  '"国家安全"', '"香港国安法"', '香港 -国安法',
];

let dir: string;
let searcher: Searcher;
let corpus: Array<{ number: number; folded: string }>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nas-recall-'));
  const { manifest } = await buildArchiveIndex({ input: SHARED_CORPUS, out: dir, cache: false });
  searcher = await Searcher.open(fileIndexSource(dir));
  const fragments: ArticleFragment[] = await Promise.all(Array.from({ length: manifest.articles }, (_, n) => searcher.fragment(n)));
  corpus = fragments.map((f, number) => ({ number, folded: foldText(`${f.title}\n${f.text}`) }));
}, 600_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/** Does folded `text` contain folded `form` (Chinese runs as substrings, Latin words at word starts)? */
function containsForm(text: string, form: string): boolean {
  return splitRuns(form).every((run) => {
    const piece = form.slice(run.start, run.end);
    if (run.kind === 'cjk') return text.includes(piece);
    return new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(text);
  });
}

function bruteForce(query: string): Set<number> {
  const include: string[][] = [];
  const exclude: string[][] = [];
  for (const match of query.matchAll(/(-?)(?:"([^"]+)"|(\S+))/g)) {
    const folded = foldText(match[2] ?? match[3]!);
    if (match[2] && !match[1]) continue; // included phrases are checked below
    (match[1] ? exclude : include).push(match[2] ? [folded] : expandTerm(folded));
  }
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => squeeze(foldText(m[1]!)));
  const hits = new Set<number>();
  for (const { number, folded } of corpus) {
    const ok =
      include.every((forms) => forms.some((f) => containsForm(folded, f))) &&
      !exclude.some((forms) => forms.some((f) => containsForm(folded, f))) &&
      (phrases.length === 0 || phrases.every((p) => squeeze(folded).includes(p)));
    if (ok) hits.add(number);
  }
  return hits;
}

describe('recall and precision on ../shared/corpus', () => {
  it.each(QUERIES)('finds every article that contains %s, and almost nothing else', async (query) => {
    const expected = bruteForce(query);
    // Every matching article, near-duplicates not collapsed: recall is over articles.
    const response = await searcher.search({ text: query, limit: 100_000, collapse: false }, { phraseCheckLimit: 100_000 });
    const found = new Set(response.hits.map((h) => h.number));
    const missed = [...expected].filter((n) => !found.has(n));
    const extra = [...found].filter((n) => !expected.has(n));
    expect(expected.size, 'the query should have matches in the archive').toBeGreaterThan(0);
    expect(missed, 'recall must be 100%').toEqual([]);
    expect(extra.length / Math.max(1, found.size), 'results without the terms').toBeLessThan(0.01);
    for (const hit of response.hits.slice(0, 10)) expect(expected.has(hit.number), 'every top-10 result holds the terms').toBe(true);
  });
});
