import { describe, expect, it } from 'vitest';
import { decodeArticleFile } from '../../src/lib/article/decode-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeArticleFile', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeArticleFile(utf8('标题')).text).toBe('标题');
    expect(decodeArticleFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('标题')])).text).toBe('标题');
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x07, 0x68, 0x98, 0x98]); // 标题 in UTF-16LE
    expect(decodeArticleFile(bytes).text).toBe('标题');
  });

  it('replaces a few invalid UTF-8 bytes and warns', () => {
    const bytes = new Uint8Array([...utf8('<p>新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文新闻正文</p>'), 0xff, ...utf8('<p>后文</p>')]);
    const { text, warnings } = decodeArticleFile(bytes);
    expect(text).toContain('\uFFFD');
    expect(text).toContain('后文');
    expect(warnings.map((w) => w.kind)).toEqual(['invalid-utf8']);
  });

  it('recognises a GB18030 file and warns that it is not UTF-8', () => {
    // "中文新闻" in GBK, repeated.
    const gbk = [0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5];
    const bytes = new Uint8Array(Array.from({ length: 20 }, () => gbk).flat());
    const { text, warnings } = decodeArticleFile(bytes);
    expect(text.startsWith('中文新闻')).toBe(true);
    expect(warnings[0]?.kind).toBe('legacy-encoding');
  });

  it('rejects empty, blank and binary files with a reason', () => {
    expect(() => decodeArticleFile(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeArticleFile(utf8(' \n\t '))).toThrow(/blank/);
    expect(() => decodeArticleFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toThrow(/binary/);
  });
});
