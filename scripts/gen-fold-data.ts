/**
 * `node --import tsx scripts/gen-fold-data.ts [--check]`
 *
 * Regenerates the traditional → simplified folding data in `src/lib/search/text/` from the installed
 * opencc-js dictionaries (Apache-2.0): `fold-table.ts` (the pairs, loaded on demand), `fold-keys.ts`
 * (the set of characters the table changes, loaded with it) and `fold-candidates.ts` (what `fold.ts`
 * embeds to tell, without either, which characters may need them: docs/widget.md).
 * With `--check` it writes nothing and exits 1 when the committed files are stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainModule, readArgs } from './lib/cli-args.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DICT_DIR = path.join(REPO_ROOT, 'node_modules/opencc-js/dist/esm-lib/dict');
const OUT_DIR = path.join(REPO_ROOT, 'src/lib/search/text');

/**
 * The character-level dictionaries of opencc-js's `t2cn` presets (t2s, tw2s, hk2s). Regional
 * variant tables come first: OpenCC applies them before TSCharacters (`tw2s` = TWVariantsRev then
 * TSPhrases/TSCharacters). Phrase tables are left out on purpose: folding must map one code point
 * to one code point so that offsets map back to the original text. CJK_Compatibility_Ideographs
 * is not needed: NFKC (applied before the table) already maps every one of its keys.
 */
const VARIANT_DICTS = ['TWVariantsRev', 'HKVariantsRev'] as const;
const CHARACTER_DICT = 'TSCharacters';

/**
 * Variant entries dropped because they fold a very common standard simplified character (Taiwan
 * writes 么 for 幺): keeping 么 → 幺 would make every 什么 need the table and fold to 什幺.
 */
const EXCLUDED_VARIANTS = new Set(['么']);

/** Alphabet of the key-set encoding: 32 final digits, then 32 continuation digits. */
export const KEY_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** The generated data, as module texts and the table it encodes. */
export interface FoldingData {
  /** Original code point → folded code point, every entry changing its key. */
  table: Map<number, number>;
  tableModule: string;
  keysModule: string;
  candidatesModule: string;
}

/**
 * Reads the opencc-js dictionaries and builds the folding table and both generated modules.
 *
 * @param dictDir folder of opencc-js's `dist/esm-lib/dict/*.js`
 * @throws Error when a dictionary is missing or holds a multi-character entry
 * @example const { table } = await buildFoldingData(); table.get(0x81fa) // 0x53f0 (臺 → 台)
 */
export async function buildFoldingData(dictDir = DICT_DIR): Promise<FoldingData> {
  const variants = new Map<number, number>();
  for (const name of VARIANT_DICTS) {
    for (const [from, to] of await readCharacterDict(dictDir, name)) {
      if (EXCLUDED_VARIANTS.has(String.fromCodePoint(from))) continue;
      const known = variants.get(from);
      if (known !== undefined && known !== to) throw new Error(`gen-fold-data: ${name} disagrees on U+${hex(from)}`);
      variants.set(from, to);
    }
  }
  const characters = await readCharacterDict(dictDir, CHARACTER_DICT);
  const step = (cp: number): number => {
    const variant = variants.get(cp) ?? cp;
    return characters.get(variant) ?? variant;
  };
  const table = new Map<number, number>();
  for (const key of new Set([...variants.keys(), ...characters.keys()])) {
    // Follow chains (薴 → 苧 → 苎, 為 → 爲 → 为) to their end so folding is idempotent.
    let folded = key;
    for (let guard = 0; ; guard++) {
      const next = step(folded);
      if (next === folded) break;
      if (guard > 8) throw new Error(`gen-fold-data: cycle from U+${hex(key)}`);
      folded = next;
    }
    if (folded !== key) table.set(key, folded);
  }
  for (const [key, folded] of table) {
    const text = String.fromCodePoint(key, folded);
    // The table is applied after NFKC and lowercasing: keys and values must be stable under both.
    if (text.normalize('NFKC').toLowerCase() !== text) throw new Error(`gen-fold-data: U+${hex(key)} is not NFKC-stable`);
  }
  const keys = [...table.keys()].sort((a, b) => a - b);
  return { table, tableModule: tableModule(keys, table), keysModule: keysModule(keys), candidatesModule: candidatesModule(keys) };
}

