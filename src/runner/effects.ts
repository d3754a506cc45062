// Everything a job run touches outside itself, passed in as one object (as Observable
// Framework passes its effects): the raw store, the processed files, HTTP, the clock and
// sleep. The files on disk in production; memory and a fake clock in tests.
import type { HttpClient } from '../http/http-client.ts';
import { RawStore, type RawStorage } from '../store/raw-store.ts';
import { processedFolder, type ProcessedStorage } from '../store/processed-store.ts';
import { realSleep } from '../lib/sleep.ts';

export interface RunEffects {
  raw: RawStorage;
  processed: ProcessedStorage;
  /** Needed only by a run that fetches. */
  http?: HttpClient;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export { realSleep };

export function fileEffects(dataDir: string, extra: Partial<Omit<RunEffects, 'raw' | 'processed'>> = {}): RunEffects {
  return { raw: new RawStore(dataDir), processed: processedFolder(dataDir), now: () => new Date(), sleep: realSleep, ...extra };
}
