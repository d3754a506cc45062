// A whole job in memory, through the runner's stages, with a toy connector whose answers are
// "date,value" lines: what is committed when, and what a failure or a stop leaves behind.
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../src/domain/errors.ts';
import type { ParseResult } from '../../src/domain/source-data.ts';
import { runSource } from '../../src/runner/run-source.ts';
import type { FetchContext, SourceConnector } from '../../src/sources/connector.ts';
import { memoryEffects, memoryHttp } from '../support/memory-effects.ts';

function parseLines(bytes: Buffer): ParseResult {
  const observations = bytes
    .toString()
    .trim()
    .split('\n')
    .map((l) => {
      const [date, value] = l.split(',');
      if (!/^\d{4}$/.test(date) || !Number.isFinite(Number(value))) throw new PipelineError('TOY_BAD_LINE', `bad line ${JSON.stringify(l)}`, { source: 'toy' });
      return { date, value: Number(value) };
    });
  return { series: [{ id: 'toy.A', description: { title: 'A', unit: 'u', scale: 'units', frequency: 'annual' }, vintage: { key: 'v', label: 'V' }, precedence: 1, observations }], notes: [] };
}

function toy(fetch: (ctx: FetchContext) => Promise<void>, extra: Partial<SourceConnector> = {}): SourceConnector {
  return {
    name: 'toy',
    title: 'Toy',
    version: '1',
    publisher: { name: 'Toy publisher', url: 'http://toy', licence: 'none', citation: 'Toy' },
    words: { title: () => undefined },
    parsers: { lines: (b) => parseLines(b) },
    expectedSeries: () => ['toy.A'],
    fetch,
    ...extra,
  };
}

const answers = { 'http://toy/1': '2001,1', 'http://toy/2': '2002,2', 'http://toy/3': '2003,3' };
const ask = (ctx: FetchContext, n: number) => ctx.http.get(`http://toy/${n}`, { source: 'toy' }).then((response) => ctx.accept({ response, parser: 'lines', key: `k/${n}`, ext: 'txt' }));
const csvOf = (e: ReturnType<typeof memoryEffects>) => e.processed.files.get('toy')?.csv;

