/**
 * `npm run bench -- --quality [--input DIR] [--index DIR] [--skip-pagefind]` (issue #17): how
 * good the first ten results are, for this project and for Pagefind on the same articles.
 *
 * Over `QUALITY_QUERIES` (names, places, simplified and traditional, English, two-term and
 * phrase queries): recall against the folded substring truth, precision@10 against the literal
 * text and against the folded text, and the share of top-10 lists holding two near-duplicate
 * titles (`nearDuplicateTitles`). Pagefind's lists come from the `--compare pagefind` machinery
 * (compare-pagefind.ts): the same rendered pages, its JS API in Chromium.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { foldText, loadFoldingTable } from '../../src/lib/search/index.ts';
import { type ArticleFragment, fragmentPath, type Manifest } from '../../src/lib/search/index.ts';
import { buildArchiveIndex } from '../compiler/build-archive-index.ts';
import { appResultLists, pagefindResultLists, scanTruth } from './compare-pagefind.ts';
import type { ResultLists } from './compare-report.ts';
import { buildPagefind } from './build-pagefind.ts';
import { startGzipHost } from './gzip-host.ts';
import { launchChromium } from './page-harness.ts';
import { QUALITY_QUERIES } from './quality-queries.ts';
import { meanOfDefined, scoreResults } from './recall.ts';
import { renderArticleSite } from './render-pages.ts';
import { table } from './stats.ts';

export interface QualityOptions {
  /** The archive folder. */
  input: string;
  /** An index of `input` built already (else one is built in a temporary folder). */
  indexDir?: string;
  /** This project alone (no Pagefind build, no browser). */
  skipPagefind?: boolean;
}

/**
 * A query's substrings for the truth: a quoted phrase is one substring (its words contiguous),
 * every other whitespace-separated word one more.
 * @example qualityTerms('"国家安全" 香港') // ['国家安全', '香港']
 */
export function qualityTerms(query: string): string[] {
  const terms: string[] = [];
  const rest = query.replace(/"([^"]+)"/g, (_, phrase: string) => {
    terms.push(phrase.trim().replace(/\s+/g, ' '));
    return ' ';
  });
  for (const word of rest.split(/\s+/)) if (word) terms.push(word);
  if (terms.length === 0) throw new Error('quality: an empty query has no substring truth');
  return terms;
}

/** Minimum Dice coefficient of two titles' character bigrams for them to count as near-duplicates. */
export const NEAR_DUPLICATE_DICE = 0.8;

/**
 * Whether two titles are near-duplicates: after folding and keeping letters only (digits,
 * punctuation and spaces dropped: "… 1/3" and "… 2/3" are parts of one video), their character
 * bigrams overlap with a Dice coefficient of at least `NEAR_DUPLICATE_DICE`.
 * @example nearDuplicateTitles('香港人香港史 下 - 1/3', '香港人香港史 下 - 2/3') // true
 */
export function nearDuplicateTitles(a: string, b: string): boolean {
  const letters = (title: string) => [...foldText(title)].filter((c) => /\p{L}/u.test(c)).join('');
  const x = letters(a);
  const y = letters(b);
  if (x === y) return true;
  const bigrams = (s: string) => {
    const chars = [...s];
    const set = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i]! + chars[i + 1]!);
    return set;
  };
  const bx = bigrams(x);
  const by = bigrams(y);
  if (bx.size === 0 || by.size === 0) return false;
  let shared = 0;
  for (const bigram of bx) if (by.has(bigram)) shared++;
  return (2 * shared) / (bx.size + by.size) >= NEAR_DUPLICATE_DICE;
}

/** True when some two of the titles are near-duplicates. */
export function hasNearDuplicates(titles: readonly string[]): boolean {
  for (let i = 0; i < titles.length; i++) for (let j = i + 1; j < titles.length; j++) if (nearDuplicateTitles(titles[i]!, titles[j]!)) return true;
  return false;
}

