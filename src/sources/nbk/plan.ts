// What an NBK refresh asks for, decided before any request: pure, so it is tested alone.
import { PipelineError } from '../../domain/errors.ts';
import { addDays, daysBetween } from './dates.ts';

/**
 * The dates a refresh covers: tomorrow's rate is announced the afternoon before. Undefined when,
 * with no --from, the processed data already reach the end (a second run on the same day).
 */
export function refreshRange(o: { today: string; from?: string; to?: string; latestProcessedDate?: string }): { from: string; to: string } | undefined {
  const to = o.to ?? addDays(o.today, 1);
  const from = o.from ?? (o.latestProcessedDate ? addDays(o.latestProcessedDate, 1) : addDays(o.today, -7));
  if (from <= to) return { from, to };
  if (o.from === undefined) return undefined;
  throw new PipelineError('BAD_RANGE', `--from ${from} is after --to ${to}`, { source: 'nbk' });
}

/** [start, end] chunks of at most `years` years (the export form's limit), covering from..to. */
export function exportChunks(from: string, to: string, years: number): Array<[string, string]> {
  const chunks: Array<[string, string]> = [];
  for (let start = from; start <= to; ) {
    const [y, m, d] = start.split('-').map(Number);
    const end = new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
    chunks.push([start, end < to ? end : to]);
    start = addDays(end, 1);
  }
  return chunks;
}

/** The split of a range between the Excel export (before the feed's archive) and the feed. */
export function splitByArchive(from: string, to: string, archiveStart: string): { exportRange?: [string, string]; feedRange?: [string, string] } {
  const out: { exportRange?: [string, string]; feedRange?: [string, string] } = {};
  if (from < archiveStart) out.exportRange = [from, to < archiveStart ? to : addDays(archiveStart, -1)];
  const feedFrom = from < archiveStart ? archiveStart : from;
  if (feedFrom <= to) out.feedRange = [feedFrom, to];
  return out;
}

/** Feed dates still to fetch: every day of the range whose answer is not stored yet. */
export function feedDatesToFetch(from: string, to: string, isStored: (date: string) => boolean): { dates: string[]; skipped: number } {
  const all = daysBetween(from, to);
  const dates = all.filter((d) => !isStored(d));
  return { dates, skipped: all.length - dates.length };
}
