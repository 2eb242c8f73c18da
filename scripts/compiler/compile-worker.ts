/**
 * A worker thread of the compiler: its own jsdom window and DOMPurify, one file per message.
 * Messages in: `{ entry: { file, target, size }, i }`; out: `{ i, outcome }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';
import { compileFile } from './compile-file.ts';
import { createDomEnv } from '../lib/dom-env.ts';

const env = createDomEnv();
const now = (workerData as { now?: number }).now;

parentPort!.on('message', async ({ entry, i }: { entry: { file: string; target: string; size: number }; i: number }) => {
  const outcome = await compileFile(entry.file, entry.target, entry.size, (html, context) => cleanArticleBody(html, { ...env, ...context }), now);
  parentPort!.postMessage({ i, outcome });
});
