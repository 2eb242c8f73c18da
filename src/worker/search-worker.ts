/**
 * The search worker: the search service (`search-service.ts`) on the worker's own scope, so that
 * typing never waits for MiniSearch, decompression or folding tables. This first script is small:
 * the service asks for the core as it loads and fetches the first answer's files meanwhile.
 */
import { serveSearch } from './search-service.ts';

serveSearch(self as unknown as DedicatedWorkerGlobalScope);
