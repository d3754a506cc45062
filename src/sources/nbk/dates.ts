// NBK speaks DD.MM.YYYY; everything else here speaks ISO.
import { isValidDate } from '../../domain/series.ts';

export function isoToNbk(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function nbkToIso(nbk: string): string | undefined {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(nbk.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isValidDate(iso, 'daily') ? iso : undefined;
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Today's date in Astana (UTC+5 since 2024; NBK fixes rates on Astana time). */
export function astanaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}
