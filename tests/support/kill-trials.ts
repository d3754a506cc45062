// Start `npm run refresh` as a child process, SIGKILL it at a given moment, and check that
// every processed file still parses and is byte-for-byte the old or the new version.
// Shared by the test (a few trials) and `npm run check:reliability` (many).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readSourceFiles } from '../../src/store/processed-store.ts';
import { readLock } from '../../src/runner/lock.ts';
import { copyDataDir, processedBytes, REPO } from './data-dir.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import type { ParseCache } from '../../src/runner/parse.ts';
import { allJobs, loadJobConfig } from '../../pipelines/index.ts';

/** sha256 of every processed file, by name (the same helper the fault tests use). */
export const hashes = processedBytes;

export function runRefreshChild(dataDir: string, env: Record<string, string>, args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli/refresh.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, HTTP_RETRIES: '0', ...env },
    stdio: 'ignore',
  });
}

export interface TrialResult {
  torn: number;
  neither: string[];
  stuckLock: boolean;
  killedAtMs: number;
}

/** `killedAtMs`: when to kill, ms after the start (callers draw it from a seeded generator). */
/** The raw snapshots every trial rebuilds are mostly the same files: each is parsed once (keyed by its bytes' sha256). */
const parseCache: ParseCache = new Map();

export async function killTrial(template: string, env: Record<string, string>, args: string[], before: Map<string, string>, after: Map<string, string>, killedAtMs: number): Promise<TrialResult> {
  const dir = await copyDataDir(template);
  const child = runRefreshChild(dir, env, args);
  const exited = new Promise((r) => child.once('exit', r));
  await Promise.race([new Promise((r) => setTimeout(r, killedAtMs)), exited]);
  child.kill('SIGKILL');
  await exited;
  let torn = 0;
  for (const source of ['nbk', 'imf']) {
    try {
      await readSourceFiles(dir, source);
    } catch {
      torn++;
    }
  }
  const now = await hashes(dir);
  // "New" is what the raw snapshots this trial left behind build to (retrieval times differ per run).
  const rebuiltDir = await copyDataDir(dir);
  await rebuildAll(rebuiltDir, allJobs(loadJobConfig({ DATA_DIR: rebuiltDir })).filter((j) => j.name === 'nbk' || j.name === 'imf'), parseCache);
  const rebuilt = await hashes(rebuiltDir);
  await fs.rm(rebuiltDir, { recursive: true, force: true });
  // A checksum file may also be the transitional one a write leaves while under way (it accepts
  // each file's old and new version); that the files verify against it is the torn check above.
  const neither = [...now].filter(([name, h]) => !name.endsWith('.sha256') && h !== before.get(name) && h !== after.get(name) && h !== rebuilt.get(name)).map(([n]) => n);
  // The lock a killed process leaves must not block the next run.
  const lock = await readLock(dir);
  let stuckLock = false;
  if (lock) {
    try {
      process.kill(lock.pid, 0);
      stuckLock = true;
    } catch {
      stuckLock = false;
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
  return { torn, neither, stuckLock, killedAtMs };
}
