// Raw snapshots: provider bytes exactly as received, never edited or deleted, each with a
// metadata sidecar (`<file>.meta.json`). They are the vintages every processed number traces to.
// Every read checks a body against its sidecar's sha256. A body identical to the latest one
// for the same request is not stored twice.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { isTempOf, stageFile, writeFileAtomic } from './atomic-write.ts';
import { PipelineError } from '../domain/errors.ts';
import type { RawMeta, RawMetaDraft, Snapshot } from '../domain/source-data.ts';
import { byCodeUnit } from '../lib/order.ts';

export type { RawMeta, Snapshot };

/** What the runner needs of a raw store: the file-backed one below, or one in memory for tests. */
export interface RawStorage {
  list(source: string): Promise<Snapshot[]>;
  read(snapshot: Snapshot): Promise<Buffer>;
  write(snapshot: Snapshot, body: Uint8Array): Promise<void>;
  putRejected(meta: RawMetaDraft, body: Uint8Array, ext: string, error: string): Promise<string>;
}

const REJECTED_PREFIX_BYTES = 65_536;
const SIDECAR = '.meta.json';

/** What a source's raw folder may hold beside snapshots: its documentation, and the publisher's
 *  original files kept for reference (the snapshots are their conversions; never read). */
const KEPT_BESIDE = {
  folders: new Set(['original']),
  isDocument: (name: string) => name.endsWith('.md'),
};

