// Stage 1 of a run: every snapshot the raw store holds for a source, parsed (an unparseable
// stored file fails the job: processed data must be a pure function of raw).
import { asPipelineError } from '../domain/errors.ts';
import type { Snapshot } from '../domain/source-data.ts';
import type { SourceConnector } from '../sources/connector.ts';
import type { RawStorage } from '../store/raw-store.ts';
import { latestByKey } from '../store/raw-store.ts';
import type { Contribution } from './build.ts';
import { parseWith, type ParseCache } from './parse.ts';

export interface StoredData {
  contributions: Contribution[];
  /** Latest snapshot per request key. */
  latest: Map<string, Snapshot>;
  count: number;
}

export async function loadStored(connector: SourceConnector, raw: RawStorage, cache?: ParseCache): Promise<StoredData> {
  const snapshots = await raw.list(connector.name);
  const contributions: Contribution[] = [];
  for (const snapshot of snapshots) {
    try {
      const parsed = await parseWith(connector, snapshot.meta, await raw.read(snapshot), cache);
      for (const series of parsed.series) contributions.push({ snapshot, series });
    } catch (err) {
      throw asPipelineError(err, 'RAW_UNPARSEABLE', { source: connector.name, file: snapshot.file });
    }
  }
  return { contributions, latest: latestByKey(snapshots), count: snapshots.length };
}
