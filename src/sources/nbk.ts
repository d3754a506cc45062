// National Bank of Kazakhstan official exchange rates: one nbk.<CCY> series per currency
// (tenge per 1 unit), whichever endpoint a date came from. History before the XML feed's
// archive comes from NBK's Excel export (≤4-year chunks, one at a time, with a pause); recent
// dates from the XML feed (at most `inFlight` requests at once). Where two sources give a
// date, the feed wins over the export, the export over the bundled file, and any
// disagreement is reported as a conflict.
import { PipelineError } from '../errors.ts';
import type { BuiltSeries } from '../pipeline/build.ts';
import type { FetchContext, SourceConnector, ValidationIssue } from './connector.ts';
import { addDays, astanaToday, daysBetween, isoToNbk } from './nbk-dates.ts';
import { feedAnswerDate, parseFeed } from './nbk-feed.ts';
import { parseExcelExport, parseHistoryCsv } from './nbk-history.ts';
import { NBK_PUBLISHER, NBK_VINTAGE } from './nbk-series.ts';

export interface StructuralBreak {
  currency: string;
  date: string;
  reason: string;
}

export interface NbkOptions {
  feedUrl: string;
  excelUrl: string;
  currencies: string[];
  /** NBK's internal ids for the Excel export form (`rates[]=<id>`). */
  exportIds: Record<string, number>;
  /** The feed's archive starts about here; earlier dates come from the export. */
  feedArchiveStart: string;
  inFlight: number;
  exportChunkYears: number;
  exportPauseMs: number;
  /** Commit every this many accepted feed answers, so an interrupted backfill resumes. */
  checkpointEvery: number;
  /** A day-on-day move beyond this factor is flagged unless it is a listed break. */
  jumpFactor: number;
  structuralBreaks: StructuralBreak[];
}

export const DERIVED_USDRUB = 'nbk.USDRUB';

/** Dates on which no currency changed repeat the last announced rate; keep announcement days only. */
function dropCarriedDays(series: BuiltSeries[]): void {
  const maps = series.map((s) => new Map(s.vintages[s.vintages.length - 1].observations.map((o) => [o.date, o.value])));
  const dates = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
  const carried = new Set<string>();
  for (let i = 1; i < dates.length; i++) {
    const d = dates[i];
    const p = dates[i - 1];
    const present = maps.filter((m) => m.has(d));
    if (present.length && present.every((m) => m.get(p) === m.get(d))) carried.add(d);
  }
  if (!carried.size) return;
  for (const s of series) {
    const v = s.vintages[s.vintages.length - 1];
    v.observations = v.observations.filter((o) => !carried.has(o.date));
  }
}

function deriveUsdRub(all: Map<string, BuiltSeries>): void {
  const usd = all.get('nbk.USD');
  const rub = all.get('nbk.RUB');
  if (!usd || !rub) return;
  const u = usd.vintages[usd.vintages.length - 1];
  const r = new Map(rub.vintages[rub.vintages.length - 1].observations.map((o) => [o.date, o.value]));
  const observations = u.observations.filter((o) => r.has(o.date)).map((o) => ({ date: o.date, value: o.value / r.get(o.date)! }));
  all.set(DERIVED_USDRUB, {
    id: DERIVED_USDRUB,
    description: {
      title: 'Russian roubles per US dollar (NBK cross rate)',
      unit: 'roubles per 1 USD',
      scale: 'units',
      frequency: 'daily',
      dateConvention: usd.description.dateConvention,
      notes: [
        'Derived: nbk.USD ÷ nbk.RUB on the same date. Both are NBK official tenge rates; RUB is published with 2 decimals, so this ratio carries about 3 significant digits.',
      ],
    },
    vintages: [{ vintage: NBK_VINTAGE, retrievedAt: u.retrievedAt, observations, snapshots: u.snapshots }],
  });
}

