// /partners/rerouting: what the EU sent to Russia's neighbours after February 2022, against what it
// stopped sending to Russia (Eurostat Comext), with Kazakhstan's own exports to Russia beside it.
// Every derived number says its definition: the index (a month over the 2021 monthly average, both
// as published, withheld when 2021 lacks a month), the growth (annual file as published), and the
// member states' contributions (their own monthly rows summed per calendar year).
import type { TFunction } from 'i18next';
import { EU27_2020 } from '../domain/partners.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import type { DataRepository, EventInfo } from '../store/repository.ts';
import { exactDifference, exactSum, percentGap, percentOf, scaled } from '../transform/exact.ts';
import { DEFAULT_LANGUAGE, languageOfTranslator } from './i18n.ts';
import { PALETTE, type ChartPayload } from './view-model.ts';
import { BNS, DOTS, editionValues, IMTS, type TradePublication } from './partners-view.ts';

export const REROUTING_PARTNERS = ['KAZ', 'KGZ', 'ARM', 'GEO', 'UZB', 'RUS'] as const;
export const REROUTING_YEARS = ['2021', '2022', '2023'] as const;
const EU = 'GEU27_2020';
const SOURCE = 'eurostat';

export const INDEX_DEFINITION = "Each month's exports (EUR) / the average of the 12 months of 2021 × 100; both as Comext publishes the EU-27 (2020 composition) row. Withheld for a partner whose 2021 lacks a month.";
export const GROWTH_DEFINITION = "Comext's annual file (EU-27, 2020 composition), as published: (year / year before − 1) × 100.";
export const CONTRIBUTION_DEFINITION = "A member state's exports summed over the months it published in 2023, minus the same for 2021; share = that change / the sum of the 27 members' changes × 100, shown only where that sum is a rise. Members' rows, not the EU-27 aggregate row.";

export interface IndexLine {
  partner: string;
  /** Sum of 2021's twelve months, or null (withheld) when a month is missing. */
  base2021: number | null;
  points: Array<{ date: string; value: number; index: number | null }>;
}

export interface AnnualRow {
  partner: string;
  values: Record<string, number | null>;
  growth: Record<string, number | null>;
}

export interface Contribution {
  member: string;
  change: number;
  share: number | null;
  /** Months published in 2021 and 2023 (12 each when complete). */
  months: [number, number];
}

export interface KazakhstanToRussia {
  year: string;
  bns: number | null;
  /** The IMF's DOTS download. */
  imf: number | null;
  /** The IMF's IMTS, where a refresh brought it (its own column, never filling DOTS's gaps). */
  imts: number | null;
}

export interface ReroutingView {
  lines: IndexLine[];
  annual: AnnualRow[];
  contributions: Array<{ partner: string; total: number | null; top: Contribution[] }>;
  kazToRussia: KazakhstanToRussia[];
  latest: string | null;
  charts: { index: ChartPayload };
}

const monthly = (repo: DataRepository, vocabulary: Vocabulary, reporter: string, partner: string) =>
  repo.get(vocabulary.tradeId(SOURCE, { flow: 'exports', reporter, partner, frequency: 'M' }))?.observations ?? [];

/** The index of each month over 2021's monthly average, to two decimals, in decimal arithmetic. */
export function indexLine(partner: string, obs: ReadonlyArray<{ date: string; value: number }>): IndexLine {
  const base = obs.filter((o) => o.date.startsWith('2021-'));
  const base2021 = base.length === 12 ? exactSum(base.map((o) => o.value)) : null;
  return {
    partner,
    base2021,
    points: obs.map((o) => ({ date: o.date, value: o.value, index: base2021 === null ? null : scaled(percentOf(o.value * 12, base2021)!, 1, 2) })),
  };
}

/** The EU-27's monthly exports to each partner, indexed to 2021. */
export function reroutingLines(repo: DataRepository, vocabulary: Vocabulary): IndexLine[] {
  return REROUTING_PARTNERS.map((p) => indexLine(p, monthly(repo, vocabulary, EU, p)));
}

