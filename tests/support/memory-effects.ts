// A job's effects in memory: a raw store, processed files, a fake clock and no real sleeping,
// so a whole run (fetch → stage → publish) is tested without a disk or a network.
import type { RawMetaDraft, Snapshot } from '../../src/domain/source-data.ts';
import type { HttpClient, HttpResponse } from '../../src/http/http-client.ts';
import type { RunEffects } from '../../src/runner/effects.ts';
import type { ProcessedStorage, SourceFileMeta, SourceFilesText } from '../../src/store/processed-store.ts';
import type { RawStorage } from '../../src/store/raw-store.ts';

export class MemoryRaw implements RawStorage {
  snapshots: Snapshot[] = [];
  bodies = new Map<string, Buffer>();
  rejected: string[] = [];
  /** Resolved before each write completes: lets a test act while a commit is under way. */
  writeGate: Promise<void> = Promise.resolve();
  async list(source: string) {
    return this.snapshots.filter((s) => s.meta.source === source);
  }
  async read(s: Snapshot) {
    return this.bodies.get(s.file)!;
  }
  async write(s: Snapshot, body: Uint8Array) {
    await this.writeGate;
    this.bodies.set(s.file, Buffer.from(body));
    this.snapshots.push(s);
  }
  async putRejected(meta: RawMetaDraft, _body: Uint8Array, _ext: string, error: string) {
    this.rejected.push(`${meta.key}: ${error}`);
    return `rejected/${meta.key}`;
  }
}

export class MemoryProcessed implements ProcessedStorage {
  files = new Map<string, SourceFilesText>();
  writes = 0;
  async readCsv(source: string) {
    return this.files.get(source)?.csv;
  }
  async readMeta(source: string) {
    const f = this.files.get(source);
    return f ? (JSON.parse(f.meta) as SourceFileMeta) : undefined;
  }
  async write(source: string, files: SourceFilesText) {
    this.writes++;
    this.files.set(source, files);
    return [];
  }
}

/** A fake HTTP client answering from a map of URL → body. */
export function memoryHttp(answers: Record<string, string>): HttpClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async get(url): Promise<HttpResponse> {
      asked.push(url);
      const body = answers[url];
      if (body === undefined) throw new Error(`no answer for ${url}`);
      return { url, status: 200, contentType: 'text/plain', body: Buffer.from(body), attempts: 1 };
    },
  };
}

export function memoryEffects(http?: HttpClient): RunEffects & { raw: MemoryRaw; processed: MemoryProcessed } {
  let t = Date.parse('2026-12-01T10:00:00Z');
  return { raw: new MemoryRaw(), processed: new MemoryProcessed(), http, now: () => new Date((t += 1000)), sleep: async () => {} };
}