/**
 * Encodes ascending code points as gaps (`cp - previous - 1`, the first from -1), each a base-32
 * number written with {@link KEY_ALPHABET}: continuation digits (32–63) first, then one final
 * digit (0–31). Consecutive code points cost one character.
 */
export function encodeCodePointSet(sorted: readonly number[]): string {
  let out = '';
  let previous = -1;
  for (const cp of sorted) {
    let gap = cp - previous - 1;
    if (gap < 0) throw new Error('gen-fold-data: code points must ascend without repeats');
    previous = cp;
    out += base32Digits(gap);
  }
  return out;
}

/** A whole number in {@link KEY_ALPHABET}: continuation digits (32–63) first, then one final digit (0–31). */
function base32Digits(n: number): string {
  let digits = KEY_ALPHABET[n % 32]!;
  for (let rest = Math.floor(n / 32); rest > 0; rest = Math.floor(rest / 32)) digits = KEY_ALPHABET[32 + (rest % 32)]! + digits;
  return digits;
}

const LICENSE_HEADER = `// GENERATED by scripts/gen-fold-data.ts from opencc-js (https://github.com/nk2028/opencc-js),
// whose dictionaries come from OpenCC (https://github.com/BYVoid/OpenCC). Both are licensed under
// the Apache License 2.0; this file is a derived work under the same license. Do not edit: rerun
// \`node --import tsx scripts/gen-fold-data.ts\`.`;

/**
 * Encodes the folded values of ascending `keys`: each value as its distance from its key
 * (zig-zag: 0, -1, 1, -2 … → 0, 1, 2, 3 …), in the digits of `encodeCodePointSet`. The keys
 * themselves are `FOLDING_KEYS`, which the browser has already; a simplified character is mostly
 * near its traditional one, so this is 5.5 KB gzip where the pairs as text were 14 KB.
 */
export function encodeFoldedValues(keys: readonly number[], table: ReadonlyMap<number, number>): string {
  let out = '';
  for (const key of keys) {
    const delta = table.get(key)! - key;
    out += base32Digits(delta >= 0 ? 2 * delta : -2 * delta - 1);
  }
  return out;
}

function tableModule(keys: readonly number[], table: ReadonlyMap<number, number>): string {
  return `${LICENSE_HEADER}

/**
 * Traditional → simplified folding, character level: for each of the ${keys.length} keys of
 * \`FOLDING_KEYS\` (ascending), its folded code point, written as the distance from the key
 * (see \`encodeFoldedValues\` in the generator). Sources: opencc-js TWVariantsRev, HKVariantsRev and
 * TSCharacters, chained to a fixed point. Loaded only through \`loadFoldingTable()\` in \`fold.ts\`,
 * with its keys and their decoders (none of them is needed before it).
 */
export { FOLDING_KEYS } from './fold-keys.ts';
export { decodeCodePointSet, decodeFoldedValues } from './fold-data-codec.ts';

export const FOLDED_VALUES: string =
  '${encodeFoldedValues(keys, table)}';
`;
}

function keysModule(keys: readonly number[]): string {
  return `${LICENSE_HEADER}

/**
 * The ${keys.length} code points that the folding table changes, loaded with the table (\`fold-table.ts\`
 * re-exports them): before it, \`fold.ts\` tells them by \`fold-candidates.ts\`. Encoding (see \`encodeCodePointSet\` in the generator): ascending
 * gaps, each base-32 in the alphabet \`${KEY_ALPHABET}\`, continuation digits (≥ 32) before one
 * final digit (< 32).
 * @example decodeCodePointSet(FOLDING_KEYS)[0] // 0x${hex(keys[0]!)}
 */
export const FOLDING_KEYS: string =
  '${encodeCodePointSet(keys)}';
`;
}

