/**
 * A chunk of the search code (the core, the folding table, related stories) that could not be
 * loaded: the network failed, not the index, and retrying may help. Thrown where the chunk is
 * imported, so that the worker tells it from a bug by its class, not by its message.
 */
export class CodeUnavailableError extends Error {}

/**
 * `load()`, its failure (whatever the browser threw) turned into a `CodeUnavailableError` with
 * the same text and the original as `cause`.
 *
 * @example const core = loadCode(() => import('../../worker/search-core.ts'));
 */
export function loadCode<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((error: unknown) => {
    throw new CodeUnavailableError(String(error), { cause: error });
  });
}
