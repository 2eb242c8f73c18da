import { ArticleError, type ArticleWarning } from './types.ts';

/** How many bytes to inspect when deciding whether a file is binary. */
const SNIFF_BYTES = 8192;
/** Above this share of broken UTF-8 sequences, the file is probably in a legacy encoding. */
const LEGACY_ENCODING_ERROR_SHARE = 0.01;
/** Legacy encodings seen in Chinese-language archives, tried in this order. */
const LEGACY_ENCODINGS = ['gb18030', 'big5'] as const;

/** A decoded article file. */
export interface DecodedFile {
  text: string;
  warnings: ArticleWarning[];
}

/**
 * Decodes an article file's bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, or a
 * legacy Chinese encoding (GB18030, Big5) when the bytes are clearly not UTF-8. Broken UTF-8 is
 * decoded with U+FFFD replacements and a warning rather than rejected.
 *
 * @throws ArticleError when the file is empty, blank or binary.
 * @example decodeArticleFile(new TextEncoder().encode('标题')).text // '标题'
 */
export function decodeArticleFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) throw new ArticleError('decode-file: file is empty');
  const bom = detectBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
    return checkBlank({ text, warnings: [] });
  }
  if (looksBinary(bytes)) throw new ArticleError('decode-file: file is binary (NUL or control bytes), not an article');

  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const broken = countReplacements(utf8);
  if (broken === 0) return checkBlank({ text: utf8, warnings: [] });

  if (broken / bytes.length > LEGACY_ENCODING_ERROR_SHARE) {
    for (const encoding of LEGACY_ENCODINGS) {
      const text = tryDecode(bytes, encoding);
      if (text !== null && hanShare(text) > 0.05) {
        return checkBlank({
          text,
          warnings: [{ kind: 'legacy-encoding', message: `decoded as ${encoding}: the file is not UTF-8` }],
        });
      }
    }
  }
  return checkBlank({
    text: utf8,
    warnings: [{ kind: 'invalid-utf8', message: `${broken} invalid UTF-8 sequence(s) replaced with U+FFFD` }],
  });
}

function detectBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** NUL bytes, or many C0 control bytes other than tab/newline/CR/form feed, mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls / end > 0.1;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null; // not valid in this encoding: the caller tries the next one
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function hanShare(text: string): number {
  const sample = text.slice(0, 4000);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han / Math.max(1, sample.length);
}

function checkBlank(file: DecodedFile): DecodedFile {
  if (file.text.trim() === '') throw new ArticleError('decode-file: file is blank (only whitespace)');
  return file;
}
