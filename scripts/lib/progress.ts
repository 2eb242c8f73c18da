/**
 * Progress for long builds, suited to where the output goes. On a terminal: one line rewritten in
 * place with files done and rate, and a time left only once enough files are done for it to mean
 * something. In a pipe (CI logs): one line at every tenth of the files, or every 15 s if that
 * comes first. The caller prints the final summary, the same in both.
 */

/** What progress needs of an output stream. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** What is counted, for the pipe's lines: `indexing 321/3210 files (10%), 4 s`. */
  label?: string;
  /** Said once every file is done, while the work goes on: `building the index`. */
  finishing?: string;
  /** Milliseconds; injected by tests. */
  now?: () => number;
}

/** A pipe gets a line at least this often while work goes on (ms). */
export const PIPE_INTERVAL_MS = 15_000;
/** A pipe gets no line in a build's first second (a small archive needs none but the summary). */
const PIPE_QUIET_MS = 1_000;
/** No time left is shown before this share of the files is done… */
const ESTIMATE_MIN_SHARE = 0.05;
/** …nor before this long has passed since the first file was done (ms): the workers' start-up is not a rate. */
const ESTIMATE_MIN_MS = 2_000;

/**
 * @example
 * const progress = createProgress(process.stderr, { label: 'indexing' });
 * progress.update(10, 100); … progress.done();
 */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): { update: (done: number, total: number) => void; done: () => void } {
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? 'progress';
  const started = now();
  /** The first update: files reused from the cache arrive at once and say nothing of the rate. */
  let first: { at: number; done: number } | undefined;
  if (!stream.isTTY) {
    let lastLine = started;
    let lastTenth = 0;
    return {
      update(done, total) {
        const at = now();
        if (at - started < PIPE_QUIET_MS) return;
        const tenth = total > 0 ? Math.floor((10 * done) / total) : 0;
        if (tenth <= lastTenth && at - lastLine < PIPE_INTERVAL_MS) return;
        // Tenths that pass within a second (a small archive, a cache) share one line.
        if (at - lastLine < 1_000 && done < total) return;
        if (done >= total && lastTenth >= 10) return;
        lastTenth = Math.max(lastTenth, tenth);
        lastLine = at;
        const finishing = done >= total && options.finishing ? `; ${options.finishing}…` : '';
        stream.write(`${label} ${done}/${total} files (${Math.floor((100 * done) / Math.max(total, 1))}%), ${((at - started) / 1000).toFixed(0)} s${finishing}\n`);
      },
      done: () => {},
    };
  }
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const at = now();
      first ??= { at, done };
      if (at - lastDraw < 100 && done < total) return; // redraw at most 10 times a second
      lastDraw = at;
      const seconds = (at - first.at) / 1000;
      const rate = seconds > 0 ? (done - first.done) / seconds : 0;
      const counted = done - first.done;
      const sure = counted >= Math.max(1, ESTIMATE_MIN_SHARE * total) && at - first.at >= ESTIMATE_MIN_MS && rate > 0;
      const left = done >= total && options.finishing ? `  ${options.finishing}…` : sure ? `  ${formatSeconds((total - done) / rate)} left` : '';
      stream.write(`\r${done}/${total} files${rate > 0 && sure ? `  ${rate.toFixed(0)} files/s` : ''}${left}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}
