#!/usr/bin/env node
/**
 * `news-archive-search <command> [options]`: the package's one command (package.json `bin`).
 *
 *   build   the whole search site in one folder: page, widget and index (scripts/build-site.ts)
 *   index   the index alone, as `npm run index` (scripts/build-index.ts)
 *   search  search an index folder, as `npm run search` (scripts/search.ts)
 *   serve   a static server for a look at the result, as `npm run serve` (scripts/serve-static.ts)
 *
 * Each command is imported only when asked for (the search command needs no jsdom, the server
 * nothing of the compiler). Exit codes are each command's; 2 for an unknown command.
 */
import { readFileSync } from 'node:fs';
import { isMainModule } from './lib/cli-args.ts';

const NAME = 'news-archive-search';

const COMMANDS: Record<string, { summary: string; run: (argv: readonly string[], name: string) => Promise<number> }> = {
  build: { summary: 'write the search site (page, widget, index) into one folder', run: async (argv, name) => (await import('./build-site.ts')).main(argv, name) },
  index: { summary: 'write the index folder alone', run: async (argv, name) => (await import('./build-index.ts')).main(argv, name) },
  search: { summary: 'search an index folder from the command line', run: async (argv, name) => (await import('./search.ts')).main(argv, name) },
  serve: { summary: 'serve folders over HTTP for a local look', run: async (argv, name) => (await import('./serve-static.ts')).main(argv, name, '.') },
};

const USAGE = [
  `usage: ${NAME} <command> [options]    (${NAME} <command> --help for its options)`,
  '',
  ...Object.entries(COMMANDS).map(([command, { summary }]) => `  ${command.padEnd(7)} ${summary}`),
  '',
  `example: npx ${NAME} build --input _posts --out _site/search`,
].join('\n');

/** Runs `argv` (the arguments after the command's name); resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? console.error : console.log)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    const manifest = JSON.parse(readFileSync(new URL(import.meta.url.endsWith('.js') ? '../../package.json' : '../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(manifest.version);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    console.error(`${NAME}: unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')} (${NAME} --help shows the usage)`);
    return 2;
  }
  return entry.run(rest, `${NAME} ${command}`);
}

if (isMainModule(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  // The server keeps the process alive; every other command is done.
  if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
}
