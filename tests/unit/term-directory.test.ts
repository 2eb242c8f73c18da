import { describe, expect, it } from 'vitest';
import { decodeUtf8Into, TermDirectory } from '../../src/lib/search/format/term-directory.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const units = (text: string) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

describe('decodeUtf8Into', () => {
  it('decodes one- to four-byte characters as TextDecoder does', () => {
    for (const text of ['', 'abc', 'é', '台湾', '𠀀𠀁', 'a台𠀀é\u0000\uffff', '\u0800\ud7ff\ue000\u{10ffff}']) {
      const out = new Uint16Array(utf8(text).length);
      const end = decodeUtf8Into(utf8(text), 0, utf8(text).length, out, 0);
      expect([...out.subarray(0, end)], JSON.stringify(text)).toEqual(units(text));
    }
  });

  it('decodes a range of the bytes into a position of the output', () => {
    const bytes = utf8('xx香港yy');
    const out = new Uint16Array(10);
    expect(decodeUtf8Into(bytes, 2, 8, out, 3)).toBe(5);
    expect([...out.subarray(3, 5)]).toEqual(units('香港'));
  });

  it('gives up (-1) on every ill-formed sequence, so that the caller can let TextDecoder replace it', () => {
    const illFormed = [
      [0x80], // a lone continuation byte
      [0xc0, 0xaf], // overlong
      [0xc3], // cut short
      [0xe5, 0x8f], // cut short
      [0xe0, 0x80, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xe5, 0x41, 0x80], // not a continuation
      [0xf0, 0x8f, 0xbf, 0xbf], // overlong
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xf5, 0x80, 0x80, 0x80],
      [0xff],
    ];
    for (const bytes of illFormed) expect(decodeUtf8Into(Uint8Array.from(bytes), 0, bytes.length, new Uint16Array(8), 0), JSON.stringify(bytes)).toBe(-1);
  });
});

describe('TermDirectory', () => {
  function directoryOf(terms: string[]): TermDirectory {
    const directory = new TermDirectory(terms.length);
    let previous = '';
    for (const term of terms) {
      let shared = 0;
      while (shared < previous.length && shared < term.length && previous[shared] === term[shared]) shared++;
      const suffix = utf8(term.slice(shared));
      directory.append(shared, suffix, 0, suffix.length);
      previous = term;
    }
    return directory;
  }

  it('rebuilds front-coded terms and finds them by binary search, in UTF-16 order', () => {
    const terms = ['a', 'ab', 'abc', 'b', '台', '台湾', '台湾人', '香港', '\uffff', '𠀀'].sort();
    const directory = directoryOf(terms);
    expect(directory.size).toBe(terms.length);
    terms.forEach((term, i) => {
      expect(directory.at(i)).toBe(term);
      expect(directory.find(term)).toBe(i);
    });
    for (const missing of ['', 'aa', 'abcd', '台北', 'zz', '𠀁']) expect(directory.find(missing), missing).toBe(-1);
    expect(directory.lowerBound('台湾')).toBe(terms.indexOf('台湾'));
    expect(directory.startsWith(terms.indexOf('台湾人'), '台湾')).toBe(true);
    expect(directory.startsWith(terms.indexOf('台'), '台湾')).toBe(false);
  });

  it('grows past its first guess of the room the terms need, and returns long terms whole', () => {
    const long = 'x'.repeat(10_000);
    const directory = directoryOf(['a', long, `${long}y`]);
    expect(directory.at(1)).toBe(long);
    expect(directory.at(2)).toBe(`${long}y`);
    expect(directory.find(`${long}y`)).toBe(2);
  });

  it('decodes an ill-formed suffix as TextDecoder does', () => {
    const directory = new TermDirectory(2);
    directory.append(0, utf8('ab'), 0, 2);
    directory.append(1, Uint8Array.of(0xe5, 0x41), 0, 2);
    expect(directory.at(1)).toBe(`a${new TextDecoder().decode(Uint8Array.of(0xe5, 0x41))}`);
  });

  it('rejects a shared prefix longer than the previous term', () => {
    const directory = new TermDirectory(2);
    directory.append(0, utf8('ab'), 0, 2);
    expect(() => directory.append(3, utf8('c'), 0, 1)).toThrow(RangeError);
  });
});
