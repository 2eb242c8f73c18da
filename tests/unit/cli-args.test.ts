import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgv, readArgs, UsageError } from '../../scripts/lib/cli-args.ts';

const SPEC = {
  name: 'npm run index',
  usage: 'usage: npm run index -- --input DIR --out DIR [--strict]',
  options: {
    input: { type: 'string', value: 'DIR' },
    out: { type: 'string', value: 'DIR' },
    strict: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    limit: { type: 'string', default: '10', value: 'N' },
    outlet: { type: 'string', multiple: true, value: 'NAME' },
  },
} as const;

const WITH_QUERY = { ...SPEC, name: 'npm run search', positionals: true } as const;

describe('parseArgv', () => {
  it('reads --name value, --name=value, booleans, defaults and repeated options', () => {
    const { values, positionals } = parseArgv(SPEC, ['--input', 'posts', '--out=site/search', '--strict', '--outlet', '法广', '--outlet=美国之音']);
    expect(values).toEqual({ input: 'posts', out: 'site/search', strict: true, 'no-cache': false, limit: '10', outlet: ['法广', '美国之音'] });
    expect(positionals).toEqual([]);
  });

  it('keeps bare words, a query exclusion (-word) and everything after -- as positionals when the command takes them', () => {
    const { values, positionals } = parseArgv(WITH_QUERY, ['王毅', '-北约', '--limit', '3', '--', '--strict']);
    expect(positionals).toEqual(['王毅', '-北约', '--strict']);
    expect(values.limit).toBe('3');
    expect(values.strict).toBe(false);
  });

  it('takes a value that starts with a single dash', () => {
    expect(parseArgv(SPEC, ['--input', '-archive']).values.input).toBe('-archive');
  });

  it.each([
    [['--inptu', 'x'], 'unknown option --inptu (did you mean --input?)'],
    [['--verbose'], 'unknown option --verbose'],
    [['--out'], '--out needs a value (DIR)'],
    [['--out', '--strict'], '--out needs a value (DIR)'],
    [['--strict=yes'], '--strict takes no value'],
    [['stray'], 'unexpected argument "stray"'],
  ])('refuses %j with one sentence', (argv, message) => {
    expect(() => parseArgv(SPEC, argv)).toThrow(UsageError);
    expect(() => parseArgv(SPEC, argv)).toThrow(message);
  });
});

describe('readArgs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one line on stderr and returns exit code 2 for a bad command line', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readArgs(SPEC, ['--input'])).toBe(2);
    expect(error).toHaveBeenCalledTimes(1);
    const line = String(error.mock.calls[0]![0]);
    expect(line).toBe('npm run index: --input needs a value (DIR) (npm run index -- --help shows the usage)');
    expect(line).not.toContain('\n');
  });

  it('prints the usage on stdout and returns 0 for --help or -h, whatever else is given', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(readArgs(SPEC, ['--input', 'x', '--help'])).toBe(0);
    expect(readArgs(SPEC, ['-h', '--bogus'])).toBe(0);
    expect(log).toHaveBeenCalledWith(SPEC.usage);
  });

  it('treats --help after -- as a word of the query', () => {
    const parsed = readArgs(WITH_QUERY, ['--', '--help']);
    expect(parsed).toMatchObject({ positionals: ['--help'] });
  });

  it('names the package command in its hint', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readArgs({ ...SPEC, name: 'news-archive-search build' }, ['--nope'])).toBe(2);
    expect(String(error.mock.calls[0]![0])).toBe('news-archive-search build: unknown option --nope (news-archive-search build --help shows the usage)');
  });
});
