/**
 * A file name (or any text from the archive) made safe to print on one terminal line: control
 * characters (newlines, ANSI escapes, C1 codes, DEL) and the bidirectional overrides that reorder
 * what a terminal shows are written as `\n`, `\x1b`, `\u202e`, so a file name can neither start
 * a fake line in the log nor colour it.
 *
 * @example printableName('a\nskipped good.md: \x1b[31mx.md') // 'a\\nskipped good.md: \\x1b[31mx.md'
 */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line and paragraph separators.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
