// One lock per data folder, shared by the scheduler, the refresh endpoint and the CLI, so no
// job overlaps itself or a manual run. It survives a crash: a lock whose process is dead is
// taken over; a lock held by a live process is respected.
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { PipelineError } from '../domain/errors.ts';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  holder: string;
}

export interface HeldLock {
  info: LockInfo;
  release(): Promise<void>;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'refresh.lock');
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLock(dataDir: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await fs.readFile(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** The process holding the lock, if a live one does (a dead holder's lock is no obstacle). */
export async function liveHolder(dataDir: string): Promise<LockInfo | undefined> {
  const info = await readLock(dataDir);
  return info && !isStale(info) ? info : undefined;
}

function isStale(info: LockInfo | undefined): boolean {
  // A lock from another host cannot be checked; only this host's dead processes are stale.
  return !info || (info.host === os.hostname() && !processAlive(info.pid));
}

export async function acquireLock(dataDir: string, holder: string): Promise<HeldLock> {
  const file = lockPath(dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), holder };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await fs.open(file, 'wx');
      try {
        await fh.writeFile(JSON.stringify(info) + '\n');
        await fh.sync();
      } catch (err) {
        // A full disk: never leave an empty lock behind.
        await fh.close();
        await fs.rm(file, { force: true });
        throw err;
      }
      await fh.close();
      return {
        info,
        async release() {
          const cur = await readLock(dataDir);
          if (cur && cur.pid === info.pid && cur.startedAt === info.startedAt) await fs.rm(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const text = await fs.readFile(file, 'utf8').catch(() => '');
      let cur: LockInfo | undefined;
      try {
        cur = JSON.parse(text) as LockInfo;
      } catch {
        cur = undefined; // torn by a crash while writing: nobody can hold it
      }
      if (!isStale(cur)) {
        throw new PipelineError('LOCKED', `a refresh is already running (${cur!.holder}, pid ${cur!.pid}, since ${cur!.startedAt})`, { file, holder: cur });
      }
      // Take over a dead holder's lock, unless someone else just did.
      if ((await fs.readFile(file, 'utf8').catch(() => '')) === text) await fs.rm(file, { force: true });
    }
  }
  throw new PipelineError('LOCKED', 'could not take the refresh lock (another process took it over first)', { file });
}
