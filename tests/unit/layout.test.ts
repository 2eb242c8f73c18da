/**
 * The layout's rules, checked over the import statements of the source (issue #15): build-only
 * code (`src/lib/search/build/`, `scripts/`, `node:*`) cannot reach the browser, `src/lib` depends
 * on no runtime folder, and the scripts read the search library through its two entries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

/** Module specifiers in `source`: static imports and re-exports, `import()`, and `new URL(…, import.meta.url)`. */
function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  // Not the examples in comments: block comments, and whole-line ones.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Repo-relative paths of the modules `file` imports (relative specifiers only), and its bare ones. */
function importsOf(file: string): { local: string[]; bare: string[] } {
  const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const local: string[] = [];
  const bare: string[] = [];
  for (const specifier of importSpecifiers(source)) {
    if (specifier.startsWith('.')) local.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.split('?')[0]!)));
    else bare.push(specifier);
  }
  return { local, bare };
}

/** Every module reachable from `entries`, with the bare specifiers they import. */
function graphOf(entries: readonly string[]): { modules: Set<string>; bare: Set<string> } {
  const modules = new Set<string>();
  const bare = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    const imports = importsOf(file);
    for (const specifier of imports.bare) bare.add(specifier);
    for (const next of imports.local) if (/\.(ts|svelte)$/.test(next)) queue.push(next);
  }
  return { modules, bare };
}

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => path.posix.join(path.relative(REPO_ROOT, entry.parentPath).split(path.sep).join('/'), entry.name));
}

/** What the browser runs: the page's entry, the widget, the search worker, the service worker and the offline keeper. */
const BROWSER_ENTRIES = ['src/boot/main.ts', 'src/widget/index.ts', 'src/worker/search-worker.ts', 'src/offline/sw.ts', 'src/offline/keep-worker.ts'];

describe('the layout', () => {
  it('reads import specifiers of every form the source uses', () => {
    const source = `import a from './a.ts';\nimport type { B } from "./b.ts";\nexport { c } from './c.ts';\nimport './d.ts';\nconst e = import('./e.ts');\nimport url from './f.ts?worker&url';\nnew URL('./g.ts', import.meta.url);\n/** @example import('./h.ts') */\n// import x from './i.ts';`;
    expect(importSpecifiers(source).sort()).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts?worker&url', './g.ts']);
  });

  it('keeps build-only code out of everything the browser runs', () => {
    const { modules, bare } = graphOf(BROWSER_ENTRIES);
    // The walk reaches the search core and the App: it is not vacuous.
    expect(modules).toContain('src/lib/search/searcher.ts');
    expect(modules).toContain('src/ui/components/App.svelte');
    expect([...modules].filter((file) => file.startsWith('src/lib/search/build/') || file.startsWith('scripts/') || !file.startsWith('src/'))).toEqual([]);
    expect([...bare].filter((specifier) => specifier.startsWith('node:'))).toEqual([]);
  });

  it('lets src/lib depend on no runtime folder and on no script', () => {
    const outside = filesUnder('src/lib').flatMap((file) => importsOf(file).local.filter((target) => !target.startsWith('src/lib/')).map((target) => `${file} → ${target}`));
    expect(outside).toEqual([]);
  });

  it('has the scripts read the search library through its two entries', () => {
    const entries = new Set(['src/lib/search/index.ts', 'src/lib/search/build/index.ts']);
    const inside = filesUnder('scripts').flatMap((file) => importsOf(file).local.filter((target) => target.startsWith('src/lib/search/') && !entries.has(target)).map((target) => `${file} → ${target}`));
    expect(inside).toEqual([]);
  });

  it('keeps the public entry free of the build', () => {
    const { modules } = graphOf(['src/lib/search/index.ts']);
    expect([...modules].filter((file) => file.startsWith('src/lib/search/build/'))).toEqual([]);
  });
});
