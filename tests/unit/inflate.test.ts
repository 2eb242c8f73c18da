import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflate, warmUpInflate } from '../../src/lib/search/format/inflate.ts';

describe('inflate', () => {
  it('returns the bytes of a gzip member, small or spanning many chunks of the stream', async () => {
    const small = new TextEncoder().encode('台湾 香港 '.repeat(20));
    expect(await inflate(gzipSync(small))).toEqual(small);
    // Incompressible and large: the stream hands it over in several chunks, joined in order.
    const large = new Uint8Array(300_000);
    for (let i = 0, x = 1; i < large.length; i++) large[i] = (x = (x * 1_103_515_245 + 12_345) >>> 0) >>> 24;
    expect(await inflate(gzipSync(large))).toEqual(large);
  });

  it('rejects a truncated or damaged member', async () => {
    const member = gzipSync(new TextEncoder().encode('王毅 '.repeat(500)));
    await expect(inflate(member.subarray(0, member.length - 10))).rejects.toThrow();
    await expect(inflate(Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02))).rejects.toThrow();
    const damaged = Uint8Array.from(member);
    damaged[20] = damaged[20]! ^ 0xff;
    await expect(inflate(damaged)).rejects.toThrow();
  });
});

describe('inflate with a pause (the widget searching in the page)', () => {
  it('writes a large member in slices, awaiting the pause after each, and returns the same bytes', async () => {
    const large = new Uint8Array(300_000);
    for (let i = 0, x = 7; i < large.length; i++) large[i] = (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) >>> 24;
    const member = gzipSync(large);
    expect(member.length).toBeGreaterThan(200_000);
    let pauses = 0;
    const pause = () => (pauses++, new Promise<void>((resolve) => setTimeout(resolve, 0)));
    expect(await inflate(member, pause)).toEqual(large);
    // One pause per 32 KB slice of the compressed bytes.
    expect(pauses).toBe(Math.ceil(member.length / (32 * 1024)));
    // A small member is written at once.
    pauses = 0;
    const small = new TextEncoder().encode('台湾 '.repeat(20));
    expect(await inflate(gzipSync(small), pause)).toEqual(small);
    expect(pauses).toBe(0);
  });

  it('still rejects a damaged large member', async () => {
    const large = new Uint8Array(300_000);
    for (let i = 0, x = 3; i < large.length; i++) large[i] = (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) >>> 24;
    const damaged = Uint8Array.from(gzipSync(large));
    damaged[100_000] = damaged[100_000]! ^ 0xff;
    await expect(inflate(damaged, () => new Promise<void>((resolve) => setTimeout(resolve, 0)))).rejects.toThrow();
    const member = gzipSync(large);
    await expect(inflate(member.subarray(0, member.length - 10), () => Promise.resolve())).rejects.toThrow();
  });
});

describe('warmUpInflate', () => {
  it("inflates its empty gzip member without error (the constant is valid gzip: Node's own empty member)", async () => {
    await expect(warmUpInflate()).resolves.toBeUndefined();
    expect([...gzipSync(Buffer.alloc(0))].slice(10)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