/** Runs the quality benchmark and returns the printable report. */
export async function benchQuality(options: QualityOptions): Promise<string> {
  const log = (line: string): void => console.error(`quality: ${line}`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'nas-quality-'));
  try {
    let indexDir = options.indexDir;
    if (!indexDir) {
      indexDir = path.join(work, 'index');
      log(`building this project's index of ${options.input}…`);
      await buildArchiveIndex({ input: options.input, out: indexDir });
    }
    const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as Manifest;
    log(`scanning ${manifest.articles} articles for the ground truth…`);
    const truth = await scanTruth(indexDir, manifest.slots, QUALITY_QUERIES, qualityTerms);
    await loadFoldingTable();
    const titles = new Map<number, string>();
    for (let number = 0; number < (manifest.slots); number++) {
      const fragment = JSON.parse(await readFile(path.join(indexDir, fragmentPath(number)), 'utf8').catch(() => 'null')) as ArticleFragment | null;
      if (fragment) titles.set(number, fragment.title);
    }
    const app = await appResultLists(indexDir, QUALITY_QUERIES);
    let pf: ResultLists | null = null;
    if (!options.skipPagefind) {
      const siteDir = path.join(work, 'site');
      log('rendering the article pages and running Pagefind…');
      await renderArticleSite(indexDir, siteDir);
      await buildPagefind(siteDir);
      const host = await startGzipHost([{ prefix: '/', dir: siteDir }]);
      let browser: Browser | null = null;
      try {
        browser = await launchChromium();
        pf = await pagefindResultLists(browser, host.url, QUALITY_QUERIES);
      } finally {
        await browser?.close().catch(() => undefined);
        await host.close();
      }
    }
    return formatQuality(truth, titles, app, pf);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface EngineScores {
  recall: number[];
  literal: number[];
  folded: number[];
  duplicates: number[];
}

function formatQuality(
  truth: Awaited<ReturnType<typeof scanTruth>>,
  titles: ReadonlyMap<number, string>,
  app: ResultLists,
  pf: ResultLists | null,
): string {
  const percent = (fraction: number): string => (Number.isNaN(fraction) ? '–' : `${(fraction * 100).toFixed(1)} %`);
  const scores = { app: blank(), pf: blank() };
  const rows: string[][] = [['query', 'truth: folded / literal', 'results', 'recall', 'P@10 literal / folded', 'dup. titles', 'Pagefind: results', 'recall', 'P@10 literal / folded', 'dup. titles']];
  for (const query of QUALITY_QUERIES) {
    const folded = truth.folded.of(query);
    const literal = truth.literal.of(query);
    const cells = (lists: ResultLists | null, into: EngineScores): string[] => {
      if (!lists) return ['–', '–', '–', '–'];
      const list = lists.lists.get(query) ?? [];
      // Recall over every matching article; precision and near-duplicates over the first page shown.
      const page = lists.shown?.get(query) ?? list.slice(0, 10);
      const f = scoreResults(list, folded);
      const l = scoreResults(page, literal);
      const duplicate = page.length ? (hasNearDuplicates(page.slice(0, 10).map((n) => titles.get(n) ?? '')) ? 1 : 0) : Number.NaN;
      into.recall.push(f.recall);
      into.literal.push(l.precision);
      into.folded.push(scoreResults(page, folded).precision);
      into.duplicates.push(duplicate);
      return [String(lists.totals.get(query) ?? list.length), percent(f.recall), `${percent(l.precision)} / ${percent(into.folded.at(-1)!)}`, Number.isNaN(duplicate) ? '–' : duplicate ? 'yes' : 'no'];
    };
    rows.push([query, `${folded.size} / ${literal.size}`, ...cells(app, scores.app), ...cells(pf, scores.pf)]);
  }
  const mean = (values: number[]) => percent(meanOfDefined(values));
  const side = (s: EngineScores, present: boolean) => (present ? [mean(s.recall), mean(s.literal), mean(s.folded), mean(s.duplicates)] : ['–', '–', '–', '–']);
  const a = side(scores.app, true);
  const p = side(scores.pf, pf !== null);
  return [
    `Result quality over ${QUALITY_QUERIES.length} queries (scripts/bench/quality-queries.ts). Truth: the articles whose title + text hold every query word (a quoted phrase as one`,
    "substring) after this project's folding (NFKC, case, traditional → simplified: \"folded\") or after lowercasing only (\"literal\"). Recall against the folded truth",
    '(first 1,000 results judged); precision@10 = share of the first 10 results in the truth; dup. titles = the top 10 holds two near-duplicate titles (bigram Dice ≥ 0.8, letters only).',
    '',
    table(rows),
    '',
    table([
      ['figure', 'this project', 'Pagefind 1.6.0'],
      ['recall, mean (folded truth)', a[0]!, p[0]!],
      ['precision@10, mean (literal truth)', a[1]!, p[1]!],
      ['precision@10, mean (folded truth)', a[2]!, p[2]!],
      ['top-10 lists with near-duplicate titles', a[3]!, p[3]!],
    ]),
  ].join('\n');
}

function blank(): EngineScores {
  return { recall: [], literal: [], folded: [], duplicates: [] };
}
