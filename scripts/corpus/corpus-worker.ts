/**
 * A worker thread of the corpus generator: rebuilds the composer from the spec in `workerData`,
 * then writes one folder job per message. Messages in: `FolderJob`; out: `{ job, stats }` or
 * `{ job, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CorpusSpec, createComposer, type FolderJob } from './corpus-plan.ts';
import { writeFolder } from './write-folder.ts';

const { spec, out } = workerData as { spec: CorpusSpec; out: string };
const { composer } = createComposer(spec);

parentPort!.on('message', (job: FolderJob) => {
  try {
    parentPort!.postMessage({ job, stats: writeFolder(composer, job, out) });
  } catch (error) {
    parentPort!.postMessage({ job, error: String((error as Error).message ?? error) });
  }
});
