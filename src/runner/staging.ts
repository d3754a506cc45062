// Stage 2 of a run: answers from the provider are parsed as they arrive (accept), queued, and
// committed in one step (build with everything stored, validate, write raw, publish). A
// failed validation writes nothing; commits never overlap; an answer accepted while a commit
// is under way waits for the next one.
import { asPipelineError, PipelineError } from '../domain/errors.ts';
import type { HttpRawMeta, ParseResult } from '../domain/source-data.ts';
import type { Answer, SourceConnector } from '../sources/connector.ts';
import { planSnapshot } from '../store/raw-store.ts';
import { buildSeries, type Contribution } from './build.ts';
import type { RunEffects } from './effects.ts';
import { parseWith } from './parse.ts';
import { publish } from './publish.ts';
import type { RunSummary, SeriesChange } from './run-summary.ts';
import type { StoredData } from './stored-snapshots.ts';
import { assertValid } from './validate.ts';

/** Distinct request keys write independent files: overlap their fsyncs this many at a time. */
const RAW_WRITE_CONCURRENCY = 16;

type Draft = Omit<HttpRawMeta, 'bytes' | 'sha256'>;

/** The one place a provider answer becomes snapshot metadata. */
export function answerMeta(connector: SourceConnector, a: Answer, at: Date): Draft {
  const meta: Draft = {
    source: connector.name,
    kind: 'http',
    parser: a.parser,
    key: a.key,
    url: a.response.url,
    status: a.response.status,
    contentType: a.response.contentType,
    retrievedAt: at.toISOString(),
    connectorVersion: connector.version,
  };
  if (a.request) meta.request = a.request;
  if (a.vintage) meta.vintage = a.vintage;
  return meta;
}

function addChanges(into: SeriesChange[], more: SeriesChange[]): SeriesChange[] {
  const by = new Map(into.map((c) => [c.series, { ...c }]));
  for (const c of more) {
    const cur = by.get(c.series);
    if (cur) Object.assign(cur, { added: cur.added + c.added, revised: cur.revised + c.revised, removed: cur.removed + c.removed });
    else by.set(c.series, { ...c });
  }
  return [...by.values()];
}

export class Staging {
  private pending: Array<{ answer: Answer; draft: Draft; parsed: ParseResult }> = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private connector: SourceConnector,
    private effects: RunEffects,
    private stored: StoredData,
    private summary: RunSummary,
    private signal: AbortSignal,
  ) {}

  get pendingCount(): number {
    return this.pending.length;
  }

  async accept(answer: Answer): Promise<ParseResult> {
    const name = this.connector.name;
    if (this.signal.aborted) throw new PipelineError('INTERRUPTED', `${name}: stopped on request`, { source: name });
    const draft = answerMeta(this.connector, answer, this.effects.now());
    const body = answer.response.body;
    let parsed: ParseResult;
    try {
      parsed = await parseWith(this.connector, { ...draft, bytes: body.byteLength, sha256: '' }, body);
    } catch (err) {
      const e = asPipelineError(err, 'PARSE_FAILED', { source: name, url: draft.url });
      e.context.url ??= draft.url;
      await this.effects.raw.putRejected(draft, body, answer.ext, e.describe()).catch(() => undefined);
      throw e;
    }
    this.summary.fetched++;
    this.summary.notes.push(...parsed.notes);
    this.pending.push({ answer, draft, parsed });
    return parsed;
  }

  /** Commit what is pending (after any commit under way). */
  commit(): Promise<void> {
    this.chain = this.chain.then(() => this.commitNow());
    return this.chain;
  }

  private async commitNow(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const { connector, stored } = this;
    // Each answer's snapshot as it will be stored (or the identical one already stored), so one
    // build both validates and carries the real file names and sha256 into the metadata.
    const planned = batch.map((b) => ({ ...b, ...planSnapshot(b.draft, b.answer.response.body, b.answer.ext, stored.latest) }));
    const fresh = planned.filter((p) => p.stored);
    const staged: Contribution[] = fresh.flatMap(({ snapshot, parsed }) => parsed.series.map((series) => ({ snapshot, series })));
    const built = buildSeries([...stored.contributions, ...staged]);
    connector.finish?.(built.series);
    assertValid(connector, built.series);
    // Raw first: processed data must always be reproducible from what raw holds.
    for (let i = 0; i < fresh.length; i += RAW_WRITE_CONCURRENCY) {
      await Promise.all(fresh.slice(i, i + RAW_WRITE_CONCURRENCY).map((p) => this.effects.raw.write(p.snapshot, p.answer.response.body)));
    }
    for (const p of fresh) {
      stored.latest.set(p.snapshot.meta.key, p.snapshot);
      this.summary.snapshotsWritten.push(p.snapshot.file);
    }
    stored.contributions.push(...staged);
    this.summary.changes = addChanges(this.summary.changes, await publish(connector, built, this.effects.processed));
    this.summary.conflicts = built.conflicts;
  }
}
