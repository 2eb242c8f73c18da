import { describe, expect, it } from 'vitest';
import { printableName } from '../../scripts/lib/printable-name.ts';

describe('printableName', () => {
  it('writes newlines, ANSI escapes and bidi overrides as escapes, so a name cannot fake a log line', () => {
    const name = 'x.md\nskipped good.md: \u001b[31mfile is empty\u001b[0m\u202e.md';
    const shown = printableName(name);
    expect(shown).toBe('x.md\\nskipped good.md: \\x1b[31mfile is empty\\x1b[0m\\u202e.md');
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('leaves Chinese, English and spaces as they are', () => {
    expect(printableName('2020-07-01-香港 新聞 news.md')).toBe('2020-07-01-香港 新聞 news.md');
  });
});
