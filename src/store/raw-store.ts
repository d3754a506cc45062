// Raw snapshots: provider bytes exactly as received, never edited or deleted, each with a
// metadata sidecar (`<file>.meta.json`). They are the vintages every processed number traces to.
// A body is written before its sidecar, so a crash leaves at worst an orphan body that no
// listing sees. A body identical to the latest one for the same request is not stored twice.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeFileAtomic } from './atomic-write.ts';
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

  /** Every snapshot of a source, in a stable order (key, retrievedAt, sha). */
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
      // Folders and sidecars are read concurrently (one round trip each would add up); the sort below fixes the order.
      await Promise.all(
        entries.map(async (e) => {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) await walk(p);
          else if (e.name.endsWith('.meta.json')) {
            const meta = JSON.parse(await fs.readFile(p, 'utf8')) as RawMeta;
            out.push({ file: path.relative(this.dataDir, p.slice(0, -'.meta.json'.length)).split(path.sep).join('/'), meta });
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

  async read(snapshot: Snapshot): Promise<Buffer> {
    return fs.readFile(path.join(this.dataDir, snapshot.file));
  }

  /** Write a planned snapshot: the body first, then its sidecar (a body without one is never listed). */
  async write(snapshot: Snapshot, body: Uint8Array): Promise<void> {
    const abs = path.join(this.dataDir, snapshot.file);
    await writeFileAtomic(abs, body);
    await writeFileAtomic(`${abs}.meta.json`, JSON.stringify(snapshot.meta, null, 2) + '\n');
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
