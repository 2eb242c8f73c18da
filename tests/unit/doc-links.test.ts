import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One Markdown link as written in a file: its target and the line it is on. */
interface DocLink {
  target: string;
  line: number;
}

/**
 * The text of a Markdown file with fenced code blocks and inline code spans blanked out (lines are
 * kept, so line numbers stay right): a `[title](url)` inside code is an example, not a link.
 */
function withoutCode(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      if (inFence) return '';
      return line.replace(/(`+)[^`]*?\1/g, '');
    })
    .join('\n');
}

/** Every inline link `[text](target)` and image `![alt](target)` outside code. */
function linksIn(markdown: string): DocLink[] {
  const links: DocLink[] = [];
  withoutCode(markdown)
    .split('\n')
    .forEach((text, i) => {
      for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        links.push({ target: match[1]!, line: i + 1 });
      }
    });
  return links;
}

/**
 * GitHub's anchor for a heading (github-slugger): lower case, punctuation dropped (letters,
 * marks, numbers, `_`, `-` and spaces kept), spaces turned into hyphens.
 */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings, with GitHub's `-1`, `-2` … for repeated ones. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(markdown.replace(/`/g, '\u0000')).split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line.replace(/\u0000/g, ''));
    if (!heading) continue;
    const base = slug(heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/**
 * The relative links of `file` (a path under the repo) that point at no file, or at no heading of
 * the Markdown file they name, as `file:line target` strings. Web and mail links are not checked.
 */
function brokenLinks(file: string, read: (file: string) => string | undefined): string[] {
  const markdown = read(file);
  if (markdown === undefined) return [`${file}: missing`];
  const broken: string[] = [];
  for (const { target, line } of linksIn(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [pathPart = '', anchor] = target.split('#', 2);
    const resolved = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(pathPart)));
    const text = resolved.endsWith('.md') || anchor !== undefined ? read(resolved) : undefined;
    const exists = text !== undefined || existsSync(path.join(ROOT, resolved));
    if (!exists || resolved.startsWith('..')) {
      broken.push(`${file}:${line} ${target} (no file ${resolved})`);
    } else if (anchor !== undefined && (text === undefined || !anchorsOf(text).has(decodeURIComponent(anchor)))) {
      broken.push(`${file}:${line} ${target} (no heading #${anchor} in ${resolved})`);
    }
  }
  return broken;
}

function readRepoFile(file: string): string | undefined {
  const full = path.join(ROOT, file);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
}

const DOC_FILES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

describe('slug', () => {
  it('makes the anchors GitHub makes, code and punctuation dropped', () => {
    expect(slug('Embed the search')).toBe('embed-the-search');
    expect(slug('npm run index: build an index')).toBe('npm-run-index-build-an-index');
    expect(slug("The hosted page's header")).toBe('the-hosted-pages-header');
    expect(slug('Same site, or another origin (CORS)')).toBe('same-site-or-another-origin-cors');
    expect(slug('What holds at 1,000,000')).toBe('what-holds-at-1000000');
    expect(slug('2026-12-07: the merge of #17–#21, a regression')).toBe('2026-12-07-the-merge-of-1721-a-regression');
  });
});

describe('brokenLinks', () => {
  const files: Record<string, string> = {
    'a.md': '# Top\n\n## Part two\n\n## Part two\n\nSee [b](docs/b.md#usage), [self](#part-two-1), [web](https://example.org/x).\n',
    'docs/b.md': '# B\n\n## `usage`\n\n[back](../a.md#top) [gone](c.md) [bad anchor](../a.md#nowhere)\n\n```\n[not a link](nowhere.md)\n```\n',
  };
  const read = (file: string): string | undefined => files[file];

  it('accepts links to files and headings that exist, repeated headings included', () => {
    expect(brokenLinks('a.md', read)).toEqual([]);
  });

  it('names a link to a missing file and one to a missing heading, ignoring code', () => {
    expect(brokenLinks('docs/b.md', read)).toEqual([
      'docs/b.md:5 c.md (no file docs/c.md)',
      'docs/b.md:5 ../a.md#nowhere (no heading #nowhere in a.md)',
    ]);
  });
});

describe('the README and docs/', () => {
  it('find every Markdown file they are checked over', () => {
    expect(DOC_FILES).toContain('README.md');
    expect(DOC_FILES).toContain('docs/cli.md');
  });

  it.each(DOC_FILES)('%s links only to files and headings that exist', (file) => {
    expect(brokenLinks(file, readRepoFile)).toEqual([]);
  });

  it('keeps the README a front page of at most 250 lines', () => {
    expect(readRepoFile('README.md')!.split('\n').length).toBeLessThanOrEqual(250);
  });
});