/** A raw file that cannot be trusted: which one, what is wrong, and how to heal it. */
function rawError(code: string, file: string, what: string): PipelineError {
  return new PipelineError(code, `${file} ${what}. Raw snapshots are never rewritten: restore the file from a backup or the bundled snapshot (or move it out of data/raw), then run npm run rebuild`, { file });
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function compactTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Where a body would be stored, without writing it: the existing snapshot when the body equals
 * the latest one for the same key (not stored twice), else the new file and its sidecar.
 */
export function planSnapshot(
  meta: RawMetaDraft,
  body: Uint8Array,
  ext: string,
  existing: ReadonlyMap<string, Snapshot>,
  fileName?: string,
): { snapshot: Snapshot; stored: boolean } {
  const hash = sha256(body);
  const latest = existing.get(meta.key);
  if (latest && latest.meta.sha256 === hash) return { snapshot: latest, stored: false };
  const full = { ...meta, bytes: body.byteLength, sha256: hash } as RawMeta;
  const rel = path.posix.join('raw', meta.source, meta.key, fileName ?? `${compactTime(meta.retrievedAt)}-${hash.slice(0, 8)}.${ext}`);
  return { snapshot: { file: rel, meta: full }, stored: true };
}

/** Latest snapshot per request key. */
export function latestByKey(snapshots: Snapshot[]): Map<string, Snapshot> {
  const latest = new Map<string, Snapshot>();
  for (const s of snapshots) {
    const cur = latest.get(s.meta.key);
    if (!cur || s.meta.retrievedAt >= cur.meta.retrievedAt) latest.set(s.meta.key, s);
  }
  return latest;
}

export class RawStore implements RawStorage {
  constructor(readonly dataDir: string) {}

  private root(source: string): string {
    return path.join(this.dataDir, 'raw', source);
  }

  /**
   * Every snapshot of a source, in a stable order (key, retrievedAt, sha). Every body has its
   * sidecar and every sidecar its body (a coded error names the one alone); a sidecar whose body
   * is still a temp file is a write a crash interrupted before its commit, and is not listed.
   */
  async list(source: string): Promise<Snapshot[]> {
    const out: Snapshot[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      const names = entries.map((e) => e.name);
      // Folders and sidecars are read concurrently (one round trip each would add up); the sort below fixes the order.
      await Promise.all(
        entries.map(async (e) => {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (!KEPT_BESIDE.folders.has(e.name)) await walk(p);
          } else if (e.name.endsWith(SIDECAR)) {
            const body = e.name.slice(0, -SIDECAR.length);
            if (names.includes(body)) out.push({ file: this.relative(p.slice(0, -SIDECAR.length)), meta: await this.readSidecar(p) });
            else if (!names.some((n) => isTempOf(n, body))) throw rawError('RAW_BODY_MISSING', this.relative(path.join(dir, body)), 'has a sidecar but no body');
          } else if (!isTempOf(e.name) && !KEPT_BESIDE.isDocument(e.name) && !names.includes(e.name + SIDECAR)) {
            throw rawError('RAW_SIDECAR_MISSING', this.relative(p), 'has no sidecar (.meta.json): where it came from is unknown, so it is not read');
          }
        }),
      );
    };
    await walk(this.root(source));
    return out.sort(
      (a, b) =>
        byCodeUnit(a.meta.key, b.meta.key) ||
        byCodeUnit(a.meta.retrievedAt, b.meta.retrievedAt) ||
        byCodeUnit(a.meta.sha256, b.meta.sha256) ||
        byCodeUnit(a.file, b.file),
    );
  }

  private relative(abs: string): string {
    return path.relative(this.dataDir, abs).split(path.sep).join('/');
  }

  private async readSidecar(abs: string): Promise<RawMeta> {
    const text = await fs.readFile(abs, 'utf8');
    let meta: RawMeta;
    try {
      meta = JSON.parse(text) as RawMeta;
    } catch (err) {
      throw rawError('RAW_SIDECAR_INVALID', this.relative(abs), `is not JSON (${(err as Error).message})`);
    }
    const missing = ['source', 'key', 'parser', 'retrievedAt', 'sha256', 'bytes'].filter((k) => meta?.[k as keyof RawMeta] === undefined);
    if (missing.length) throw rawError('RAW_SIDECAR_INVALID', this.relative(abs), `lacks ${missing.join(', ')}`);
    return meta;
  }

  /** The body, checked against its sidecar's length and sha256 (a hand edit or a bad disk never reaches a parser). */
  async read(snapshot: Snapshot): Promise<Buffer> {
    let body: Buffer;
    try {
      body = await fs.readFile(path.join(this.dataDir, snapshot.file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw rawError('RAW_BODY_MISSING', snapshot.file, 'has a sidecar but no body');
      throw err;
    }
    const hash = sha256(body);
    if (body.byteLength !== snapshot.meta.bytes || hash !== snapshot.meta.sha256) {
      throw rawError('RAW_CHECKSUM_MISMATCH', snapshot.file, `does not match its sidecar: ${body.byteLength} bytes with sha256 ${hash.slice(0, 12)}…, the sidecar says ${snapshot.meta.bytes} bytes with ${String(snapshot.meta.sha256).slice(0, 12)}…`);
    }
    return body;
  }

  /**
   * Write a planned snapshot. The body is written in full under a temp name, then its sidecar,
   * then the body is renamed in: a crash leaves either nothing listed or both files, never a
   * body without its sidecar.
   */
  async write(snapshot: Snapshot, body: Uint8Array): Promise<void> {
    const abs = path.join(this.dataDir, snapshot.file);
    const staged = await stageFile(abs, body);
    try {
      await writeFileAtomic(`${abs}${SIDECAR}`, JSON.stringify(snapshot.meta, null, 2) + '\n');
    } catch (err) {
      await staged.discard();
      throw err;
    }
    await staged.commit();
  }

  /**
   * Store a body unless it equals the latest body stored for the same key.
   * `existing` lets a caller that already listed the source skip a second listing.
   */
  async put(
    meta: RawMetaDraft,
    body: Uint8Array,
    ext: string,
    existing?: Map<string, Snapshot>,
    fileName?: string,
  ): Promise<{ snapshot: Snapshot; stored: boolean }> {
    const known = existing ?? latestByKey(await this.list(meta.source));
    const planned = planSnapshot(meta, body, ext, known, fileName);
    if (planned.stored) {
      await this.write(planned.snapshot, body);
      known.set(meta.key, planned.snapshot);
    }
    return planned;
  }

  /**
   * Keep a rejected answer for diagnosis, outside the folders the build reads: its first 64 kB
   * (enough to see what went wrong) with its full length and sha256 (a 300 MB answer kept whole
   * filled the disk).
   */
  async putRejected(meta: RawMetaDraft, body: Uint8Array, ext: string, error: string): Promise<string> {
    const hash = sha256(body);
    const kept = body.subarray(0, REJECTED_PREFIX_BYTES);
    const rel = path.posix.join('rejected', meta.source, meta.key, `${compactTime(meta.retrievedAt)}-${hash.slice(0, 8)}.${ext}`);
    const abs = path.join(this.dataDir, rel);
    await writeFileAtomic(abs, kept);
    await writeFileAtomic(`${abs}.meta.json`, JSON.stringify({ ...meta, bytes: body.byteLength, keptBytes: kept.byteLength, sha256: hash, error }, null, 2) + '\n');
    return rel;
  }
}
