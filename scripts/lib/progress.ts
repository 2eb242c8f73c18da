/**
 * Progress for long builds: on a terminal, one line rewritten in place with files done, rate and
 * time left; in CI and pipes, nothing (the summary at the end says it all).
 */
export function createProgress(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return; // redraw at most 10 times a second
      lastDraw = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      const left = rate > 0 ? (total - done) / rate : 0;
      stream.write(`\r${done}/${total} files  ${rate.toFixed(0)} files/s  ${left.toFixed(0)} s left   `);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
