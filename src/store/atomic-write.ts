// Write a file so that readers only ever see the old bytes or the new bytes: write a temp
// file in the same folder (same filesystem), fsync it, rename over the target, fsync the folder.
// A write that fails removes its temp file and says, as a coded error, which file and why
// (a full disk, a read-only folder): never a raw stack.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { PipelineError } from '../domain/errors.ts';

/** An operating-system write error as a coded error naming the file. */
export function writeError(err: unknown, file: string): PipelineError {
  if (err instanceof PipelineError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new PipelineError('DISK_FULL', `cannot write ${file}: no space left on the device`, { file }, { cause: err });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new PipelineError('NOT_WRITABLE', `cannot write ${file}: the folder is read-only or not ours (${code})`, { file }, { cause: err });
  return new PipelineError('WRITE_FAILED', `cannot write ${file}: ${(err as Error).message}`, { file }, { cause: err });
}

/** A file written in full beside its target, not yet visible under the target's name. */
export interface StagedFile {
  /** The temp file's path. */
  readonly path: string;
  /** Rename it over the target (atomic) and make the rename durable. */
  commit(): Promise<void>;
  /** Remove the temp file (after a failure elsewhere). */
  discard(): Promise<void>;
}

/** The name of a temp file for a target: hidden, and recognisable as a pending write of it. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
}

/** Is this file name a temp file of a pending (or interrupted) write of `name`? */
export function isTempOf(entry: string, name?: string): boolean {
  const m = /^\.(.+)\.tmp-\d+-[0-9a-f]{8}$/.exec(entry);
  return m !== null && (name === undefined || m[1] === name);
}

export async function stageFile(target: string, data: string | Uint8Array): Promise<StagedFile> {
  const dir = path.dirname(target);
  const tmp = tempNameFor(target);
  const discard = () => fs.rm(tmp, { force: true }).catch(() => undefined);
  try {
    await fs.mkdir(dir, { recursive: true });
    const fh = await fs.open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    await discard();
    throw writeError(err, target);
  }
  return {
    path: tmp,
    discard,
    async commit() {
      try {
        await fs.rename(tmp, target);
        const dh = await fs.open(dir, 'r');
        try {
          await dh.sync();
        } finally {
          await dh.close();
        }
      } catch (err) {
        await discard();
        throw writeError(err, target);
      }
    },
  };
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await (await stageFile(target, data)).commit();
}

/** Does the file hold exactly these bytes? (false when it does not exist) */
export async function fileHolds(target: string, data: Uint8Array): Promise<boolean> {
  try {
    return (await fs.readFile(target)).equals(data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(err, target);
    return false;
  }
}

/** Temp files left by a process killed mid-write; safe to delete when no writer is running. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) removed += await removeStaleTempFiles(p);
    else if (isTempOf(e.name)) {
      await fs.rm(p, { force: true });
      removed++;
    }
  }
  return removed;
}
