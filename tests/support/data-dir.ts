// Temporary data folders for tests: a copy of (part of) the bundled raw snapshot, rebuilt.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.ts';
import { loadJobConfig } from '../../pipelines/index.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO, 'tests/fixtures');

export async function tempDataDir(rawParts: string[] = []): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kz-data-'));
  for (const part of rawParts) {
    await fs.cp(path.join(REPO, 'data/raw', part), path.join(dir, 'raw', part), { recursive: true });
  }
  return dir;
}

/** A throwaway copy of what a server reads of the bundled data: processed files, claims and
 *  content, without the raw snapshots (1,700 files a copy did not need). For tests whose
 *  refreshes fail at the provider or are refused, never build. */
/** A copy filter: everything of data/ but the raw snapshots. */
export const notRaw = (src: string): boolean => !/[\\/]data[\\/]raw$/.test(src);

/** A copy filter: everything of data/ but the raw snapshots of sources other than these (a test
 *  that refreshes NBK needs NBK's history, not Comext's 844 files). */
export const rawOnlyOf = (...sources: string[]) => (src: string): boolean => {
  const m = /[\\/]data[\\/]raw[\\/]([^\\/]+)$/.exec(src);
  return !m || sources.includes(m[1]);
};

export async function servedDataDir(): Promise<string> {
  const dir = await tempDataDir();
  await fs.cp(path.join(REPO, 'data'), dir, { recursive: true, filter: notRaw });
  return dir;
}

/** A throwaway copy of the bundled data folder (raw, processed, claims, content). */
export async function bundledDataDir(): Promise<string> {
  const dir = await tempDataDir();
  await fs.cp(path.join(REPO, 'data'), dir, { recursive: true });
  return dir;
}

export function testConfig(dataDir: string, overrides: Record<string, string> = {}): Config {
  return loadJobConfig({ DATA_DIR: dataDir, HTTP_TIMEOUT_MS: '400', HTTP_RETRIES: '1', ...overrides });
}

/**
 * Every file under processed/, by name, with the sha256 of its bytes: compare before and after
 * a failed run. (Hashes, because a deep equality over megabyte Buffers takes seconds.)
 */
export async function processedBytes(dataDir: string): Promise<Map<string, string>> {
  const dir = path.join(dataDir, 'processed');
  const out = new Map<string, string>();
  // Dot-files are temp files of an interrupted write, not processed data.
  for (const name of (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort()) {
    out.set(name, crypto.createHash('sha256').update(await fs.readFile(path.join(dir, name))).digest('hex'));
  }
  return out;
}

export const noSleep = async () => {};

export function fixture(rel: string): Promise<Buffer> {
  return fs.readFile(path.join(FIXTURES, rel));
}

export async function copyDataDir(from: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kz-data-'));
  await fs.cp(from, dir, { recursive: true });
  return dir;
}
