// What a process killed mid-write leaves behind, cleared when a server starts: the temp files
// of its interrupted writes and its lock. Only when the lock is provably dead (a process of this
// host that no longer runs): with a data folder shared by several hosts, a lock from another
// host belongs to a writer this host cannot see, and its temp files are that writer's work.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeStaleTempFiles } from '../store/atomic-write.ts';
import { isStale, lockPath, readLock } from './lock.ts';

/** A lock older than this from another host is worth a word to the operator. */
const OLD_FOREIGN_LOCK_MS = 6 * 3600_000;

export interface Recovery {
  removedTempFiles: number;
  removedLock: boolean;
  /** What the operator should know (a foreign lock held for long). */
  notes: string[];
}

export async function recoverAfterCrash(dataDir: string, now: Date = new Date()): Promise<Recovery> {
  const file = lockPath(dataDir);
  const exists = await fs.stat(file).then((st) => st, () => undefined);
  const lock = await readLock(dataDir);
  const age = exists ? now.getTime() - exists.mtimeMs : Infinity;
  if (exists && !isStale(lock, age)) {
    const notes: string[] = [];
    if (lock && now.getTime() - Date.parse(lock.startedAt) > OLD_FOREIGN_LOCK_MS && lock.host !== os.hostname()) {
      notes.push(`the refresh lock has been held by ${lock.holder} (pid ${lock.pid} on ${lock.host}) since ${lock.startedAt}; if that host is gone, delete ${file}`);
    }
    return { removedTempFiles: 0, removedLock: false, notes };
  }
  const removedTempFiles = await removeStaleTempFiles(path.join(dataDir, 'processed'));
  if (exists) await fs.rm(file, { force: true });
  return { removedTempFiles, removedLock: Boolean(exists), notes: [] };
}
