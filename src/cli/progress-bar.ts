// A one-line progress bar with an ETA for terminals; silent when stderr is not a TTY.
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let last = 0;
  return {
    update(done: number, total: number, label: string) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const share = total ? done / total : 1;
      const filled = Math.round(share * width);
      const elapsed = (now - started) / 1000;
      const eta = done ? (elapsed / done) * (total - done) : 0;
      const fmt = (s: number) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${(share * 100).toFixed(0)}% ETA ${fmt(eta)} ${label}`.padEnd(100).slice(0, 120));
      if (done >= total) stream.write('\n');
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
