import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The MIME types any static host sends; nothing else is configured (no CORS, no rewrites, no headers). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.txt': 'text/plain',
};

/**
 * A plain static server, as GitHub Pages or any CDN behaves for these files: a folder's
 * index.html, a redirect from a folder's URL without its slash, 404 otherwise; with `cors`,
 * `Access-Control-Allow-Origin: *` on the paths it accepts. Listens on an ephemeral port;
 * resolves with its origin.
 */
export async function startPlainServer(root: string, cors: (pathname: string) => boolean = () => false): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let file = path.join(root, pathname);
      if (!file.startsWith(root)) return void response.writeHead(403).end();
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) return void response.writeHead(301, { Location: `${pathname}/` }).end();
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return void response.writeHead(404).end('Not found');
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        ...(cors(pathname) ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      createReadStream(file).pipe(response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
