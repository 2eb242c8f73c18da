/**
 * The widget's inline mode (src/worker/search-inline.ts: the search served in the page when no
 * worker may start) as one chunk: the search service, the core it imports as it starts, and the
 * modules only they use. Left to itself, Rolldown cut that graph into four files (the service,
 * its core, and two chunks of the modules both import), each compressed apart and the core asked
 * for only once the service ran: docs/widget.md has the sizes.
 *
 * A module belongs to it when every importer does, starting from `search-inline.ts`; the core
 * (`search-core.ts`) is the one dynamic import taken in. Everything else reached through `import()`
 * (the folding table, related stories) stays a chunk of its own, and a module the App or the
 * hosted page imports too stays out: the group never makes them load the page's copy of the search.
 */
import type { ModuleInfo } from 'rolldown';
import type { Plugin } from 'vite';

/** The chunk's name (its file is `assets/inline-search-[hash].js`; `search-inline` and `inline-core` remain as the two dynamic imports' entry points, a line each). */
export const INLINE_SEARCH_CHUNK = 'inline-search';

const ROOT = /[\\/]src[\\/]worker[\\/]search-inline\.ts$/;
const CORE = /[\\/]search-core\.ts$/;

/**
 * A `codeSplitting` group's `name` function: `INLINE_SEARCH_CHUNK` for the modules of the inline
 * search, null for the others. One memo per build.
 */
export function inlineSearchChunk(): (id: string, ctx: { getModuleInfo(id: string): ModuleInfo | null }) => string | null {
  const memo = new Map<string, boolean>();
  const belongs = (id: string, getModuleInfo: (id: string) => ModuleInfo | null): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (ROOT.test(id)) return true;
    // In a cycle, assume it belongs until an importer outside says otherwise.
    memo.set(id, true);
    const info = getModuleInfo(id);
    const dynamic = info?.dynamicImporters ?? [];
    const importers = [...(info?.importers ?? []), ...dynamic];
    const result =
      info !== null &&
      importers.length > 0 &&
      (dynamic.length === 0 || CORE.test(id)) &&
      importers.every((importer) => belongs(importer, getModuleInfo));
    memo.set(id, result);
    return result;
  };
  return (id, ctx) => (belongs(id, (m) => ctx.getModuleInfo(m)) ? INLINE_SEARCH_CHUNK : null);
}

/** Chunks loaded by the hosted page or by every widget: none may import the inline search's chunk. */
const EAGER_OR_PAGE = /^(app|preopen|index|mount-app|widget|offline-side|facet-controls|Timeline|ReaderView)$/;

/**
 * Stops the build when a chunk that the hosted page or every widget loads imports the inline
 * search's chunk (a module they share was put in it, as Rolldown did with `archive-files.ts`
 * before vite.config.ts's `CHUNK_OF_FOLDER` gave it a chunk of its own): they would download the
 * page's copy of the search for nothing.
 */
export function inlineSearchGuard(): Plugin {
  return {
    name: 'inline-search-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const inline = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.name === INLINE_SEARCH_CHUNK);
      if (!inline) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && EAGER_OR_PAGE.test(chunk.name) && chunk.imports.includes(inline.fileName)) {
          this.error(`inline-search-guard: ${chunk.fileName} imports ${inline.fileName}, the widget's inline search: a module they share belongs in a chunk of its own (scripts/vite/inline-search-chunk.ts)`);
        }
      }
    },
  };
}
