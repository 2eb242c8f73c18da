/**
 * Every value of the categorical columns (author, tag, …) the archive has, with its archive-wide
 * count and its traditional form: the worker's `facetValues` (the index's `values-` files). The
 * page asks once its first results are shown (`load`): the facet lists then know every value (the
 * start page's counts, "show all"'s zero counts), answers counted by code get their names, and the
 * traditional UI shows names in traditional characters. Until then the lists show what answers
 * counted by name.
 */
import type { FacetValueTable } from '../../lib/search/format/facet-values.ts';
import type { StateWorker } from './types.ts';

export class FacetCatalog {
  /** The tables by facet name, once they have arrived. */
  tables: Readonly<Record<string, FacetValueTable>> | null = $state.raw(null);
  private asked: Promise<void> | null = null;

  /**
   * @param client the worker (its index open: ask once the manifest is in)
   * @param log where a failure goes: the lists keep what answers counted, and the next call asks again
   */
  constructor(
    private readonly client: StateWorker,
    private readonly log: (error: unknown) => void,
  ) {}

  /** Asks the worker for the tables, once (again after a failure). Resolves when they are in (or failed). */
  load(): Promise<void> {
    this.asked ??= this.client.request('facetValues', {}).then(
      (tables) => {
        this.tables = tables;
      },
      (error: unknown) => {
        this.asked = null;
        this.log(error);
      },
    );
    return this.asked;
  }

  /** Facet `facet`'s table, once in. */
  table(facet: string): FacetValueTable | undefined {
    return this.tables?.[facet];
  }

  /** Value `value` of facet `facet` in traditional characters (itself when it reads the same, or before the tables are in). */
  traditionalName(facet: string, value: string): string {
    const table = this.tables?.[facet];
    return (table && traditionalByName(table).get(value)) ?? value;
  }
}

const byName = new WeakMap<FacetValueTable, Map<string, string>>();

/** A table's traditional forms by stored name (made once per table). */
function traditionalByName(table: FacetValueTable): Map<string, string> {
  let forms = byName.get(table);
  if (!forms) {
    forms = new Map(Object.entries(table.traditional).map(([code, form]) => [table.names[Number(code)]!, form]));
    byName.set(table, forms);
  }
  return forms;
}
