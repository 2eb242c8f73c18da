import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildFoldingData, encodeCodePointSet, encodeFoldedValues } from '../../scripts/gen-fold-data.ts';
import { FOLDED_VALUES } from '../../src/lib/search/text/fold-table.ts';
import { FOLDING_KEYS } from '../../src/lib/search/text/fold-keys.ts';
import { decodeCodePointSet, decodeFoldedValues } from '../../src/lib/search/text/fold-data-codec.ts';
import {
  isTraditionalText,
  FoldingTableError,
  foldText,
  foldWithOffsets,
  foldingPairsFor,
  loadFoldingTable,
  needsFoldingTable,
} from '../../src/lib/search/text/fold.ts';

const SEARCH_DIR = path.resolve(import.meta.dirname, '../../src/lib/search/text');

describe('before the folding table is loaded', () => {
  // A fresh copy of the module: the shared one may already have its table from another test.
  const freshFold = async () => {
    vi.resetModules();
    return import('../../src/lib/search/text/fold.ts');
  };

  it('folds simplified, Latin and full-width text without the table', async () => {
    const fold = await freshFold();
    expect(fold.isFoldingTableLoaded()).toBe(false);
    expect(fold.foldText('台湾 ＣＯＶＩＤ－１９ 什么')).toBe('台湾 covid-19 什么');
  });

  it('throws a FoldingTableError naming the fix instead of mis-folding traditional text', async () => {
    const fold = await freshFold();
    expect(() => fold.foldText('臺灣')).toThrow(fold.FoldingTableError);
    expect(() => fold.foldText('臺灣')).toThrow(/U\+81FA.*loadFoldingTable/);
    expect(() => fold.foldWithOffsets('在國內')).toThrow(fold.FoldingTableError);
  });

  it('throws for a character that becomes traditional Han only after NFKC (Kangxi radical ⾨ → 門)', async () => {
    const fold = await freshFold();
    expect(fold.needsFoldingTable('⾨')).toBe(true);
    expect(() => fold.foldText('⾨')).toThrow(fold.FoldingTableError);
  });

  it('loads the table once and then folds traditional text', async () => {
    const fold = await freshFold();
    const first = fold.loadFoldingTable();
    expect(fold.loadFoldingTable()).toBe(first);
    await first;
    expect(fold.isFoldingTableLoaded()).toBe(true);
    expect(fold.foldText('臺灣')).toBe('台湾');
  });

  it('prepareFolding loads the table only when a text needs it', async () => {
    const fold = await freshFold();
    await fold.prepareFolding('香港 news', '什么');
    expect(fold.isFoldingTableLoaded()).toBe(false);
    await fold.prepareFolding('香港', '國安法');
    expect(fold.isFoldingTableLoaded()).toBe(true);
  });

  it('folds with the pairs a fragment carries, without loading the table', async () => {
    const withTable = await freshFold();
    await withTable.loadFoldingTable();
    const text = '臺灣國安法 ⾨ 什麼 covid';
    const pairs = withTable.foldingPairsFor(text);
    const expected = withTable.foldText(text);
    const fold = await freshFold();
    fold.addFoldingPairs(pairs);
    await fold.prepareFolding(text);
    expect(fold.isFoldingTableLoaded()).toBe(false);
    expect(fold.foldText(text)).toBe(expected);
    expect(fold.foldWithOffsets(text).folded).toBe(expected);
    // A character the pairs do not cover still needs (and loads) the table.
    await fold.prepareFolding('選舉');
    expect(fold.isFoldingTableLoaded()).toBe(true);
  });

  it('counts every key of the table as needing it, and GB 2312 simplified text as not', async () => {
    const fold = await freshFold();
    const missed = decodeCodePointSet(FOLDING_KEYS).filter((key) => !fold.needsFoldingTable(String.fromCodePoint(key)));
    expect(missed).toEqual([]);
    expect(fold.needsFoldingTable('台湾的选举结果公布，选民对议会表示关注。王毅会见东盟国家外长')).toBe(false);
    // Keys inside GB 2312 (著 → 着 from the Taiwan variants; 後 → 后).
    expect(fold.needsFoldingTable('著名')).toBe(true);
    expect(fold.needsFoldingTable('之後')).toBe(true);
    expect(fold.isFoldingTableLoaded()).toBe(false);
  });

  it('loads the table for a rare simplified character outside GB 2312, and then knows it needs none', async () => {
    const fold = await freshFold();
    expect(fold.needsFoldingTable('朱镕基')).toBe(true);
    await fold.prepareFolding('朱镕基');
    expect(fold.isFoldingTableLoaded()).toBe(true);
    expect(fold.needsFoldingTable('朱镕基')).toBe(false);
    expect(fold.foldText('朱镕基')).toBe('朱镕基');
  });

  it("learns from a fragment's text that its characters the pairs do not list need no table", async () => {
    const fold = await freshFold();
    expect(() => fold.foldText('张堃')).toThrow(fold.FoldingTableError);
    fold.addFoldingPairs('', '标题', '张堃说');
    expect(fold.needsFoldingTable('张堃')).toBe(false);
    await fold.prepareFolding('张堃说');
    expect(fold.isFoldingTableLoaded()).toBe(false);
    expect(fold.foldText('张堃')).toBe('张堃');
    // A traditional fragment: its pairs fold its keys, its other rare characters pass.
    fold.addFoldingPairs('灣湾', '臺灣嘅選情');
    expect(fold.foldText('灣嘅')).toBe('湾嘅');
    expect(fold.needsFoldingTable('選舉')).toBe(true);
  });

  it('ignores pairs whose key the table does not change (a corrupt fragment cannot re-fold simplified text)', async () => {
    const fold = await freshFold();
    fold.addFoldingPairs('台臺');
    expect(fold.foldText('台')).toBe('台');
  });
});

