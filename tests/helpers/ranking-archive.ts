import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { needsFoldingTable } from '../../src/lib/search/text/fold.ts';

/** One hand-written article of the ranking fixtures: its file name, title and body paragraphs. */
export interface RankingArticle {
  file: string;
  title: string;
  /** Paragraphs; each gets a filler sentence of its own after it unless `short`. */
  paragraphs: string[];
  /** A blurb: no filler, so its text stays under 100 characters. */
  short?: boolean;
}

/**
 * Filler text: `count` distinct characters from U+5A00–U+5CFF (no character any ranking query
 * uses; traditional forms skipped, so the filler leaves an article's script alone), starting at
 * `offset`, so that every article has a text of full length whose bigrams match nothing the
 * tests search for.
 */
export function filler(offset: number, count = 40): string {
  let text = '';
  for (let i = 0; text.length < count; i++) {
    const char = String.fromCodePoint(0x5a00 + ((offset * 97 + i) % 0x300));
    if (!needsFoldingTable(char)) text += char;
  }
  return `${text}。`;
}

/**
 * Writes the articles as Jekyll posts (front matter with title, date, source URL, outlet tag)
 * into `dir`. Each full article carries about 400 characters of filler: as long as a short news
 * item, so length normalization leaves it alone.
 */
export async function writeRankingArchive(dir: string, articles: readonly RankingArticle[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    articles.map((article, i) => {
      const body = article.short
        ? article.paragraphs.map((p) => `<p>${p}</p>`).join('\n')
        : [...article.paragraphs.map((p, k) => `<p>${p}${filler(i * 13 + k)}</p>`), ...Array.from({ length: 10 }, (_, k) => `<p>${filler(i * 13 + 5 + k)}</p>`)].join('\n');
      const text = `---\ntitle: "${article.title}"\ndate: 2020-07-${String(10 + (i % 20)).padStart(2, '0')}T08:00:00Z\nfrom: https://www.rfi.fr/cn/ranking/${path.basename(article.file, '.md')}\ntags: [法广]\n---\n\n${body}\n`;
      return writeFile(path.join(dir, article.file), text);
    }),
  );
}