/** The annual file's values and growth for each partner. */
export function annualRows(repo: DataRepository, vocabulary: Vocabulary): AnnualRow[] {
  return REROUTING_PARTNERS.map((partner) => {
    const obs = repo.get(vocabulary.tradeId(SOURCE, { flow: 'exports', reporter: EU, partner, frequency: 'A' }))?.observations ?? [];
    const values = Object.fromEntries(['2020', ...REROUTING_YEARS].map((y) => [y, obs.find((o) => o.date === y)?.value ?? null]));
    const growth = Object.fromEntries(REROUTING_YEARS.map((y) => [y, percentGap(values[y], values[String(Number(y) - 1)])]));
    return { partner, values, growth };
  });
}

/** Each member state's change 2021 → 2023 to a partner, largest increases first. */
export function contributions(repo: DataRepository, vocabulary: Vocabulary, partner: string): { total: number | null; all: Contribution[] } {
  const all = EU27_2020.map((member) => {
    const obs = monthly(repo, vocabulary, member, partner);
    const year = (y: string) => obs.filter((o) => o.date.startsWith(`${y}-`));
    const [a, b] = [year('2021'), year('2023')];
    return { member, change: exactDifference(exactSum(b.map((o) => o.value)), exactSum(a.map((o) => o.value))), share: null as number | null, months: [a.length, b.length] as [number, number] };
  });
  if (all.every((c) => c.months[0] === 0 && c.months[1] === 0)) return { total: null, all: [] };
  const total = exactSum(all.map((c) => c.change));
  // A share of a fall is not a share of an increase: shown only where the members' changes add up to a rise.
  for (const c of all) c.share = total > 0 ? percentOf(c.change, total) : null;
  return { total, all: all.sort((x, y) => y.change - x.change || x.member.localeCompare(y.member)) };
}

function kazakhstanToRussia(repo: DataRepository, vocabulary: Vocabulary): KazakhstanToRussia[] {
  const series = (pub: TradePublication) => editionValues(repo.get(vocabulary.tradeId(pub.source, { flow: 'exports', partner: 'RUS', reporter: 'KAZ', frequency: 'A' })), pub) ?? new Map<string, number>();
  const [bns, imf, imts] = [series(BNS), series(DOTS), series(IMTS)];
  return [...new Set([...bns.keys(), ...imf.keys(), ...imts.keys()])]
    .filter((y) => y >= '2015')
    .sort()
    .map((year) => ({ year, bns: bns.get(year) ?? null, imf: imf.get(year) ?? null, imts: imts.get(year) ?? null }));
}

/** Events for this view: the invasion (shown on every chart) and the sanctions packages marked for it. */
export function reroutingEvents(events: readonly EventInfo[]): EventInfo[] {
  return events.filter((e) => e.id === 'invasion-2022' || e.views?.includes('rerouting'));
}

export function reroutingView(repo: DataRepository, vocabulary: Vocabulary, t: TFunction, log = false, eventLabel: (e: EventInfo) => string = (e) => e.label, partnerIn: (c: string) => string = (c) => c): ReroutingView {
  const lines = reroutingLines(repo, vocabulary);
  const latest = lines.flatMap((l) => l.points.map((p) => p.date)).sort().at(-1) ?? null;
  const lang = languageOfTranslator(t);
  const index: ChartPayload = {
    title: t('rerouting.chartTitle'),
    ariaLabel: t('rerouting.chartAria', { latest: latest ?? '' }),
    traces: lines.map((l, i) => ({ id: l.partner, name: partnerIn(l.partner), x: l.points.map((p) => `${p.date}-01`), y: l.points.map((p) => p.index), yaxis: 'y' as const, mode: 'lines', color: PALETTE[i % PALETTE.length] })),
    yTitle: t('rerouting.yTitle'),
    y2Title: null,
    yType: log ? 'log' : 'linear',
    shapes: reroutingEvents(repo.events).map((e) => ({ x0: e.start, x1: e.end, label: eventLabel(e), kind: 'event' as const })),
    fileName: `eu27-exports-index-2021${log ? '-log' : ''}`,
    source: t('rerouting.chartSource'),
    ...(lang !== DEFAULT_LANGUAGE ? { lang } : {}),
  };
  return {
    lines,
    annual: annualRows(repo, vocabulary),
    contributions: REROUTING_PARTNERS.map((partner) => {
      const c = contributions(repo, vocabulary, partner);
      return { partner, total: c.total, top: c.all.filter((x) => x.change > 0).slice(0, 5) };
    }),
    kazToRussia: kazakhstanToRussia(repo, vocabulary),
    latest,
    charts: { index },
  };
}
