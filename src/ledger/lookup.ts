// Series for the ledger from the read model: the current vintage, an earlier one by key, or the
// latest vintage published by a month ('as of'), where the series has it; otherwise the current
// one, and the label says so.
import type { DataRepository } from '../store/repository.ts';
import type { SeriesLookup } from './claims.ts';

export function repositoryLookup(repo: DataRepository): SeriesLookup {
  const lookup: SeriesLookup = (id, at) => {
    const e = repo.get(id);
    if (!e) return undefined;
    let vintage = at?.vintage;
    if (at?.asOf) {
      // Editions are keyed by their month (WEO April 2024 = '2024-04'): published by a month = key ≤ it.
      const dated = e.meta.vintages.filter((v) => /^\d{4}-\d{2}$/.test(v.key) && v.key <= at.asOf!);
      vintage = dated[dated.length - 1]?.key;
      if (!vintage) return { observations: e.observations, vintageLabel: e.meta.vintage.label, noVintageAsOf: at.asOf, usedVintage: e.meta.vintage.key, lastActualYear: e.meta.lastActualYear };
      if (vintage === e.meta.vintage.key) vintage = undefined;
    }
    if (vintage) {
      const earlier = e.earlier.get(vintage);
      const info = e.meta.vintages.find((v) => v.key === vintage);
      if (earlier && info) return { observations: earlier, vintageLabel: info.label, usedVintage: vintage, lastActualYear: info.lastActualYear };
    }
    return { observations: e.observations, vintageLabel: e.meta.vintage.label, usedVintage: e.meta.vintage.key, lastActualYear: e.meta.lastActualYear };
  };
  lookup.ids = () => repo.list().map((e) => e.meta.id);
  return lookup;
}
