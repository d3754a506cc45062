// The forecast history of one series across its editions: every edition's path, the forecast
// of a target year by edition, and forecast errors by horizon. The same numbers feed the
// charts, the tables, the CSV downloads and the API.
import type { Observation } from '../domain/series.ts';
import { editionObservations, type SeriesEntry } from '../store/repository.ts';
import { actuals, forecastErrors, forecastPath, type Edition } from '../transform/forecast-errors.ts';
import { ENGLISH_WORDS, type ChartPayload, type ViewWords } from './view-model.ts';
import { DEFAULT_LANGUAGE, languageOfTranslator } from './i18n.ts';
import { BadRequest } from './view-params.ts';
import { numberFormat } from './view-helpers.ts';

export function editionsOf(entry: SeriesEntry): Edition[] {
  return entry.meta.vintages.map((v) => ({
    key: v.key,
    label: v.label,
    lastActualYear: v.lastActualYear,
    observations: editionObservations(entry, v.key) ?? [],
  }));
}

/** Every value of every edition, oldest edition first (the all-editions download). */
export function allEditionRows(entry: SeriesEntry): Array<{ edition: string; label: string; published: string; date: string; value: number; status: string }> {
  return editionsOf(entry).flatMap((e) =>
    e.observations.map((o: Observation) => ({
      edition: e.key,
      label: e.label,
      published: e.key,
      date: o.date,
      value: o.value,
      status: e.lastActualYear !== undefined && Number(o.date.slice(0, 4)) > e.lastActualYear ? 'projection' : 'actual',
    })),
  );
}

/** Older editions lighter: the newest is drawn in full colour. */
function shade(i: number, n: number): string {
  const alpha = n <= 1 ? 1 : 0.2 + (0.8 * i) / (n - 1);
  return `rgba(31,95,139,${alpha.toFixed(2)})`;
}

export function parseEditions(entry: SeriesEntry, raw: unknown): string[] {
  const all = entry.meta.vintages.map((v) => v.key);
  if (raw === undefined || raw === '') return all;
  // From the form: editions=a&editions=b; from a link: editions=a,b.
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((x) => typeof x === 'string')) throw new BadRequest({ key: 'editionsList' });
  const asked = (list as string[]).flatMap((x) => x.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = asked.filter((k) => !all.includes(k));
  if (unknown.length) throw new BadRequest({ key: 'notAnEdition', values: { unknown: unknown.join(', '), id: entry.meta.id, all: all.join(', ') } });
  return asked;
}

export function vintagesView(entry: SeriesEntry, target: string, picked: string[], w: ViewWords = ENGLISH_WORDS) {
  const t = w.t;
  const label = (e: { key: string; label: string }) => w.vintage(e, entry.meta.source.job);
  const title = w.title(entry.meta);
  const editions = editionsOf(entry);
  const shown = editions.filter((e) => picked.includes(e.key));
  const traces: ChartPayload['traces'] = shown.flatMap((e, i) => {
    const color = shade(i, shown.length);
    const pts = [...e.observations].sort((a, b) => a.date.localeCompare(b.date));
    const cut = e.lastActualYear === undefined ? pts.length : pts.findIndex((o) => Number(o.date) > e.lastActualYear!);
    const actual = cut < 0 ? pts : pts.slice(0, cut);
    const proj = cut < 0 ? [] : pts.slice(Math.max(0, cut - 1));
    const x = (list: Observation[]) => list.map((o) => `${o.date}-01-01`);
    const y = (list: Observation[]) => list.map((o) => o.value);
    const out: ChartPayload['traces'] = [{ id: e.key, name: label(e), x: x(actual), y: y(actual), yaxis: 'y', mode: 'lines', color }];
    if (proj.length > 1) out.push({ id: e.key, name: t('vintages.chart.projection', { label: label(e) }), x: x(proj), y: y(proj), yaxis: 'y', mode: 'lines', dash: 'dash', color, legend: false });
    return out;
  });
  const path = forecastPath(editions, target);
  const { first, latest } = actuals(path);
  const xs = path.map((p) => `${p.edition}-01`);
  // A value in a legend in the page's numbers (3,299 in Russian, as its axis writes them).
  const num = numberFormat(languageOfTranslator(t), 0, 3).format;
  const pathTraces: ChartPayload['traces'] = [
    { id: 'forecast', name: t('vintages.chart.asForecast', { year: target }), x: path.filter((p) => p.status === 'projection').map((p) => `${p.edition}-01`), y: path.filter((p) => p.status === 'projection').map((p) => p.value), yaxis: 'y', mode: 'lines+markers', dash: 'dash', color: '#1f5f8b' },
    { id: 'actual', name: t('vintages.chart.asActual', { year: target }), x: path.filter((p) => p.status === 'actual').map((p) => `${p.edition}-01`), y: path.filter((p) => p.status === 'actual').map((p) => p.value), yaxis: 'y', mode: 'lines+markers', color: '#1b6e3a' },
  ];
  if (first && xs.length) pathTraces.push({ id: 'first-actual', name: t('vintages.chart.firstActual', { label: label({ key: first.edition, label: first.label }), value: num(first.value) }), x: [xs[0], xs[xs.length - 1]], y: [first.value, first.value], yaxis: 'y', mode: 'lines', dash: 'dot', color: '#8a5a00' });
  if (latest && latest !== first && xs.length) pathTraces.push({ id: 'latest-actual', name: t('vintages.chart.latestActual', { label: label({ key: latest.edition, label: latest.label }), value: num(latest.value) }), x: [xs[0], xs[xs.length - 1]], y: [latest.value, latest.value], yaxis: 'y', mode: 'lines', dash: 'dot', color: '#a1261b' });
  const unit = w.unit(entry.meta.unit);
  const lang = languageOfTranslator(t) === DEFAULT_LANGUAGE ? {} : { lang: languageOfTranslator(t) };
  const editionsChart: ChartPayload = { title: t('vintages.chart.everyEdition', { title }), ariaLabel: t('vintages.chart.everyEditionAria', { title, count: shown.length }), traces, yTitle: unit, y2Title: null, shapes: [], ...lang };
  const pathChart: ChartPayload = { title: t('vintages.chart.byEdition', { title, year: target }), ariaLabel: t('vintages.chart.byEditionAria', { year: target }), traces: pathTraces, yTitle: unit, y2Title: null, shapes: [], ...lang };
  const years = [...new Set(editions.flatMap((e) => e.observations.map((o) => o.date)))].sort();
  return { editions, shown, path, first, latest, editionsChart, pathChart, errors: forecastErrors(editions), years };
}
