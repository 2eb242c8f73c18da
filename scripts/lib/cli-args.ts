/**
 * The one argument parser of every command-line script (index, search, serve, bench, corpus,
 * start and the `news-archive-search` package command): `--name value`, `--name=value`, boolean
 * `--flag`, repeatable options, positionals and `--`. `--help` (or `-h`) prints the usage and
 * exits 0; an unknown option, a missing value or a value given to a boolean is one line on stderr
 * and exit 2.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One option: a string (`--out DIR`) or a boolean (`--strict`). */
export type OptionSpec =
  | { type: 'string'; multiple?: false; default?: string; /** Shown in errors: `--out needs a value (DIR)`. */ value?: string }
  | { type: 'string'; multiple: true; default?: string[]; value?: string }
  | { type: 'boolean'; default?: boolean };

/** A command: its name as the user typed it (for messages), its usage text and options. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How the user runs it, e.g. `npm run index` or `news-archive-search build`. */
  name: string;
  /** The usage (one or more lines), printed by `--help`. */
  usage: string;
  options: O;
  /** Whether bare words are accepted (the search query; the server's mounts). */
  positionals?: boolean;
}

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { default: string }
      ? string
      : string | undefined;

/** Parsed options: booleans default to false, repeatable options to [], strings to their default. */
export type ParsedValues<O extends Record<string, OptionSpec>> = { [K in keyof O]: ValueOf<O[K]> };

export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  values: ParsedValues<O>;
  positionals: string[];
}

/** A bad command line: its message is one sentence naming the option. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses `argv` (without node and the script) against `spec`.
 *
 * @throws UsageError for an unknown option, a missing value, a value given to a boolean, or a
 *   bare word where the command takes none
 * @example parseArgv({ name: 'x', usage: '', options: { out: { type: 'string' } } }, ['--out', 'd']).values.out // 'd'
 */
export function parseArgv<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: readonly string[]): ParsedArgs<O> {
  const values: Record<string, string | boolean | string[] | undefined> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type === 'boolean') values[name] = option.default ?? false;
    else if (option.multiple) values[name] = [...(option.default ?? [])];
    else values[name] = option.default;
  }
  const given = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A single dash before a word is a query's exclusion (`-香港`), not an option.
    if (!arg.startsWith('--') || arg === '-') {
      if (!spec.positionals) throw new UsageError(`unexpected argument "${arg}"`);
      positionals.push(arg);
      continue;
    }
    const at = arg.indexOf('=');
    const name = arg.slice(2, at < 0 ? undefined : at);
    const option = spec.options[name];
    if (!option) throw new UsageError(`unknown option --${name}${suggest(name, Object.keys(spec.options))}`);
    if (option.type === 'boolean') {
      if (at >= 0) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    let value: string;
    if (at >= 0) value = arg.slice(at + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${name} needs a value${option.value ? ` (${option.value})` : ''}`);
      value = next;
      i++;
    }
    if (option.multiple) {
      // A default is replaced by the first given value, not added to.
      const list = given.has(name) ? (values[name] as string[]) : [];
      list.push(value);
      values[name] = list;
    } else values[name] = value;
    given.add(name);
  }
  return { values: values as ParsedValues<O>, positionals };
}

/**
 * Parses the command line for a script's `main`: returns the parsed arguments, or the exit code
 * to return at once (0 after printing the usage for `--help`, 2 after one line on stderr).
 *
 * @example
 * const parsed = readArgs(SPEC, argv); if (typeof parsed === 'number') return parsed;
 */
export function readArgs<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: readonly string[]): ParsedArgs<O> | number {
  if (argv.some((arg, i) => (arg === '--help' || arg === '-h') && !argv.slice(0, i).includes('--'))) {
    console.log(spec.usage);
    return 0;
  }
  try {
    return parseArgv(spec, argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(spec, error.message);
  }
}

/** Prints one line, `NAME: message (NAME --help for the usage)`, and returns exit code 2. */
export function usageError(spec: Pick<CommandSpec<Record<string, OptionSpec>>, 'name'>, message: string): 2 {
  console.error(`${spec.name}: ${message.replace(/\n/g, ' ')} (${helpHint(spec.name)} shows the usage)`);
  return 2;
}

function helpHint(name: string): string {
  // `npm run index --help` would be npm's own help: the script's needs the `--`.
  return name.startsWith('npm run ') || name === 'npm start' ? `${name} -- --help` : `${name} --help`;
}

/** ` (did you mean --out?)` for a near miss, else ''. */
function suggest(name: string, known: readonly string[]): string {
  const close = known.find((candidate) => candidate.startsWith(name) || name.startsWith(candidate) || distance(name, candidate) <= 2);
  return close ? ` (did you mean --${close}?)` : '';
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** Whether the module at `moduleUrl` is the script node was started with (not imported by another). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
