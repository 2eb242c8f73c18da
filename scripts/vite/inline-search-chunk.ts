/**
 * The widget's inline mode (src/ui/search-inline.ts: the search served in the page when no worker
 * may start) as one chunk: the search service, the core it imports as it starts, and the
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

/** The chunk's name (its file is `assets/inline-search-[hash].js`; `search-inline` and `inline-core` remain as the two dynamic imports' entry points, a line each). */
export const INLINE_SEARCH_CHUNK = 'inline-search';

const ROOT = /[\\/]src[\\/]ui[\\/]search-inline\.ts$/;
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
