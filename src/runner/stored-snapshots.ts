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
  // Every body is requested at once and parsed in order as it arrives (the reads overlap the parsing).
  const bodies = snapshots.map((s) => raw.read(s));
  for (const b of bodies) b.catch(() => undefined); // a failure is reported where it is awaited below
  const contributions: Contribution[] = [];
  for (const [i, snapshot] of snapshots.entries()) {
    try {
      const parsed = await parseWith(connector, snapshot.meta, await bodies[i], cache);
      for (const series of parsed.series) contributions.push({ snapshot, series });
    } catch (err) {
      throw asPipelineError(err, 'RAW_UNPARSEABLE', { source: connector.name, file: snapshot.file });
    }
  }
  return { contributions, latest: latestByKey(snapshots), count: snapshots.length };
}
