import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { acquireLock, lockPath } from '../../src/runner/lock.ts';
import { tempDataDir } from '../support/data-dir.ts';

describe('refresh lock', () => {
  it('is taken over from a process that died (stale), and released', async () => {
    const dir = await tempDataDir();
    // A pid that certainly exited: a child we ran to completion.
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    await fs.writeFile(lockPath(dir), JSON.stringify({ pid: dead, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', holder: 'killed refresh' }));
    const lock = await acquireLock(dir, 'test');
    expect(lock.info.pid).toBe(process.pid);
    await lock.release();
    await expect(fs.access(lockPath(dir))).rejects.toThrow();
  });

  it('is respected while its process lives', async () => {
    const dir = await tempDataDir();
    const held = await acquireLock(dir, 'first');
    await expect(acquireLock(dir, 'second')).rejects.toMatchObject({ code: 'LOCKED' });
    await held.release();
    const again = await acquireLock(dir, 'second');
    await again.release();
  });

  it('is taken over when a crash left it torn (empty file)', async () => {
    const dir = await tempDataDir();
    await fs.writeFile(lockPath(dir), '');
    const lock = await acquireLock(dir, 'test');
    await lock.release();
  });
});
