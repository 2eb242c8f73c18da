/**
 * `values-<hash>.bin`: one categorical column's values (an author, a tag…) by the code the docs
 * table stores, each with its archive-wide article count and, where it differs, its name in
 * traditional characters. gzip JSON:
 *
 * ```json
 * { "names": ["张三", "李四", "Reuters"], "counts": [12, 0, 3], "traditional": { "0": "張三" } }
 * ```
 * `counts[code]` is how many articles hold the value (0 for a value an earlier build gave a code and
 * no article holds any more: codes never change). `traditional` is sparse: codes whose name reads
 * the same in both scripts are absent. The page fetches the file after its first results (the
 * lists, the start page's counts and the traditional UI's names need it; a first answer does not).
 */

/** One column's values by code. */
export interface FacetValueTable {
  /** The stored names by code: what filters, URLs (`author=`) and the CLI name. */
  names: readonly string[];
  /** Articles in the whole archive holding each value, by code. */
  counts: readonly number[];
  /** The name in traditional characters, by code, where it differs from the stored name. */
  traditional: Readonly<Record<number, string>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The file's bytes (before gzip) for `table`.
 * @example decodeFacetValues(encodeFacetValues({ names: ['张三'], counts: [2], traditional: { 0: '張三' } })).traditional[0] // '張三'
 */
export function encodeFacetValues(table: FacetValueTable): Uint8Array {
  return encoder.encode(JSON.stringify({ names: table.names, counts: table.counts, traditional: table.traditional }));
}

/**
 * Reads a values file's bytes (after gunzip).
 * @throws RangeError when they are not a values table: not JSON, names not strings, counts not one
 *   whole number per name, a traditional form for a code the table does not have
 */
export function decodeFacetValues(data: Uint8Array): FacetValueTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(data));
  } catch {
    throw new RangeError('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RangeError('not a table of values');
  const { names, counts, traditional } = parsed as Record<string, unknown>;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) throw new RangeError('its names are not a list of strings');
  if (!Array.isArray(counts) || counts.length !== names.length || !counts.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
    throw new RangeError('its counts are not one whole number per name');
  }
  if (typeof traditional !== 'object' || traditional === null || Array.isArray(traditional)) throw new RangeError('its traditional forms are not a table');
  const forms: Record<number, string> = {};
  for (const [key, form] of Object.entries(traditional)) {
    const code = Number(key);
    if (!Number.isInteger(code) || code < 0 || code >= names.length || String(code) !== key || typeof form !== 'string') throw new RangeError(`its traditional form "${key.slice(0, 20)}" names no value`);
    forms[code] = form;
  }
  return { names: names as string[], counts: counts as number[], traditional: forms };
}