describe('foldingPairsFor', () => {
  beforeAll(() => loadFoldingTable());

  it('lists each changed character once, keys ascending, and nothing for simplified or Latin text', () => {
    expect(foldingPairsFor('台湾 covid 什么')).toBe('');
    expect(foldingPairsFor('灣臺灣臺')).toBe('灣湾臺台');
  });
});

describe('needsFoldingTable', () => {
  it('is false for simplified Chinese, Latin text, emoji and supplementary-plane Han with no traditional form', () => {
    expect(needsFoldingTable('')).toBe(false);
    expect(needsFoldingTable('台湾 covid-19 什么 😀 𠮷野家')).toBe(false);
  });

  it('is true for traditional characters, also after NFKC (compatibility ideograph U+F900 豈)', () => {
    expect(needsFoldingTable('臺灣')).toBe(true);
    expect(needsFoldingTable('abc 國')).toBe(true);
    expect(needsFoldingTable('\uf900')).toBe(true);
  });
});

describe('foldText', () => {
  beforeAll(() => loadFoldingTable());

  it('folds traditional and simplified spellings to the same text', () => {
    expect(foldText('臺灣')).toBe(foldText('台湾'));
    expect(foldText('臺灣')).toBe('台湾');
    expect(foldText('國家安全法')).toBe('国家安全法');
    expect(foldText('報導')).toBe('报导');
    expect(foldText('發髮')).toBe('发发');
    expect(foldText('為爲')).toBe('为为');
  });

  it('applies the Taiwan and Hong Kong variant tables (著 → 着, 峯 → 峰, 衞 → 卫, 説 → 说)', () => {
    expect(foldText('看著')).toBe(foldText('看着'));
    expect(foldText('峯')).toBe('峰');
    expect(foldText('衞')).toBe('卫');
    expect(foldText('説')).toBe('说');
  });

  it('leaves 么 alone so 什麼 and 什么 fold alike', () => {
    expect(foldText('什麼')).toBe('什么');
    expect(foldText('什么')).toBe('什么');
  });

  it('applies NFKC: full-width letters and digits, ideographic space, ligatures, enclosed ideographs', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
    expect(foldText('香港\u3000政府')).toBe('香港 政府');
    expect(foldText('ﬁnal')).toBe('final');
    expect(foldText('㈱')).toBe('(株)');
    expect(foldText('\uf900')).toBe('岂');
  });

  it('lowercases and drops Latin diacritics, precomposed or combining', () => {
    expect(foldText('Café CAFÉ Cafe\u0301')).toBe('cafe cafe cafe');
    expect(foldText('İstanbul Ångström')).toBe('istanbul angstrom');
  });

  it('drops zero-width and other invisible characters inside words', () => {
    expect(foldText('習\u200b近平')).toBe('习近平');
    expect(foldText('co\u00advid')).toBe('covid');
    expect(foldText('葛\udb40\udd00')).toBe('葛');
  });

  it('keeps supplementary-plane characters and emoji whole', () => {
    expect(foldText('𠮷野家 😀👍🏽')).toBe('𠮷野家 😀👍🏽');
  });

  it('returns the same string object when nothing changes', () => {
    const text = '香港政府今天宣布 covid-19';
    expect(foldText(text)).toBe(text);
  });

  it('is idempotent for every code point', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const once = foldText(String.fromCodePoint(cp));
      if (foldText(once) !== once) bad.push(cp.toString(16));
    }
    expect(bad).toEqual([]);
  });
});