export function createNbk(opts: NbkOptions): SourceConnector {
  const version = '1.1.0';
  const breaks = new Set(opts.structuralBreaks.map((b) => `${b.currency}|${b.date}`));

  async function fetchExport(ctx: FetchContext, from: string, to: string): Promise<void> {
    const chunks: Array<[string, string]> = [];
    for (let start = from; start <= to; ) {
      const [y, m, d] = start.split('-').map(Number);
      const end = new Date(Date.UTC(y + opts.exportChunkYears, m - 1, d - 1)).toISOString().slice(0, 10);
      chunks.push([start, end < to ? end : to]);
      start = addDays(end, 1);
    }
    const ids = opts.currencies.filter((c) => opts.exportIds[c] !== undefined);
    const missing = opts.currencies.filter((c) => opts.exportIds[c] === undefined);
    if (missing.length) ctx.note(`nbk export: no form id known for ${missing.join(', ')}; those currencies are not backfilled from the export`);
    let done = 0;
    for (const [start, end] of chunks) {
      const key = `export/${start}_${end}`;
      if (ctx.stored.has(key)) {
        ctx.progress(++done, chunks.length, `export ${start}…${end} (already stored)`);
        continue;
      }
      if (done > 0) await ctx.sleep(opts.exportPauseMs);
      const q = new URLSearchParams({ beginDate: isoToNbk(start), endDate: isoToNbk(end) });
      for (const c of ids) q.append('rates[]', String(opts.exportIds[c]));
      const res = await ctx.http.get(`${opts.excelUrl}?${q}`, { source: 'nbk' });
      await ctx.accept({
        meta: {
          source: 'nbk', kind: 'http', parser: 'excel-export', key, url: res.url, status: res.status, contentType: res.contentType,
          retrievedAt: new Date().toISOString(), connectorVersion: version, request: { from: start, to: end },
        },
        body: res.body,
        ext: 'xlsx',
      });
      await ctx.checkpoint();
      ctx.progress(++done, chunks.length, `export ${start}…${end}`);
    }
  }

  async function fetchFeed(ctx: FetchContext, dates: string[]): Promise<void> {
    let next = 0;
    let done = 0;
    let sinceCheckpoint = 0;
    let checkpointing: Promise<void> = Promise.resolve();
    const notInArchive: string[] = [];
    const worker = async () => {
      while (next < dates.length && !ctx.signal.aborted) {
        const date = dates[next++];
        const url = `${opts.feedUrl}?fdate=${isoToNbk(date)}`;
        const res = await ctx.http.get(url, { source: 'nbk', accept: 'text/xml' });
        const answered = feedAnswerDate(res.body);
        if (answered && answered !== date) {
          // Never store another day's rates under this date.
          notInArchive.push(date);
        } else {
          await ctx.accept({
            meta: {
              source: 'nbk', kind: 'http', parser: 'get-rates', key: `get_rates/${date}`, url: res.url, status: res.status,
              contentType: res.contentType, retrievedAt: new Date().toISOString(), connectorVersion: version, request: { date },
            },
            body: res.body,
            ext: 'xml',
          });
          if (++sinceCheckpoint >= opts.checkpointEvery) {
            sinceCheckpoint = 0;
            checkpointing = checkpointing.then(() => ctx.checkpoint());
            await checkpointing;
          }
        }
        ctx.progress(++done, dates.length, date);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.inFlight, dates.length) }, worker));
    await checkpointing;
    if (notInArchive.length) {
      notInArchive.sort();
      ctx.note(
        `nbk feed: ${notInArchive.length} date(s) not in the feed's archive or not yet published (the answer was for another date), not stored: ` +
          (notInArchive.length > 6 ? `${notInArchive.slice(0, 3).join(', ')} … ${notInArchive.slice(-3).join(', ')}` : notInArchive.join(', ')),
      );
    }
  }

  return {
    name: 'nbk',
    title: 'National Bank of Kazakhstan official exchange rates',
    version,
    publisher: NBK_PUBLISHER,
    expectedSeries: () => [...opts.currencies.map((c) => `nbk.${c}`), DERIVED_USDRUB],
    async parse(meta, bytes) {
      switch (meta.parser) {
        case 'get-rates':
          return parseFeed(bytes, meta, opts.currencies);
        case 'excel-export':
          return parseExcelExport(bytes, meta, opts.currencies);
        case 'history-csv':
          return parseHistoryCsv(bytes, meta, opts.currencies);
        default:
          throw new PipelineError('UNKNOWN_PARSER', `nbk has no parser ${JSON.stringify(meta.parser)}`, { source: 'nbk' });
      }
    },
    async fetch(ctx) {
      const today = ctx.options.today ?? astanaToday();
      // Tomorrow's rate is announced in the afternoon before.
      const to = ctx.options.to ?? addDays(today, 1);
      const from = ctx.options.from ?? (ctx.processedEnd ? addDays(ctx.processedEnd, 1) : addDays(today, -7));
      if (from > to) throw new PipelineError('BAD_RANGE', `--from ${from} is after --to ${to}`, { source: 'nbk' });
      if (from < opts.feedArchiveStart) await fetchExport(ctx, from, to < opts.feedArchiveStart ? to : addDays(opts.feedArchiveStart, -1));
      const feedFrom = from < opts.feedArchiveStart ? opts.feedArchiveStart : from;
      if (feedFrom <= to) {
        const dates = daysBetween(feedFrom, to).filter((d) => !ctx.stored.has(`get_rates/${d}`));
        if (dates.length < daysBetween(feedFrom, to).length) ctx.note(`nbk feed: ${daysBetween(feedFrom, to).length - dates.length} date(s) already stored, not fetched again`);
        await fetchFeed(ctx, dates);
      }
    },
    finish(series) {
      dropCarriedDays(opts.currencies.map((c) => series.get(`nbk.${c}`)).filter((s): s is BuiltSeries => !!s));
      deriveUsdRub(series);
    },
    validate(series) {
      const issues: ValidationIssue[] = [];
      for (const c of opts.currencies) {
        const s = series.get(`nbk.${c}`);
        if (!s) continue;
        const obs = s.vintages[s.vintages.length - 1].observations;
        for (let i = 0; i < obs.length; i++) {
          if (obs[i].value <= 0) issues.push({ code: 'NBK_NON_POSITIVE', series: s.id, date: obs[i].date, message: `${c} rate ${obs[i].value} on ${obs[i].date} is not positive` });
          if (i === 0) continue;
          const ratio = obs[i].value / obs[i - 1].value;
          if ((ratio > opts.jumpFactor || ratio < 1 / opts.jumpFactor) && !breaks.has(`${c}|${obs[i].date}`)) {
            issues.push({
              code: 'NBK_RATE_JUMP',
              series: s.id,
              date: obs[i].date,
              message: `${c} moves ×${ratio.toPrecision(3)} from ${obs[i - 1].value} (${obs[i - 1].date}) to ${obs[i].value} (${obs[i].date}); a move beyond ×${opts.jumpFactor} is flagged, not stored, unless listed as a structural break`,
            });
          }
        }
      }
      return issues;
    },
  };
}
