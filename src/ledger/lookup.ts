// Series for the ledger from the read model: the current vintage, or an earlier one by key
// where the series has it (otherwise the current one, said so in the label).
import type { DataRepository } from '../store/repository.ts';
import type { SeriesLookup } from './claims.ts';

export function repositoryLookup(repo: DataRepository): SeriesLookup {
  return (id, vintage) => {
    const e = repo.get(id);
    if (!e) return undefined;
    if (vintage) {
      const earlier = e.earlier.get(vintage);
      const info = e.meta.vintages.find((v) => v.key === vintage);
      if (earlier && info) return { observations: earlier, vintageLabel: info.label, usedVintage: vintage, lastActualYear: info.lastActualYear };
    }
    return { observations: e.observations, vintageLabel: e.meta.vintage.label, usedVintage: e.meta.vintage.key, lastActualYear: e.meta.lastActualYear };
  };
}