describe('foldWithOffsets', () => {
  beforeAll(() => loadFoldingTable());

  it('maps each folded unit to its original code point', () => {
    const { folded, starts, ends } = foldWithOffsets('ﬁ國');
    expect(folded).toBe('fi国');
    expect([...starts]).toEqual([0, 0, 1]);
    expect([...ends]).toEqual([1, 1, 2]);
  });

  it('maps both units of a surrogate pair to the whole pair', () => {
    const { folded, starts, ends } = foldWithOffsets('a𠮷B');
    expect(folded).toBe('a𠮷b');
    expect([...starts]).toEqual([0, 1, 1, 3]);
    expect([...ends]).toEqual([1, 3, 3, 4]);
  });

  it('skips dropped characters and expands NFKC expansions', () => {
    const text = 'Ａ\u200b㈱臺';
    const { folded, starts, ends } = foldWithOffsets(text);
    expect(folded).toBe('a(株)台');
    expect([...starts]).toEqual([0, 2, 2, 2, 3]);
    expect(text.slice(starts[2], ends[2])).toBe('㈱');
  });

  it('agrees with foldText, and each original code point folds to exactly its units', () => {
    const text = 'ＡＢＣ １２３ 國安法 Café\u0301 ﬁ ㈱ 𠮷野家 😀 習\u200b近平 İ ½';
    const { folded, starts, ends } = foldWithOffsets(text);
    expect(folded).toBe(foldText(text));
    let rebuilt = '';
    let lastStart = -1;
    for (let k = 0; k < folded.length; k++) {
      if (starts[k] === lastStart) continue;
      lastStart = starts[k]!;
      rebuilt += foldText(text.slice(starts[k], ends[k]));
    }
    expect(rebuilt).toBe(folded);
  });

  it('keeps lone surrogates as they are, in short and long text alike', () => {
    for (const text of ['a\ud800b', 'x\udc00', '\ud83d', `${'國'.repeat(9000)}\udfff${'a'.repeat(9000)}`]) {
      const { folded, starts } = foldWithOffsets(text);
      expect(folded).toBe(foldText(text));
      expect(folded.length).toBe(starts.length);
    }
    expect(foldWithOffsets('A\ud800國').folded).toBe('a\ud800国');
  });

  it('handles long text (buffer growth beyond the input length)', () => {
    const text = '\ufdfa'.repeat(3000); // ﷺ expands to 18 characters
    const { folded, starts } = foldWithOffsets(text);
    expect(folded).toBe(foldText(text));
    expect(folded.length).toBeGreaterThan(text.length * 10);
    expect(starts[folded.length - 1]).toBe(text.length - 1);
  });
});

describe('generated folding data', () => {
  it('matches what scripts/gen-fold-data.ts builds from the installed opencc-js', async () => {
    const data = await buildFoldingData();
    expect(await readFile(path.join(SEARCH_DIR, 'fold-table.ts'), 'utf8')).toBe(data.tableModule);
    expect(await readFile(path.join(SEARCH_DIR, 'fold-keys.ts'), 'utf8')).toBe(data.keysModule);
    expect(await readFile(path.join(SEARCH_DIR, 'fold-candidates.ts'), 'utf8')).toBe(data.candidatesModule);
    const keys = [...data.table.keys()].sort((a, b) => a - b);
    expect(decodeCodePointSet(FOLDING_KEYS)).toEqual(keys);
    expect(decodeFoldedValues(keys, FOLDED_VALUES)).toEqual(keys.map((key) => data.table.get(key)));
  });

  it('decodes folded values as zig-zag distances from their keys, and refuses a count mismatch', () => {
    expect(decodeFoldedValues([0x570b], 'R')).toEqual([0x56fd]);
    expect(decodeFoldedValues([0x570b, 0x81fa], encodeFoldedValues([0x570b, 0x81fa], new Map([[0x570b, 0x56fd], [0x81fa, 0x53f0]])))).toEqual([0x56fd, 0x53f0]);
    expect(() => decodeFoldedValues([1, 2], 'R')).toThrow(/1 folded values for 2 keys/);
  });

  it('keeps the folding table chunk under 6 KB gzip', () => {
    expect(gzipSync(FOLDED_VALUES).length).toBeLessThan(6 * 1024);
  });

  it('keeps what fold.ts embeds before the table (the candidates) under 1 KB', async () => {
    expect((await readFile(path.join(SEARCH_DIR, 'fold-candidates.ts'))).length).toBeLessThan(1024);
  });

  it('round-trips the code point set encoding, including large gaps', () => {
    const set = [0, 1, 2, 40, 0x4e00, 0x4e01, 0x2a6d6];
    expect(decodeCodePointSet(encodeCodePointSet(set))).toEqual(set);
  });

  it('rejects a corrupt encoded set', () => {
    expect(() => decodeCodePointSet('ab!')).toThrow(/bad character/);
  });

  it('exports the error class used for a missing table', () => {
    expect(new FoldingTableError('x').name).toBe('FoldingTableError');
  });
});

describe('isTraditionalText', () => {
  beforeAll(() => loadFoldingTable());

  it('needs the table (the keys come with it)', async () => {
    vi.resetModules();
    const fold = await import('../../src/lib/search/text/fold.ts');
    expect(() => fold.isTraditionalText('臺灣')).toThrow(fold.FoldingTableError);
  });

  it('tells text in traditional characters from simplified text', () => {
    expect(isTraditionalText('臺灣的選舉結果公佈，選民對議會表示關注。')).toBe(true);
    expect(isTraditionalText('台湾的选举结果公布，选民对议会表示关注。')).toBe(false);
    // A few traditional forms quoted in a simplified article do not make it traditional.
    expect(isTraditionalText(`${'香港政府今天宣布新的防疫措施，市民需要佩戴口罩。'.repeat(5)}「國安法」`)).toBe(false);
    expect(isTraditionalText('covid 19')).toBe(false);
  });
});
