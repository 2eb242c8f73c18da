/**
 * A tiny static file server for the built site (and the end-to-end tests): serves folders under
 * URL prefixes, with correct MIME types, no directory listings and no path escapes.
 *
 *   node --import tsx scripts/serve-static.ts --port 4173 /=dist /corpus/=dist /corpus/data/=.cache/corpus-index
 *
 * `--cors PREFIX` (repeatable) lets pages on any origin read that mount's files (the widget's host).
 *
 * The longest matching prefix wins, so a site can be served twice with two different indexes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  // Index parts are gzip data the app inflates itself: serve them as opaque bytes.
  '.bin': 'application/octet-stream',
};

/** One URL prefix and the folder it serves. */
export interface Mount {
  prefix: string;
  dir: string;
  /** Send `Access-Control-Allow-Origin: *` (the widget and its index, read from other origins). */
  cors?: boolean;
}

/** Parses `prefix=dir` arguments; a bare `dir` mounts at `/`. */
export function parseMounts(args: readonly string[]): Mount[] {
  return args
    .map((arg) => {
      const at = arg.indexOf('=');
      const prefix = at < 0 ? '/' : arg.slice(0, at);
      const dir = path.resolve(at < 0 ? arg : arg.slice(at + 1));
      return { prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, dir };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

/** Starts the server; resolves once it listens. */
export function serveStatic(mounts: readonly Mount[], port: number, host = '127.0.0.1'): Promise<ReturnType<typeof createServer>> {
  const server = createServer((request, response) => {
    handle(mounts, request, response).catch((error: unknown) => {
      console.error(`serve-static: ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, 'Internal server error');
      else response.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function handle(mounts: readonly Mount[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(response, 400, 'Bad request');
  }
  const mount = mounts.find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
  if (!mount) return send(response, 404, 'Not found');
  if (`${pathname}/` === mount.prefix) {
    // /corpus → /corpus/ so that the page's relative URLs resolve inside it.
    response.writeHead(301, { Location: mount.prefix });
    response.end();
    return;
  }
  let file = path.resolve(mount.dir, `.${pathname.slice(mount.prefix.length - 1)}`);
  if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return send(response, 403, 'Forbidden');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(response, 404, 'Not found');
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(mount.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      cors: { type: 'string', multiple: true, default: [] },
    },
  });
  const corsPrefixes = values.cors.map((prefix) => (prefix.endsWith('/') ? prefix : `${prefix}/`));
  const mounts = parseMounts(positionals.length ? positionals : ['dist']).map((m) => ({ ...m, cors: corsPrefixes.includes(m.prefix) }));
  const port = Number(values.port);
  serveStatic(mounts, port, values.host).then(
    () => {
      for (const m of [...mounts].reverse()) console.log(`serve-static: http://${values.host}:${port}${m.prefix} → ${path.relative(process.cwd(), m.dir) || '.'}`);
    },
    (error: unknown) => {
      console.error(`serve-static: cannot listen on ${values.host}:${port} (${(error as Error).message}).`);
      process.exit(2);
    },
  );
}
