/**
 * The static host of the browser benchmarks: gzip in front of the project's own static server,
 * over HTTP/1.1 or, as CDNs serve, HTTP/2 with TLS (a self-signed certificate).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../serve-static.ts';

/** How the host speaks: HTTP/1.1 (six connections per origin in Chromium) or HTTP/2 over TLS. */
export type Protocol = 'http/1.1' | 'h2';

// Headers HTTP/2 forbids (RFC 9113 §8.2.2): the origin's HTTP/1.1 response may carry them.
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/**
 * A self-signed certificate for 127.0.0.1 (the browser is told to accept it), made with the
 * openssl command: Node cannot sign certificates itself.
 */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nas-bench-tls-'));
  try {
    const result = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '2', '-keyout', 'key.pem', '-out', 'cert.pem'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`gzip-host: the HTTP/2 host needs a certificate and openssl failed (${result.error?.message ?? result.stderr.trim()}); install openssl`);
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A running gzip host: its base URL, the bytes it sent for a path, and how to stop it. */
export interface GzipHost {
  url: string;
  /** Body bytes sent for `pathname + search` (gzip size for text files), once it was requested. */
  bodyBytes: (pathname: string) => number | undefined;
  /** How many responses the host has sent for each `pathname + search` since it started. */
  served: () => ReadonlyMap<string, number>;
  close: () => Promise<void>;
}

/**
 * A static host in front of `serveStatic`: gzips text responses (HTML, JS, CSS, JSON) at level 9,
 * as any CDN does; other files (this project's .bin parts, Pagefind's .pf_* files and WASM, all
 * stored gzip already) pass through. Content-hashed files are sent as immutable, the rest as
 * no-cache, as a CDN is set up for a Vite site. Both servers listen on 127.0.0.1 at an ephemeral port.
 *
 * @param mounts URL prefixes and their folders, e.g. `[{ prefix: '/data/', dir }, { prefix: '/', dir }]`
 */
export async function startGzipHost(mounts: ReadonlyArray<{ prefix: string; dir: string }>, protocol: Protocol = 'http/1.1'): Promise<GzipHost> {
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
  const served = new Map<string, number>();
  const handle = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void => {
    const url = req.url ?? '/';
    served.set(url, (served.get(url) ?? 0) + 1);
    const cached = cache.get(url);
    (cached ? Promise.resolve(cached) : fetchOrigin(url)).then(
      (r) => {
        if (r.status === 200) cache.set(url, r);
        const headers = Object.fromEntries(Object.entries(r.headers).filter(([name]) => !CONNECTION_HEADERS.has(name)));
        res.writeHead(r.status, { ...headers, 'content-length': String(r.body.length) });
        res.end(r.body);
      },
      (error: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      },
    );
  };
  const front: Server | Http2SecureServer = protocol === 'h2' ? createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, handle) : createServer(handle);
  const sessions = new Set<Http2Session>();
  if (protocol === 'h2') {
    (front as Http2SecureServer).on('session', (session) => {
      sessions.add(session);
      session.on('close', () => sessions.delete(session));
    });
  }
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', resolve);
  });
  const close = (server: Server | Http2SecureServer) => new Promise<void>((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    if (server === front) for (const session of sessions) session.destroy();
    server.close(() => resolve());
  });
  return {
    url: `${protocol === 'h2' ? 'https' : 'http'}://127.0.0.1:${(front.address() as AddressInfo).port}/`,
    bodyBytes: (pathname) => cache.get(pathname)?.body.length,
    served: () => served,
    close: async () => {
      await Promise.all([close(front), close(origin)]);
    },
  };
}
