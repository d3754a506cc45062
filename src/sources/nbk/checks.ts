// What the NBK connector does to the built series: drop days that only repeat the last
// announcement, derive roubles per dollar, and check the rates (positive, no unexplained jump).
import { currentVintage, type BuiltSeries, type ValidationIssue } from '../../domain/source-data.ts';
import { NBK_VINTAGE } from './describe.ts';
import { DERIVED_USDRUB, rateCurrency } from './words.ts';

export { DERIVED_USDRUB };

export interface StructuralBreak {
  currency: string;
  date: string;
  reason: string;
}

/** Dates on which no currency changed repeat the last announced rate; keep announcement days only.
 *  A date is carried when every currency quoted on it has the same rate on the date before it
 *  (the date before among all currencies' dates). Each series is in date order, so one walk
 *  along the sorted dates per currency finds each observation's place (no lookup per value). */
export function dropCarriedDays(series: BuiltSeries[]): void {
  const all = new Set<string>();
  for (const s of series) {
    const obs = currentVintage(s).observations;
    for (let i = 0; i < obs.length; i++) all.add(obs[i].date);
  }
  const dates = [...all].sort();
  const changed = new Uint8Array(dates.length);
  for (const s of series) {
    let i = 0;
    let before = -1;
    let value = NaN;
    const obs = currentVintage(s).observations;
    for (let k = 0; k < obs.length; k++) {
      const o = obs[k];
      while (i < dates.length && dates[i] !== o.date) i++;
      if (i === dates.length) throw new Error(`${s.id}: observations out of date order at ${o.date}`); // the build sorts them
      // Not quoted on the date before, or quoted differently: this date announces something.
      if (before !== i - 1 || value !== o.value) changed[i] = 1;
      before = i;
      value = o.value;
    }
  }
  const carried = new Set(dates.filter((_, i) => i > 0 && !changed[i]));
  if (!carried.size) return;
  for (const s of series) {
    const v = currentVintage(s);
    v.observations = v.observations.filter((o) => !carried.has(o.date));
  }
}

export function deriveUsdRub(all: Map<string, BuiltSeries>): void {
  const usd = all.get('nbk.USD');
  const rub = all.get('nbk.RUB');
  if (!usd || !rub) return;
  const u = currentVintage(usd);
  const r = new Map(currentVintage(rub).observations.map((o) => [o.date, o.value]));
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

/** The nbk.<CCY> rate series present, whichever currencies the answers carried (not the derived cross rate). */
export function rateSeries(series: Map<string, BuiltSeries>): BuiltSeries[] {
  return [...series.values()].filter((s) => rateCurrency(s.id) !== undefined);
}

export function rateIssues(series: Map<string, BuiltSeries>, jumpFactor: number, breaks: StructuralBreak[]): ValidationIssue[] {
  const listed = new Set(breaks.map((b) => `${b.currency}|${b.date}`));
  const issues: ValidationIssue[] = [];
  for (const s of rateSeries(series)) {
    const c = rateCurrency(s.id)!;
    const obs = currentVintage(s).observations;
    for (let i = 0; i < obs.length; i++) {
      if (obs[i].value <= 0) issues.push({ code: 'NBK_NON_POSITIVE', series: s.id, date: obs[i].date, message: `${c} rate ${obs[i].value} on ${obs[i].date} is not positive` });
      if (i === 0) continue;
      const ratio = obs[i].value / obs[i - 1].value;
      if ((ratio > jumpFactor || ratio < 1 / jumpFactor) && !listed.has(`${c}|${obs[i].date}`)) {
        issues.push({
          code: 'NBK_RATE_JUMP',
          series: s.id,
          date: obs[i].date,
          message: `${c} moves ×${ratio.toPrecision(3)} from ${obs[i - 1].value} (${obs[i - 1].date}) to ${obs[i].value} (${obs[i].date}); a move beyond ×${jumpFactor} is flagged, not stored, unless listed as a structural break`,
        });
      }
    }
  }
  return issues;
}
