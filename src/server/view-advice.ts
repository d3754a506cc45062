// What a reader may want to do with a view that does not read well: index two series in
// different units to one base, or look at a series whose first years dwarf the rest on a log
// scale or from a later start.
import type { DrawnSeries } from './view-model.ts';
import type { ViewParams } from './view-params.ts';

export interface ViewAdvice {
  /** The first date every drawn series has a value for (a base for indexing them together). */
  indexDate?: string;
  dwarfed?: { peak: number; until: string; restMax: number };
}

export function viewAdvice(drawn: DrawnSeries[], p: ViewParams): ViewAdvice {
  const advice: ViewAdvice = {};
  const dated = drawn.map((d) => new Set(d.points.filter((pt) => pt.value !== null).map((pt) => pt.date)));
  const common = [...(dated[0] ?? [])].filter((date) => dated.every((s) => s.has(date))).sort();
  if (common.length && p.units !== 'index') advice.indexDate = common[0];
  // The first fifth of the values reaching more than ten times the largest of the rest.
  const main = drawn[0]?.points.filter((pt) => pt.value !== null) ?? [];
  if (main.length >= 10 && p.scale !== 'log') {
    const cut = Math.ceil(main.length / 5);
    const early = Math.max(...main.slice(0, cut).map((pt) => Math.abs(pt.value!)));
    const rest = Math.max(...main.slice(cut).map((pt) => Math.abs(pt.value!)));
    if (rest > 0 && early > 10 * rest) advice.dwarfed = { peak: early, until: main[cut].date, restMax: rest };
  }
  return advice;
}
