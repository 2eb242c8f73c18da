/**
 * A local preview server for the built site (and the end-to-end tests), not a production web
 * server: serves folders under URL prefixes, with correct MIME types, no directory listings, no
 * path escapes, no dotfiles and no symbolic links that lead outside a folder; content-hashed
 * files (`assets/`, the index's `docs-`, `terms-`, `post-*.bin`) as immutable, the rest revalidated.
 *
 *   node --import tsx scripts/serve-static.ts --port 4173 /=dist /corpus/=dist /corpus/data/=.cache/corpus-index
 *
 * `--cors PREFIX` (repeatable) lets pages on any origin read that mount's files (the widget's host).
 *
 * The longest matching prefix wins, so a site can be served twice with two different indexes.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { type CommandSpec, isMainModule, readArgs, usageError } from './lib/cli-args.ts';
import { cacheControlFor, lookupStaticFile } from './lib/static-files.ts';

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
  const relative = pathname.slice(mount.prefix.length);
  const found = await lookupStaticFile(mount.dir, relative);
  if ('status' in found) return send(response, found.status, found.status === 403 ? 'Forbidden' : 'Not found');
  const { file, size } = found;
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControlFor(relative),
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

const OPTIONS = {
  port: { type: 'string', default: '4173', value: 'N' },
  host: { type: 'string', default: '127.0.0.1', value: 'HOST' },
  cors: { type: 'string', multiple: true, value: 'PREFIX' },
} as const;

/** The command's name and usage; the package's `news-archive-search serve` passes its own name. */
export function serveCommand(name = 'npm run serve', defaultDir = 'dist'): CommandSpec<typeof OPTIONS> {
  const usage = [
    `usage: ${name}${name.startsWith('npm') ? ' --' : ''} [--port N] [--host HOST] [--cors PREFIX]… [PREFIX=DIR | DIR]…`,
    `  Serves each DIR under its URL PREFIX (a bare DIR at /; default: ${defaultDir}). --cors PREFIX sends`,
    '  Access-Control-Allow-Origin: * for that mount (a widget embedded on other origins). --port 0 picks a free port.',
  ].join('\n');
  return { name, usage, options: OPTIONS, positionals: true };
}

/**
 * Runs the server on `argv` (the arguments after the script). Resolves with 0 once it listens (it
 * keeps the process alive), or with the exit code of a bad command line or a port it cannot use.
 */
export async function main(argv: readonly string[], name?: string, defaultDir = 'dist'): Promise<number> {
  const command = serveCommand(name, defaultDir);
  const parsed = readArgs(command, argv);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(command, `--port takes a port number, not "${values.port}"`);
  const corsPrefixes = values.cors.map((prefix) => (prefix.endsWith('/') ? prefix : `${prefix}/`));
  const mounts = parseMounts(positionals.length ? positionals : [defaultDir]).map((m) => ({ ...m, cors: corsPrefixes.includes(m.prefix) }));
  let server;
  try {
    server = await serveStatic(mounts, port, values.host);
  } catch (error) {
    console.error(`serve-static: cannot listen on ${values.host}:${port} (${(error as Error).message}).`);
    return 2;
  }
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  for (const m of [...mounts].reverse()) console.log(`serve-static: http://${values.host}:${listening}${m.prefix} → ${path.relative(process.cwd(), m.dir) || '.'}`);
  return 0;
}

if (isMainModule(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
