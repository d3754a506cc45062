// The overview's headline cards (data/headlines.json): the series the paper leans on, each with its latest actual
// value (IMF projections are not "latest"), the change from the value before, and a trend.
import type { DataRepository, SeriesEntry } from '../store/repository.ts';
import type { Observation } from '../domain/series.ts';
import type { Headline } from './content.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import type { BlockValue } from '../transform/trade-structure.ts';
import { BNS, flowRows, publicationValues } from './partners-view.ts';

export interface Card {
  id: string;
  label: string;
  entry: SeriesEntry;
  latest: Observation;
  previous: Observation | undefined;
  change: number | undefined;
  changePct: number | undefined;
  trend: { x: string[]; y: number[] };
  /** IMF projections run past the value shown (the card shows the last actual year). */
  projectionNote: boolean;
  /** The same year as another edition had it (?edition=<key>), where the series has that edition. */
  edition?: { label: string; value: number; status: 'actual' | 'projection' };
}

/** Editions any headline series holds besides its current one, oldest first. */
export function headlineEditions(repo: DataRepository, headlines: Headline[]): Array<{ key: string; label: string }> {
  const by = new Map<string, string>();
  for (const h of headlines) for (const v of repo.get(h.id)?.meta.vintages.slice(0, -1) ?? []) by.set(v.key, v.label);
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([key, label]) => ({ key, label }));
}

export function headlineCards(repo: DataRepository, headlines: Headline[], editionKey?: string): Card[] {
  const cards: Card[] = [];
  for (const h of headlines) {
    const entry = repo.get(h.id);
    if (!entry || !entry.observations.length) continue;
    const lastActual = entry.meta.lastActualYear;
    const actual = lastActual ? entry.observations.filter((o) => Number(o.date.slice(0, 4)) <= lastActual) : entry.observations;
    const latest = actual[actual.length - 1];
    const previous = actual[actual.length - 2];
    const recent = entry.meta.frequency === 'daily' ? actual.filter((o) => o.date >= new Date(Date.parse(latest.date) - h.window * 86_400_000).toISOString().slice(0, 10)) : actual.slice(-h.window);
    cards.push({
      id: h.id,
      label: h.label,
      entry,
      latest,
      previous,
      change: previous ? latest.value - previous.value : undefined,
      changePct: previous && previous.value !== 0 ? (latest.value / previous.value - 1) * 100 : undefined,
      trend: { x: recent.map((o) => (o.date.length === 4 ? `${o.date}-01-01` : o.date)), y: recent.map((o) => o.value) },
      projectionNote: Boolean(lastActual && entry.observations.length > actual.length),
      edition: editionValue(entry, editionKey, latest.date),
    });
  }
  return cards;
}

function editionValue(entry: SeriesEntry, key: string | undefined, date: string): Card['edition'] {
  const info = key ? entry.meta.vintages.find((v) => v.key === key) : undefined;
  const value = info && entry.earlier.get(info.key)?.find((o) => o.date === date)?.value;
  if (!info || value === undefined) return undefined;
  return { label: info.label, value, status: info.lastActualYear !== undefined && Number(date.slice(0, 4)) > info.lastActualYear ? 'projection' : 'actual' };
}

/** The overview's way into the trade picture (the /partners blocks in one year). */
export interface TradeCard {
  publication: string;
  year: string;
  /** US dollars. */
  total: number | null;
  blocks: BlockValue[];
}

/** Each block's share of turnover in the latest year of the statistics bureau's table (the current
 *  publication with the latest year), or null where no such year is held. */
export function tradeCard(repo: DataRepository, vocabulary: Vocabulary): TradeCard | null {
  const rows = flowRows(publicationValues(repo, vocabulary, BNS), BNS, 'turnover');
  const last = rows[rows.length - 1];
  return last ? { publication: BNS.label, year: last.year, total: last.total, blocks: last.blocks } : null;
}
