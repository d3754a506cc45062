// The rerouting view's downloads: the indexed months, the annual values with growth, and the
// member states' contributions, each row with its definition and basis (docs/methods.md).
import type { Vocabulary } from '../domain/source-words.ts';
import { toCsv } from '../lib/csv.ts';
import type { DataRepository } from '../store/repository.ts';
import { contributions, CONTRIBUTION_DEFINITION, GROWTH_DEFINITION, INDEX_DEFINITION, REROUTING_PARTNERS, REROUTING_YEARS, reroutingView } from './rerouting-view.ts';
import { translator, DEFAULT_LANGUAGE } from './i18n.ts';

const BASIS = 'Eurostat Comext DS-045409, exports, total product, EUR; reporter EU-27 (2020 composition, GEU27_2020)';

function view(repo: DataRepository, vocabulary: Vocabulary) {
  return reroutingView(repo, vocabulary, translator(DEFAULT_LANGUAGE));
}

export function reroutingIndexCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows = view(repo, vocabulary).lines.flatMap((l) => l.points.map((p) => [l.partner, p.date, p.value, p.index, l.base2021 === null ? 'withheld: 2021 lacks a month' : '', INDEX_DEFINITION, BASIS]));
  return toCsv(['partner', 'month', 'exports_eur', 'index_2021_avg_100', 'status', 'definition', 'basis'], rows, new Set([2, 3]));
}

export function reroutingAnnualCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows = view(repo, vocabulary).annual.flatMap((r) => REROUTING_YEARS.map((y) => [r.partner, y, r.values[y], r.growth[y], GROWTH_DEFINITION, `${BASIS}; annual file`]));
  return toCsv(['partner', 'year', 'exports_eur', 'growth_on_previous_year_pct', 'definition', 'basis'], rows, new Set([2, 3]));
}

export function reroutingContributionsCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows = REROUTING_PARTNERS.flatMap((partner) => {
    const c = contributions(repo, vocabulary, partner);
    return c.all.map((x) => [partner, x.member, x.change, x.share, x.months[0], x.months[1], c.total, CONTRIBUTION_DEFINITION]);
  });
  return toCsv(['partner', 'member_state', 'change_2021_2023_eur', 'share_of_members_change_pct', 'months_2021', 'months_2023', 'members_change_total_eur', 'definition'], rows, new Set([2, 3, 4, 5, 6]));
}

