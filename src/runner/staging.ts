// Stage 2 of a run: answers from the provider are parsed as they arrive (accept), queued, and
// committed in one step (build with everything stored, validate, write raw, publish). A
// failed validation writes nothing; commits never overlap; an answer accepted while a commit
// is under way waits for the next one.
import { asPipelineError, PipelineError } from '../domain/errors.ts';
import type { Observation } from '../domain/series.ts';
import { currentVintage, type BuiltSeries, type HttpRawMeta, type ParseResult } from '../domain/source-data.ts';
import type { Answer, SourceConnector } from '../sources/connector.ts';
import { planSnapshot } from '../store/raw-store.ts';
import { buildSeries, type Contribution } from './build.ts';
import type { RunEffects } from './effects.ts';
import { parseWith } from './parse.ts';
import { changesAgainst, renderBuild, replacedValues } from './publish.ts';
import type { RunSummary, SeriesChange } from './run-summary.ts';
import type { StoredData } from './stored-snapshots.ts';
import { assertValid } from './validate.ts';
import { byCodeUnit } from '../lib/order.ts';

/** Distinct request keys write independent files: overlap their fsyncs this many at a time. */
const RAW_WRITE_CONCURRENCY = 16;
/** An answer this many times the last good one (and at least this big) is implausible. */
const IMPLAUSIBLE_SIZE_FACTOR = 20;
const IMPLAUSIBLE_MIN_BYTES = 1_000_000;

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

  /** The processed values when the run began, for the plausibility check (read once). */
  private previous: Map<string, Observation[]> | undefined;
  /** Size of the last good answer per parser (read once from what is stored). */
  private usualSize: Map<string, number> | undefined;

  constructor(
    private connector: SourceConnector,
    private effects: RunEffects,
    private stored: StoredData,
    private summary: RunSummary,
    private signal: AbortSignal,
    private allowImplausible = false,
  ) {}

  /** An answer far larger than the last good one for the same request (or parser) is refused. */
  private assertUsualSize(draft: Draft, bytes: number): void {
    if (this.allowImplausible || bytes < IMPLAUSIBLE_MIN_BYTES) return;
    if (!this.usualSize) {
      this.usualSize = new Map();
      for (const s of [...this.stored.latest.values()].sort((a, b) => byCodeUnit(a.meta.retrievedAt, b.meta.retrievedAt))) this.usualSize.set(s.meta.parser, s.meta.bytes);
    }
    const last = this.stored.latest.get(draft.key)?.meta.bytes ?? this.usualSize.get(draft.parser);
    if (last !== undefined && bytes > IMPLAUSIBLE_SIZE_FACTOR * last) {
      throw new PipelineError('IMPLAUSIBLE_ANSWER', `${this.connector.name}: the answer is ${bytes} bytes, ${Math.round(bytes / last)}× the last good one (${last} bytes); not used. If this is real, run again allowing it (--allow-implausible)`, {
        source: this.connector.name,
        url: draft.url,
      });
    }
  }

  /** A level revised ×10 or more across the board (a unit slip upstream) fails the run unless allowed.
   *  `replaced`: the processed values now on disk (the run's first commit reads them as the run began). */
  private assertPlausible(series: Map<string, BuiltSeries>, replaced: Map<string, Observation[]>): void {
    if (this.allowImplausible) return;
    this.previous ??= replaced;
    for (const [id, s] of series) {
      const old = new Map((this.previous.get(id) ?? []).map((o) => [o.date, o.value]));
      let overlap = 0;
      let jumps = 0;
      let example = '';
      for (const o of currentVintage(s).observations) {
        const v = old.get(o.date);
        if (v === undefined || v === 0 || o.value === 0) continue;
        overlap++;
        const ratio = Math.abs(o.value / v);
        if (ratio >= 10 || ratio <= 0.1) {
          jumps++;
          example ||= `${o.date}: ${v} → ${o.value}`;
        }
      }
      if (overlap >= 3 && jumps >= 0.8 * overlap) {
        throw new PipelineError('IMPLAUSIBLE_REVISION', `${id}: ${jumps} of ${overlap} values change by ×10 or more (${example}); nothing written. If this is real, run again allowing it (--allow-implausible)`, {
          source: this.connector.name,
          series: id,
        });
      }
    }
  }

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
      this.assertUsualSize(draft, body.byteLength);
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
    const rendered = renderBuild(connector, built);
    // Unchanged text: nothing to check for implausible revisions, nothing changed.
    const replaced = await replacedValues(connector, rendered, this.effects.processed, (m) => this.summary.notes.push(m));
    if (replaced) this.assertPlausible(built.series, replaced);
    // Raw first: processed data must always be reproducible from what raw holds.
    for (let i = 0; i < fresh.length; i += RAW_WRITE_CONCURRENCY) {
      await Promise.all(fresh.slice(i, i + RAW_WRITE_CONCURRENCY).map((p) => this.effects.raw.write(p.snapshot, p.answer.response.body)));
    }
    for (const p of fresh) {
      stored.latest.set(p.snapshot.meta.key, p.snapshot);
      this.summary.snapshotsWritten.push(p.snapshot.file);
    }
    stored.contributions.push(...staged);
    if (replaced) this.summary.changes = addChanges(this.summary.changes, changesAgainst(replaced, rendered));
    await this.effects.processed.write(connector.name, rendered.files);
    this.summary.conflicts = built.conflicts;
  }
}