/**
 * The code point ranges that hold every key (CJK Unified Ideographs with Extension A, and the
 * supplementary ideographic planes): outside them no character needs the table.
 */
const KEY_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x9fff],
  [0x20000, 0x3ffff],
];

/**
 * The Hanzi of GB 2312 (rows 16–87), decoded with the platform's GBK decoder, as `fold.ts` does
 * in the browser: the simplified characters that need no table, but for the few keys among them.
 */
export function gb2312Hanzi(): number[] {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  return Array.from(new TextDecoder('gbk').decode(new Uint8Array(bytes)), (char) => char.codePointAt(0)!);
}

function candidatesModule(keys: readonly number[]): string {
  for (const key of keys) {
    if (!KEY_RANGES.some(([from, to]) => key >= from && key <= to)) throw new Error(`gen-fold-data: key U+${hex(key)} is outside KEY_RANGES`);
  }
  const keySet = new Set(keys);
  const gbKeys = gb2312Hanzi().filter((cp) => keySet.has(cp));
  return `${LICENSE_HEADER}

/**
 * What tells, before the folding table and its keys are loaded, which characters may need them
 * (\`fold.ts\`): a character in \`KEY_RANGES\` that is not one of GB 2312's Hanzi (decoded by the
 * platform's GBK decoder, no bytes shipped), or is one of \`GB2312_KEYS\`. A superset of the keys:
 * a rare simplified character outside GB 2312 loads the table, never the other way round.
 */
export const KEY_RANGES: readonly (readonly [number, number])[] = [${KEY_RANGES.map(([from, to]) => `[0x${hex(from)}, 0x${hex(to)}]`).join(', ')}];

/** The ${gbKeys.length} keys that GB 2312 holds. */
export const GB2312_KEYS: string = '${String.fromCodePoint(...gbKeys)}';
`;
}

async function readCharacterDict(dictDir: string, name: string): Promise<Map<number, number>> {
  const module: unknown = await import(pathToFileURL(path.join(dictDir, `${name}.js`)).href);
  const text = (module as { default?: unknown }).default;
  if (typeof text !== 'string') throw new Error(`gen-fold-data: ${name}.js does not export a string`);
  const map = new Map<number, number>();
  for (const entry of text.split('|')) {
    // Entry format: "key value [alternative …]"; OpenCC's first value is the preferred one.
    const [from, to] = entry.split(' ');
    if (!from || !to || [...from].length !== 1 || [...to].length !== 1) {
      throw new Error(`gen-fold-data: ${name} has a non-character entry "${entry}"`);
    }
    if (from !== to) map.set(from.codePointAt(0)!, to.codePointAt(0)!);
  }
  return map;
}

function hex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = readArgs({ name: 'gen-fold-data', usage: 'usage: node --import tsx scripts/gen-fold-data.ts [--check]', options: { check: { type: 'boolean' } } }, argv);
  if (typeof parsed === 'number') return parsed;
  const { check } = parsed.values;
  const data = await buildFoldingData();
  const outputs = [
    ['fold-table.ts', data.tableModule],
    ['fold-keys.ts', data.keysModule],
    ['fold-candidates.ts', data.candidatesModule],
  ] as const;
  let stale = 0;
  for (const [name, text] of outputs) {
    const file = path.join(OUT_DIR, name);
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== text) {
        console.error(`${name} is stale; run node --import tsx scripts/gen-fold-data.ts`);
        stale++;
      }
    } else {
      await writeFile(file, text);
      console.log(`wrote ${path.relative(REPO_ROOT, file)} (${Buffer.byteLength(text)} bytes)`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
