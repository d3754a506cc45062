import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { acquireLock, lockPath } from '../../src/runner/lock.ts';
import { recoverAfterCrash } from '../../src/runner/crash-recovery.ts';
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

  it('is taken over when a crash left it torn (empty file, not written for a while)', async () => {
    const dir = await tempDataDir();
    await fs.writeFile(lockPath(dir), '');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockPath(dir), old, old);
    const lock = await acquireLock(dir, 'test');
    await lock.release();
  });
});

describe('refresh lock under races', () => {
  it('is held by exactly one of two takers started at the same moment, 500 times over', async () => {
    const dir = await tempDataDir();
    let both = 0;
    let neither = 0;
    for (let i = 0; i < 500; i++) {
      const got = await Promise.allSettled([acquireLock(dir, 'a'), acquireLock(dir, 'b')]);
      const held = got.filter((g) => g.status === 'fulfilled') as Array<PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>>;
      if (held.length === 2) both++;
      if (held.length === 0) neither++;
      for (const g of got) if (g.status === 'rejected') expect(g.reason).toMatchObject({ code: 'LOCKED' });
      for (const h of held) await h.value.release();
    }
    expect({ both, neither }).toEqual({ both: 0, neither: 0 });
  }, 60_000);

  it('never shows a lock file before its content is complete (another process reading in a tight loop)', async () => {
    const dir = await tempDataDir();
    const file = lockPath(dir);
    // A reader in its own process, as a second CLI or server would be: it counts every read that
    // found the file without its complete content.
    const reader = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      let torn = 0, reads = 0;
      const end = Date.now() + 30000;
      while (Date.now() < end && !fs.existsSync(${JSON.stringify(file)} + '.done')) {
        try { const t = fs.readFileSync(${JSON.stringify(file)}, 'utf8'); reads++; if (!t.endsWith('}\\n')) torn++; } catch {}
      }
      process.stdout.write(JSON.stringify({ torn, reads }));
    `]);
    let out = '';
    reader.stdout.on('data', (d) => (out += d));
    const exited = new Promise((r) => reader.once('exit', r));
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 300; i++) await (await acquireLock(dir, 'x')).release();
    await fs.writeFile(`${file}.done`, '');
    await exited;
    const { torn, reads } = JSON.parse(out);
    expect(reads).toBeGreaterThan(0);
    expect(torn).toBe(0);
  }, 60_000);

  it('takes over a lock that does not parse only once it is old (a young one may be a writer of another version)', async () => {
    const dir = await tempDataDir();
    await fs.writeFile(lockPath(dir), '');
    await expect(acquireLock(dir, 'test')).rejects.toMatchObject({ code: 'LOCKED' });
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockPath(dir), old, old);
    await (await acquireLock(dir, 'test')).release();
  });

  it('leaves a lock from another host alone, however old', async () => {
    const dir = await tempDataDir();
    const foreign = { pid: 1, host: `not-${os.hostname()}`, startedAt: '2020-01-01T00:00:00Z', holder: 'cli refresh on the other server' };
    await fs.writeFile(lockPath(dir), JSON.stringify(foreign) + '\n');
    await expect(acquireLock(dir, 'test')).rejects.toMatchObject({ code: 'LOCKED' });
    expect(JSON.parse(await fs.readFile(lockPath(dir), 'utf8'))).toEqual(foreign);
  });
});

describe('start-up after a crash', () => {
  async function withTemp(dir: string) {
    await fs.mkdir(path.join(dir, 'processed'), { recursive: true });
    const tmp = path.join(dir, 'processed', '.nbk.csv.tmp-99-0123abcd');
    await fs.writeFile(tmp, 'half');
    return tmp;
  }

  it('leaves another host’s lock and the temp files of its writer alone, and says so when it is old', async () => {
    const dir = await tempDataDir();
    const tmp = await withTemp(dir);
    const foreign = { pid: process.pid, host: `not-${os.hostname()}`, startedAt: '2026-01-01T00:00:00Z', holder: 'schedule refresh on server B' };
    await fs.writeFile(lockPath(dir), JSON.stringify(foreign) + '\n');
    const r = await recoverAfterCrash(dir, new Date('2026-01-02T00:00:00Z'));
    expect(r).toMatchObject({ removedLock: false, removedTempFiles: 0 });
    expect(r.notes.join()).toContain('server B');
    expect(JSON.parse(await fs.readFile(lockPath(dir), 'utf8'))).toEqual(foreign);
    await fs.access(tmp);
  });

  it('clears a dead local process’s lock and temp files', async () => {
    const dir = await tempDataDir();
    const tmp = await withTemp(dir);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    await fs.writeFile(lockPath(dir), JSON.stringify({ pid: dead, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', holder: 'killed' }) + '\n');
    expect(await recoverAfterCrash(dir)).toMatchObject({ removedLock: true, removedTempFiles: 1 });
    await expect(fs.access(tmp)).rejects.toThrow();
    await expect(fs.access(lockPath(dir))).rejects.toThrow();
  });
});
