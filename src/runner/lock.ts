// One lock per data folder, shared by the scheduler, the refresh endpoint and the CLI, so no
// job overlaps itself or a manual run. It survives a crash: a lock whose process is dead (on
// this host) is taken over; a lock held by a live process, or by another host, is respected.
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { PipelineError } from '../domain/errors.ts';
import { stageFile } from '../store/atomic-write.ts';

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
  return parseLock(await fs.readFile(lockPath(dataDir), 'utf8').catch(() => ''));
}

/** The process holding the lock, if a live one does (a dead holder's lock is no obstacle). */
export async function liveHolder(dataDir: string): Promise<LockInfo | undefined> {
  const info = await readLock(dataDir);
  return info && !isStale(info) ? info : undefined;
}

/** A lock file that does not parse is taken for a crash's leftover only once it is this old. */
const UNREADABLE_GRACE_MS = 10_000;

/** Can this lock be taken over? Only a dead process on this host, or a file left unreadable for a while. */
export function isStale(info: LockInfo | undefined, ageMs = Infinity): boolean {
  // A lock from another host cannot be checked: it is left alone, however old.
  if (!info) return ageMs >= UNREADABLE_GRACE_MS;
  return info.host === os.hostname() && !processAlive(info.pid);
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info?.pid === 'number' && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Create the lock with its content complete: written to a temp file, then hard-linked to the
 * lock's name, which fails if the name exists. Nobody ever sees a half-written lock.
 */
async function createLock(file: string, info: LockInfo): Promise<boolean> {
  const staged = await stageFile(file, JSON.stringify(info) + '\n');
  const tmp = staged.path;
  try {
    await fs.link(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await staged.discard();
  }
}

/** Take a stale lock away: moved aside under a unique name, so of two takers only one gets it. */
async function removeStale(file: string, judged: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  try {
    await fs.rename(file, aside);
  } catch {
    return; // someone else moved it first
  }
  // The file moved may be a fresh lock someone took meanwhile: put it back if so.
  if ((await fs.readFile(aside, 'utf8').catch(() => judged)) !== judged) await fs.link(aside, file).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

export async function acquireLock(dataDir: string, holder: string): Promise<HeldLock> {
  const file = lockPath(dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), holder };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createLock(file, info)) {
      return {
        info,
        async release() {
          const cur = await readLock(dataDir);
          if (cur && cur.pid === info.pid && cur.startedAt === info.startedAt) await fs.rm(file, { force: true });
        },
      };
    }
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const cur = parseLock(text);
    const age = await fs.stat(file).then((st) => Date.now() - st.mtimeMs, () => Infinity);
    if (!isStale(cur, age)) {
      const who = cur ? `${cur.holder}, pid ${cur.pid} on ${cur.host}, since ${cur.startedAt}` : 'a lock file written moments ago that cannot be read yet';
      throw new PipelineError('LOCKED', `a refresh is already running (${who})`, { file, holder: cur });
    }
    await removeStale(file, text);
  }
  throw new PipelineError('LOCKED', 'could not take the refresh lock (another process took it over first)', { file });
}
