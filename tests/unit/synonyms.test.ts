import { beforeAll, describe, expect, it } from 'vitest';
import { foldText, loadFoldingTable, needsFoldingTable } from '../../src/lib/search/text/fold.ts';
import { expandTerm, MAX_VARIANTS, SYNONYM_GROUPS } from '../../src/lib/search/text/synonyms.ts';
import { splitRuns } from '../../src/lib/search/text/tokenize.ts';

beforeAll(() => loadFoldingTable());

describe('SYNONYM_GROUPS', () => {
  it('holds a small table of 20 to 50 groups of at least two forms', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(20);
    expect(SYNONYM_GROUPS.length).toBeLessThanOrEqual(50);
    for (const group of SYNONYM_GROUPS) expect(group.length).toBeGreaterThanOrEqual(2);
  });

  it('writes every form folded and canonical (Latin words joined by one space), needing no table', () => {
    for (const form of SYNONYM_GROUPS.flat()) {
      expect(foldText(form)).toBe(form);
      expect(needsFoldingTable(form)).toBe(false);
      const runs = splitRuns(form).map((run) => form.slice(run.start, run.end));
      expect(runs.join(' ')).toBe(form);
    }
  });

  it('lists only forms that still differ after folding, each in one group', () => {
    const forms = SYNONYM_GROUPS.flat();
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('fits every group within MAX_VARIANTS', () => {
    for (const group of SYNONYM_GROUPS) expect(group.length).toBeLessThanOrEqual(MAX_VARIANTS);
  });
});

describe('expandTerm', () => {
  it('expands cross-strait transliterations both ways, the term itself first', () => {
    expect(expandTerm('川普')).toEqual(['川普', '特朗普']);
    expect(expandTerm('特朗普')).toEqual(['特朗普', '川普']);
    expect(expandTerm('普丁')).toContain('普京');
  });

  it('expands regional words (报导 ⇄ 报道) and places (雪梨 ⇄ 悉尼)', () => {
    expect(expandTerm('报导')).toEqual(['报导', '报道']);
    expect(expandTerm('悉尼')).toContain('雪梨');
  });

  it('links Chinese and Latin names (脸书 ⇄ facebook, 新冠 ⇄ covid)', () => {
    expect(expandTerm('facebook')).toEqual(['facebook', '脸书']);
    expect(expandTerm('新冠')).toEqual(expect.arrayContaining(['武汉肺炎', 'covid', 'covid 19']));
    expect(expandTerm('covid 19')[0]).toBe('covid 19');
    expect(expandTerm('covid 19')).toContain('新冠');
  });

  it('leaves English words that would match too much out of the table', () => {
    expect(expandTerm('who')).toEqual(['who']);
    expect(expandTerm('世卫')).not.toContain('who');
    expect(expandTerm('un')).toEqual(['un']);
  });

  it('substitutes a form inside a longer Han term', () => {
    expect(expandTerm('川普政府')).toEqual(['川普政府', '特朗普政府']);
    expect(expandTerm('新西兰总理')).toEqual(['新西兰总理', '纽西兰总理']);
  });

  it('substitutes the longest form and not a shorter one inside it', () => {
    const variants = expandTerm('武汉肺炎疫情');
    expect(variants).toContain('新冠疫情');
    expect(variants.some((v) => v.includes('肺炎肺炎'))).toBe(false);
    expect(variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
  });

  it('never substitutes inside Latin words', () => {
    expect(expandTerm('covidiot')).toEqual(['covidiot']);
    expect(expandTerm('tiktoker')).toEqual(['tiktoker']);
  });

  it('returns just the term when it has no synonym', () => {
    expect(expandTerm('香港')).toEqual(['香港']);
    expect(expandTerm('拜登')).toEqual(['拜登']);
  });
});
