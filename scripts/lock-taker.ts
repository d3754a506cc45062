// A process of the lock trial (scripts/damage-trials.ts): told "take", it tries the refresh lock
// of the folder it was given, holds it a moment if it got it, releases it, and says when it held it
// (wall-clock milliseconds, comparable across processes).
import { acquireLock } from '../src/runner/lock.ts';

const dir = process.argv[2];
process.on('message', async () => {
  const now = () => performance.timeOrigin + performance.now();
  try {
    const lock = await acquireLock(dir, `lock trial ${process.pid}`);
    const from = now();
    await new Promise((r) => setTimeout(r, 5));
    const to = now();
    await lock.release();
    process.send!({ held: true, from, to });
  } catch {
    process.send!({ held: false });
  }
});
process.send!({ ready: true });