describe('a job in memory', () => {
  it('fetches, stores each answer once with its metadata, publishes, and a second run stores nothing new', async () => {
    const e = memoryEffects(memoryHttp(answers));
    const job = toy(async (ctx) => {
      await ask(ctx, 1);
      await ask(ctx, 2);
    });
    const s = await runSource(job, e, { fetch: true });
    expect(s).toMatchObject({ outcome: 'success', fetched: 2, changes: [{ series: 'toy.A', added: 2, revised: 0, removed: 0 }] });
    expect(e.raw.snapshots.map((x) => x.meta)).toEqual([
      expect.objectContaining({ source: 'toy', kind: 'http', parser: 'lines', key: 'k/1', url: 'http://toy/1', status: 200, connectorVersion: '1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ key: 'k/2' }),
    ]);
    expect(csvOf(e)).toBe('series_id,date,value\ntoy.A,2001,1\ntoy.A,2002,2\n');
    const again = await runSource(job, e, { fetch: true });
    expect(again).toMatchObject({ outcome: 'success', fetched: 2, snapshotsWritten: [], changes: [] });
    expect(e.raw.snapshots).toHaveLength(2);
  });

  it('on a stop request, commits what was accepted before it and says so (a rerun resumes)', async () => {
    const e = memoryEffects(memoryHttp(answers));
    const stop = new AbortController();
    const job = toy(async (ctx) => {
      await ask(ctx, 1);
      await ask(ctx, 2);
      stop.abort();
      await ask(ctx, 3); // refused: the stop came first
    });
    const s = await runSource(job, e, { fetch: true, signal: stop.signal });
    expect(s.outcome).toBe('failed');
    expect(s.error).toMatchObject({ code: 'INTERRUPTED', message: expect.stringMatching(/2 answer\(s\) fetched before the stop were kept/) });
    expect(e.raw.snapshots.map((x) => x.meta.key)).toEqual(['k/1', 'k/2']);
    expect(csvOf(e)).toBe('series_id,date,value\ntoy.A,2001,1\ntoy.A,2002,2\n');
  });

  it('on a failure, keeps what a checkpoint committed and drops what came after it', async () => {
    const e = memoryEffects(memoryHttp(answers));
    const job = toy(async (ctx) => {
      await ask(ctx, 1);
      await ctx.checkpoint();
      await ask(ctx, 2);
      throw new PipelineError('TOY_DOWN', 'the toy provider went away', { source: 'toy' });
    });
    const s = await runSource(job, e, { fetch: true });
    expect(s.error?.code).toBe('TOY_DOWN');
    expect(e.raw.snapshots.map((x) => x.meta.key)).toEqual(['k/1']);
    expect(csvOf(e)).toBe('series_id,date,value\ntoy.A,2001,1\n');
  });

  it('a build that does not validate writes nothing, raw or processed', async () => {
    const e = memoryEffects(memoryHttp({ ...answers, 'http://toy/2': '2001,5' })); // a second vintage-less answer for 2001 is fine...
    const job = toy(async (ctx) => void (await ask(ctx, 1)), { validate: (series) => (series.get('toy.A')!.vintages[0].observations[0].value > 0 ? [{ code: 'TOY_RULE', message: 'positive values are refused here' }] : []) });
    const s = await runSource(job, e, { fetch: true });
    expect(s.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/\[TOY_RULE\] positive values are refused here/) });
    expect(e.raw.snapshots).toEqual([]);
    expect(e.processed.writes).toBe(0);
  });

  it('an answer its parser refuses is kept aside as rejected, with the coded error and URL', async () => {
    const e = memoryEffects(memoryHttp({ 'http://toy/1': 'not,a line' }));
    const s = await runSource(toy((ctx) => ask(ctx, 1).then(() => undefined)), e, { fetch: true });
    expect(s.error).toMatchObject({ code: 'TOY_BAD_LINE', context: { source: 'toy', url: 'http://toy/1' } });
    expect(e.raw.rejected).toEqual([expect.stringMatching(/^k\/1: \[TOY_BAD_LINE\]/)]);
    expect(e.raw.snapshots).toEqual([]);
  });

  it('a stored snapshot whose parser the connector does not have fails the build with UNKNOWN_PARSER', async () => {
    const e = memoryEffects();
    await runSource(toy(async () => {}), e, { fetch: false });
    e.raw.snapshots.push({ file: 'raw/toy/x', meta: { source: 'toy', kind: 'imported-file', parser: 'nope', key: 'x', retrievedAt: '', bytes: 1, sha256: 'a', connectorVersion: '1' } });
    e.raw.bodies.set('raw/toy/x', Buffer.from('x'));
    const s = await runSource(toy(async () => {}), e, { fetch: false });
    expect(s.error).toMatchObject({ code: 'UNKNOWN_PARSER', message: 'toy has no parser "nope" (it has: lines)', context: { source: 'toy' } });
  });

  it('stored bodies that cannot be read fail the build naming the first one, and no later read goes unhandled', async () => {
    const e = memoryEffects();
    for (const key of ['a', 'b', 'c']) e.raw.snapshots.push({ file: `raw/toy/${key}`, meta: { source: 'toy', kind: 'imported-file', parser: 'lines', key, retrievedAt: '', bytes: 1, sha256: key, connectorVersion: '1' } });
    e.raw.read = async (snapshot) => {
      await new Promise((r) => setTimeout(r, snapshot.file.endsWith('a') ? 1 : 20)); // the later reads fail after the build has given up
      throw new Error(`EIO: cannot read ${snapshot.file}`);
    };
    const s = await runSource(toy(async () => {}), e, { fetch: false });
    expect(s.error).toMatchObject({ code: 'RAW_UNPARSEABLE', context: { source: 'toy', file: 'raw/toy/a' } });
    await new Promise((r) => setTimeout(r, 50)); // an unhandled rejection from b or c would fail the run here
  });

  it('an answer accepted while a commit is under way goes into the next commit, not lost', async () => {
    const e = memoryEffects(memoryHttp(answers));
    let open!: () => void;
    const job = toy(async (ctx) => {
      await ask(ctx, 1);
      e.raw.writeGate = new Promise((r) => (open = r));
      const committing = ctx.checkpoint();
      await ask(ctx, 2); // accepted while k/1 is being written
      open();
      await committing;
    });
    const s = await runSource(job, e, { fetch: true });
    expect(s.outcome).toBe('success');
    expect(e.raw.snapshots.map((x) => x.meta.key)).toEqual(['k/1', 'k/2']);
    expect(s.changes).toEqual([{ series: 'toy.A', added: 2, revised: 0, removed: 0 }]); // summed over both commits
  });
});
