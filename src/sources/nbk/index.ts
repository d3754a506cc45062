// National Bank of Kazakhstan official exchange rates: one nbk.<CCY> series per currency
// (tenge per 1 unit), whichever endpoint a date came from. History before the XML feed's
// archive comes from NBK's Excel export (≤4-year chunks, one at a time, with a pause); recent
// dates from the XML feed (at most `inFlight` requests at once, the runner's pool). Where two
// sources give a date, the feed wins over the export, the export over the bundled file, and
// any disagreement is reported as a conflict.
import type { FetchContext, SourceConnector } from '../connector.ts';
import { DERIVED_USDRUB, deriveUsdRub, dropCarriedDays, rateIssues, rateSeries, type StructuralBreak } from './checks.ts';
import { astanaToday, isoToNbk } from './dates.ts';
import { NBK_PUBLISHER } from './describe.ts';
import { parseExcelExport } from './export.ts';
import { feedAnswerDate, parseFeed } from './feed.ts';
import { parseHistoryCsv } from './history.ts';
import { exportChunks, feedDatesToFetch, refreshRange, splitByArchive } from './plan.ts';
import { NBK_WORDS, rateId } from './words.ts';

export { DERIVED_USDRUB, type StructuralBreak };

export interface NbkOptions {
  feedUrl: string;
  excelUrl: string;
  /** Required every build and backfilled from the export; the feed stores every currency it carries. */
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

async function fetchExport(ctx: FetchContext, opts: NbkOptions, from: string, to: string): Promise<void> {
  const chunks = exportChunks(from, to, opts.exportChunkYears);
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
    const response = await ctx.http.get(`${opts.excelUrl}?${q}`, { source: 'nbk' });
    await ctx.accept({ response, parser: 'excel-export', key, ext: 'xlsx', request: { from: start, to: end } });
    await ctx.checkpoint();
    ctx.progress(++done, chunks.length, `export ${start}…${end}`);
  }
}

async function fetchFeed(ctx: FetchContext, opts: NbkOptions, from: string, to: string): Promise<void> {
  const { dates, skipped } = feedDatesToFetch(from, to, (d) => ctx.stored.has(`get_rates/${d}`));
  if (skipped) ctx.note(`nbk feed: ${skipped} date(s) already stored, not fetched again`);
  const notInArchive: string[] = [];
  let done = 0;
  let sinceCheckpoint = 0;
  await ctx.forEach(dates, opts.inFlight, async (date) => {
    const response = await ctx.http.get(`${opts.feedUrl}?fdate=${isoToNbk(date)}`, { source: 'nbk', accept: 'text/xml' });
    const answered = feedAnswerDate(response.body);
    // Never store another day's rates under this date.
    if (answered && answered !== date) notInArchive.push(date);
    else {
      await ctx.accept({ response, parser: 'get-rates', key: `get_rates/${date}`, ext: 'xml', request: { date } });
      if (++sinceCheckpoint >= opts.checkpointEvery) {
        sinceCheckpoint = 0;
        await ctx.checkpoint();
      }
    }
    ctx.progress(++done, dates.length, date);
  });
  if (notInArchive.length) {
    notInArchive.sort();
    const shown = notInArchive.length > 6 ? `${notInArchive.slice(0, 3).join(', ')} … ${notInArchive.slice(-3).join(', ')}` : notInArchive.join(', ');
    ctx.note(`nbk feed: ${notInArchive.length} date(s) not in the feed's archive or not yet published (the answer was for another date), not stored: ${shown}`);
  }
}

export function createNbk(opts: NbkOptions): SourceConnector {
  return {
    name: 'nbk',
    title: 'National Bank of Kazakhstan official exchange rates',
    version: '1.1.0',
    publisher: NBK_PUBLISHER,
    words: NBK_WORDS,
    parsers: {
      'get-rates': (bytes, meta) => parseFeed(bytes, meta),
      'excel-export': (bytes, meta) => parseExcelExport(bytes, meta, opts.currencies),
      'history-csv': (bytes, meta) => parseHistoryCsv(bytes, meta, opts.currencies),
    },
    expectedSeries: () => [...opts.currencies.map(rateId), DERIVED_USDRUB],
    async fetch(ctx) {
      const range = refreshRange({ today: ctx.options.today ?? astanaToday(), from: ctx.options.from, to: ctx.options.to, latestProcessedDate: ctx.latestProcessedDate });
      if (!range) {
        ctx.note(`nbk: the processed rates already reach ${ctx.latestProcessedDate}; nothing to fetch until the next announcement`);
        return;
      }
      const { exportRange, feedRange } = splitByArchive(range.from, range.to, opts.feedArchiveStart);
      if (exportRange) await fetchExport(ctx, opts, ...exportRange);
      if (feedRange) await fetchFeed(ctx, opts, ...feedRange);
    },
    finish(series) {
      dropCarriedDays(rateSeries(series));
      deriveUsdRub(series);
    },
    validate: (series) => rateIssues(series, opts.jumpFactor, opts.structuralBreaks),
  };
}
