/**
 * The facet column's controls (outlet, author, tag and dates), a chunk of their own (`CHUNK_OF_FOLDER` in
 * vite.config.ts): `FacetPanel.svelte` lays them out only after the first page of results is
 * painted, so the widget does not download them before its first results, and the hosted page
 * preloads the chunk (scripts/vite/page-preloads.ts).
 */
export { default as CategoricalFacet } from './CategoricalFacet.svelte';
export { default as DateFacet } from './DateFacet.svelte';
export { facetValues, storedFilters } from '../../state/facet-values-list.ts';
