/**
 * The static host of the browser benchmarks: gzip in front of the project's own static server.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../serve-static.ts';

/** A running gzip host: its base URL, the bytes it sent for a path, and how to stop it. */
export interface GzipHost {
  url: string;
  /** Body bytes sent for `pathname + search` (gzip size for text files), once it was requested. */
  bodyBytes: (pathname: string) => number | undefined;
  close: () => Promise<void>;
}

/**
 * A static host in front of `serveStatic`: gzips text responses (HTML, JS, CSS, JSON) at level 9,
 * as any CDN does; other files (this project's .bin parts, Pagefind's .pf_* files and WASM, all
 * stored gzip already) pass through. Both servers listen on 127.0.0.1 at an ephemeral port.
 *
 * @param mounts URL prefixes and their folders, e.g. `[{ prefix: '/data/', dir }, { prefix: '/', dir }]`
 */
export async function startGzipHost(mounts: ReadonlyArray<{ prefix: string; dir: string }>): Promise<GzipHost> {
  // serveStatic takes the first matching mount: longest prefix first.
  const sorted = mounts.map((m) => ({ prefix: m.prefix, dir: path.resolve(m.dir) })).sort((a, b) => b.prefix.length - a.prefix.length);
  const origin = await serveStatic(sorted, 0);
  const originPort = (origin.address() as AddressInfo).port;
  const cache = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  const fetchOrigin = (url: string) =>
    new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: originPort, path: url }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'content-length') headers[k] = v;
          let body = Buffer.concat(chunks);
          if (res.statusCode === 200 && /^(text\/|application\/json)/.test(headers['content-type'] ?? '')) {
            body = gzipSync(body, { level: 9 });
            headers['content-encoding'] = 'gzip';
            headers['vary'] = 'Accept-Encoding';
          }
          resolve({ status: res.statusCode ?? 500, headers, body });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const front: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const cached = cache.get(url);
    (cached ? Promise.resolve(cached) : fetchOrigin(url)).then(
      (r) => {
        if (r.status === 200) cache.set(url, r);
        res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
        res.end(r.body);
      },
      (error: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', resolve);
  });
  const close = (server: Server) => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}/`,
    bodyBytes: (pathname) => cache.get(pathname)?.body.length,
    close: async () => {
      await Promise.all([close(front), close(origin)]);
    },
  };
}
