// What a job is: a source connector plus when to run it, how fresh its data should be, the
// settings it reads from the environment, and the files it ships in the bundled snapshot.
// Job definitions live in pipelines/, one file each; this file is the shape they share.
import type { SettingSpec } from '../config.ts';
import type { RawMetaDraft } from '../domain/source-data.ts';
import type { SourceConnector } from '../sources/connector.ts';
import { Vocabulary } from '../domain/source-words.ts';

export interface Schedule {
  cron: string;
  timezone: string;
  description: string;
}

/** A file of the bundled snapshot: copied from shared/data into data/raw/<job>/ by `npm run import:bundled`. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type BundledFile = DistributiveOmit<RawMetaDraft, 'source' | 'connectorVersion'> & {
  /** Path under shared/data. */
  from: string;
  /** File name under data/raw/<job>/<key>/. */
  fileName: string;
};

export interface JobModule {
  /** Job name = source name: folder under data/raw, file stem under data/processed. */
  name: string;
  /** Environment settings this job reads (provider URLs), each with a working default. */
  settings: SettingSpec[];
  /** Absent for a source that is only imported (a published table, no API to refresh from). */
  schedule?: Schedule;
  /** Data older than this (since the provider's last new value) is flagged stale. */
  expectedCadenceDays: number;
  bundled?: BundledFile[];
  connector(settings: Readonly<Record<string, string>>): SourceConnector;
}

export interface JobDefinition {
  name: string;
  connector: SourceConnector;
  schedule?: Schedule;
  expectedCadenceDays: number;
}

export function urlSetting(name: string, url: string, description: string): SettingSpec {
  return { name, default: url, kind: 'url', description };
}

/** Every job's words (id schemes, title phrases), as the server and the ledger read them. */
export function vocabularyOf(jobs: readonly JobDefinition[]): Vocabulary {
  return Vocabulary.of(jobs.map((j) => ({ name: j.name, words: j.connector.words })));
}
