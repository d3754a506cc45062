// The rerouting view's downloads: the indexed months, the annual values with growth, and the
// member states' contributions, each row with its definition and basis (docs/methods.md).
import type { Vocabulary } from '../domain/source-words.ts';
import { toCsv } from '../lib/csv.ts';
import type { DataRepository } from '../store/repository.ts';
import { annualRows, contributions, CONTRIBUTION_DEFINITION, GROWTH_DEFINITION, INDEX_DEFINITION, REROUTING_PARTNERS, REROUTING_YEARS, reroutingLines } from './rerouting-view.ts';

const BASIS = 'Eurostat Comext DS-045409, exports, total product, EUR; reporter EU-27 (2020 composition, GEU27_2020)';

function reroutingIndexCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows = reroutingLines(repo, vocabulary).flatMap((l) => l.points.map((p) => [l.partner, p.date, p.value, p.index, l.base2021 === null ? 'withheld: 2021 lacks a month' : '', INDEX_DEFINITION, BASIS]));
  return toCsv(['partner', 'month', 'exports_eur', 'index_2021_avg_100', 'status', 'definition', 'basis'], rows, new Set([2, 3]));
}

function reroutingAnnualCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows = annualRows(repo, vocabulary).flatMap((r) => REROUTING_YEARS.map((y) => [r.partner, y, r.values[y], r.growth[y], GROWTH_DEFINITION, `${BASIS}; annual file`]));
  return toCsv(['partner', 'year', 'exports_eur', 'growth_on_previous_year_pct', 'definition', 'basis'], rows, new Set([2, 3]));
}

function reroutingContributionsCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows = REROUTING_PARTNERS.flatMap((partner) => {
    const c = contributions(repo, vocabulary, partner);
    return c.all.map((x) => [partner, x.member, x.change, x.share, x.months[0], x.months[1], c.total, CONTRIBUTION_DEFINITION]);
  });
  return toCsv(['partner', 'member_state', 'change_2021_2023_eur', 'share_of_members_change_pct', 'months_2021', 'months_2023', 'members_change_total_eur', 'definition'], rows, new Set([2, 3, 4, 5, 6]));
}

/** The rerouting view's downloads by id: the indexed months, the annual values, the contributions. */
export const REROUTING_TABLES: Record<string, (repo: DataRepository, vocabulary: Vocabulary) => string> = {
  'rerouting-index': reroutingIndexCsv,
  'rerouting-annual': reroutingAnnualCsv,
  'rerouting-contributions': reroutingContributionsCsv,
};
