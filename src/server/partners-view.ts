// The partners page's numbers, from the processed series: Kazakhstan's trade by partner block in
// each publication (the bundled IMF DOTS download to 2020, BNS from 2018, and IMF IMTS where a
// refresh has brought it), never spliced, the overlap years side by side; own figures against the
// partners' mirror figures; how concentrated trade is; shares 2021→2023; FDI by partner with its
// net-versus-gross caveat.
import { isGroup, partnerName } from '../domain/partners.ts';
import type { TradeFlow, Vocabulary } from '../domain/source-words.ts';
import { editionObservations, type DataRepository, type SeriesEntry } from '../store/repository.ts';
import { blockValues, concentration, REST_BLOCK, TRADE_BLOCKS, type BlockValue, type Concentration, type YearTable } from '../transform/trade-structure.ts';
import { exactSum, percentGap, percentOf, scaled } from '../transform/exact.ts';
import { shiftPeriod } from '../transform/periods.ts';
import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, languageOfTranslator, translator } from './i18n.ts';
import type { ChartPayload } from './view-model.ts';

export type Flow = TradeFlow;
export const FLOWS: readonly Flow[] = ['turnover', 'exports', 'imports'];

/** One publication of Kazakhstan's trade by partner, and how its series are named. */
export interface TradePublication {
  /** `imf` is the bundled DOTS download (its id since the page had only it), `imts` a refresh's answers. */
  id: 'imf' | 'bns' | 'imts';
  label: string;
  /** The publication's unit in US dollars (BNS prints thousands); applied in decimal. */
  toUsd: number;
  /** Its precision in US dollars: DOTS's millions carry six decimals (whole dollars), though some
   *  of its cells are computed doubles (4.400000000000004); BNS's thousands five (cents). */
  decimals: number;
  /** The job whose series it is (read through its words: trade ids of reporter KAZ, annual). */
  source: string;
  /** The edition of those series it is (DOTS and IMTS share ids, each its own edition); absent: the current one. */
  vintage?: string;
  /** Whether it prints a turnover (BNS) or the page adds exports and imports (the IMF). */
  printsTurnover: boolean;
}

// The editions are the IMTS source's own keys (src/sources/imf-imts: DOTS_VINTAGE, IMTS_VINTAGE); the
// partners test fails if the bundled data has no DOTS rows under this one.
export const DOTS: TradePublication = { id: 'imf', label: 'IMF DOTS', toUsd: 1, decimals: 0, source: 'imts', vintage: 'dots-2022-02', printsTurnover: false };
export const BNS: TradePublication = { id: 'bns', label: 'BNS', toUsd: 1000, decimals: 2, source: 'bns', printsTurnover: true };
export const IMTS: TradePublication = { id: 'imts', label: 'IMF IMTS', toUsd: 1, decimals: 0, source: 'imts', vintage: 'imts', printsTurnover: false };
/** Every publication, in the order the page and the downloads list them. */
export const PUBLICATIONS: readonly TradePublication[] = [DOTS, BNS, IMTS];

/** UN Comtrade's precision, for the mirror: whole US dollars, as published. */
const COMTRADE: Pick<TradePublication, 'toUsd' | 'decimals'> = { toUsd: 1, decimals: 0 };

/** A series' values in a publication's edition and unit (US dollars at its precision, scaled in
 *  decimal), by date; undefined where the series has no such edition. */
export function editionValues(entry: SeriesEntry | undefined, pub: Pick<TradePublication, 'vintage' | 'toUsd' | 'decimals'>): Map<string, number> | undefined {
  const observations = entry && editionObservations(entry, pub.vintage);
  return observations && new Map(observations.map((o) => [o.date, scaled(o.value, pub.toUsd, pub.decimals)]));
}

type ByCode = Map<string, Map<string, number>>;

/** One publication's values for every flow, in US dollars, by code then year; for a turnover the
 *  publication does not print (the IMF's), which partners had one flow only. */
export interface PublicationValues extends Record<Flow, ByCode> {
  missingFlow: Map<string, Map<string, 'exports' | 'imports'>>;
}

/** Every partner's values for one publication and flow, in US dollars (scaled in decimal), by code then year. */
export function publicationValues(repo: DataRepository, vocabulary: Vocabulary, pub: TradePublication, frequency: 'A' | 'M' = 'A'): PublicationValues {
  const out: PublicationValues = { turnover: new Map(), exports: new Map(), imports: new Map(), missingFlow: new Map() };
  for (const e of repo.list()) {
    const s = vocabulary.trade(e.meta.id);
    const values = s && s.source === pub.source && s.reporter === 'KAZ' && s.frequency === frequency ? editionValues(e, pub) : undefined;
    if (s && values) out[s.flow].set(s.partner, values);
  }
  // The IMF gives no turnover: exports + imports, a flow not published counted as absent (a
  // partner with exports only still trades), and which flow was missing kept for the notes.
  if (!pub.printsTurnover) {
    for (const code of new Set([...out.exports.keys(), ...out.imports.keys()])) {
      const x = out.exports.get(code) ?? new Map<string, number>();
      const m = out.imports.get(code) ?? new Map<string, number>();
      const t = new Map<string, number>();
      const gone = new Map<string, 'exports' | 'imports'>();
      for (const year of new Set([...x.keys(), ...m.keys()])) {
        t.set(year, exactSum([x.get(year) ?? 0, m.get(year) ?? 0]));
        if (!x.has(year)) gone.set(year, 'exports');
        else if (!m.has(year)) gone.set(year, 'imports');
      }
      out.turnover.set(code, t);
      if (gone.size) out.missingFlow.set(code, gone);
    }
  }
  return out;
}

/** The 12 months ending with the world total's latest month, each partner summed over the months
 *  it has in them (in decimal), under one key naming the window; null unless the world total has
 *  all 12 (a share of an incomplete total would mislead). */
export function lastTwelveMonths(monthly: PublicationValues): { window: string; values: PublicationValues } | null {
  const world = monthly.turnover.get('G001');
  const last = [...(world?.keys() ?? [])].sort().at(-1);
  if (!world || !last) return null;
  const months = Array.from({ length: 12 }, (_, i) => shiftPeriod(last, 'monthly', i - 11));
  if (!months.every((m) => world.has(m))) return null;
  const window = `${months[0]}–${last}`;
  const collapse = (byCode: ByCode): ByCode =>
    new Map([...byCode].flatMap(([code, byMonth]) => {
      const present = months.filter((m) => byMonth.has(m));
      return present.length ? [[code, new Map([[window, exactSum(present.map((m) => byMonth.get(m)!))]])] as const] : [];
    }));
  return { window, values: { turnover: collapse(monthly.turnover), exports: collapse(monthly.exports), imports: collapse(monthly.imports), missingFlow: new Map() } };
}

function yearTable(values: ByCode, year: string, missingFlow?: PublicationValues['missingFlow']): YearTable {
  const countries = new Map<string, number>();
  const groups = new Map<string, number>();
  const oneWay = new Map<string, 'exports' | 'imports'>();
  for (const [code, byYear] of values) {
    const v = byYear.get(year);
    if (v === undefined) continue;
    (isGroup(code) ? groups : countries).set(code, v);
    const gone = missingFlow?.get(code)?.get(year);
    if (gone) oneWay.set(code, gone);
  }
  return { countries, groups, missingFlow: oneWay };
}

export interface BlockRow {
  publication: string;
  year: string;
  total: number | null;
  blocks: BlockValue[];
  /** The publisher's own EU row, apart from the constant EU-27 block. */
  published: BlockValue;
  concentration: Concentration | null;
}

/** The block rows of one flow; `missingFlow` only for a turnover made of two flows. */
export function blockRows(values: ByCode, pub: TradePublication, missingFlow?: PublicationValues['missingFlow']): BlockRow[] {
  const years = [...(values.get('G001')?.keys() ?? [])].sort();
  return years.map((year) => {
    const t = yearTable(values, year, missingFlow);
    return { publication: pub.label, year, ...blockValues(t), concentration: concentration(t) };
  });
}

/** The block rows of a flow of a publication (the turnover with its one-flow notes). */
export function flowRows(values: PublicationValues, pub: TradePublication, flow: Flow): BlockRow[] {
  return blockRows(values[flow], pub, flow === 'turnover' ? values.missingFlow : undefined);
}

type FlowPoint = { exports: number | null; imports: number | null; turnover: number | null };

export interface MirrorRow {
  year: string;
  /** Whose IMF figures the row's `imf` columns are: the DOTS download ('imf') or a refresh's IMTS. */
  imfPublication: TradePublication['id'];
  own: Record<'imf' | 'bns', FlowPoint>;
  mirror: Record<'imf' | 'comtrade', FlowPoint>;
  /** Mirror turnover / own turnover − 1, in percent, for each pair of publications that has the year:
   *  the row's IMF edition on both sides, and BNS against UN Comtrade. Never one pair standing in for the other. */
  gaps: { imf: number | null; bnsComtrade: number | null };
}

/** What each gap compares, in words (the page and the CSV say it). */
export const GAP_BASES = {
  imf: 'IMF DOTS (the February 2022 download) on both sides: Kazakhstan\'s reported trade against the partner\'s reported trade with Kazakhstan',
  imts: 'IMF IMTS (a refresh\'s answers) on both sides: Kazakhstan\'s reported trade against the partner\'s reported trade with Kazakhstan',
  bnsComtrade: 'BNS (Kazakhstan) against UN Comtrade (the partner\'s customs)',
} as const;

/** The blocks in the order every block row lists them: the five, then the rest. */
export const BLOCK_IDS: readonly string[] = [...TRADE_BLOCKS.map((b) => b.id), REST_BLOCK.id];

const BLOCK_COLORS: Record<string, string> = { RUS: '#a1261b', CHN: '#c8642a', EU: '#1f5f8b', USA: '#8b3a8f', CA: '#2a8c55', REST: '#5f6b7a' };
const BLOCK_LABEL = Object.fromEntries([...TRADE_BLOCKS.map((b) => [b.id, b.label]), [REST_BLOCK.id, REST_BLOCK.label]]);

const bn = (v: number | null | undefined) => (v === null || v === undefined ? null : scaled(v, 1e-9));

function flowPoint(get: (id: string) => number | undefined, x: string, m: string): FlowPoint {
  const exports = get(x) ?? null;
  const imports = get(m) ?? null;
  return { exports: bn(exports), imports: bn(imports), turnover: exports !== null && imports !== null ? bn(exactSum([exports, imports])) : null };
}

/** Kazakhstan's own figures with a partner against the partner's figures with Kazakhstan: a row per
 *  year with the IMF's DOTS download on both sides (and BNS against UN Comtrade beside it), then a
 *  row per year a refresh brought IMTS for, IMTS on both sides. Never one edition against another. */
export function mirrorRows(repo: DataRepository, vocabulary: Vocabulary, partner: string): MirrorRow[] {
  // Exports then imports; the partner's imports from Kazakhstan mirror Kazakhstan's exports.
  const pair = (source: string, reporter: string, counterpart: string, flows: Array<'exports' | 'imports'>) =>
    flows.map((flow) => vocabulary.tradeId(source, { flow, partner: counterpart, reporter, frequency: 'A' }));
  const ids: MirrorIds = {
    imfOwn: pair('imts', 'KAZ', partner, ['exports', 'imports']),
    bnsOwn: pair('bns', 'KAZ', partner, ['exports', 'imports']),
    imfMirror: pair('imts', partner, 'KAZ', ['imports', 'exports']),
    comtrade: pair('comtrade', partner, 'KAZ', ['imports', 'exports']),
  };
  return [...editionRows(repo, ids, DOTS), ...editionRows(repo, ids, IMTS)].sort((a, b) => a.year.localeCompare(b.year));
}

type MirrorIds = Record<'imfOwn' | 'bnsOwn' | 'imfMirror' | 'comtrade', string[]>;

function editionRows(repo: DataRepository, ids: MirrorIds, imf: TradePublication): MirrorRow[] {
  // Each publication at its precision (IMF and Comtrade whole dollars, BNS cents), in decimal.
  const values = new Map<string, Map<string, number>>();
  const read = (list: string[], pub: Pick<TradePublication, 'vintage' | 'toUsd' | 'decimals'>) => {
    for (const id of list) values.set(id, editionValues(repo.get(id), pub) ?? new Map());
  };
  read([...ids.imfOwn, ...ids.imfMirror], imf);
  // BNS and Comtrade sit beside the DOTS rows (one row a year for them); IMTS rows carry the IMF only.
  if (imf === DOTS) {
    read(ids.bnsOwn, BNS);
    read(ids.comtrade, COMTRADE);
  }
  const years = new Set([...values.values()].flatMap((byYear) => [...byYear.keys()]));
  return [...years].sort().map((year) => {
    const point = (x: string, m: string) => flowPoint((id) => values.get(id)?.get(year), x, m);
    const own = { imf: point(ids.imfOwn[0], ids.imfOwn[1]), bns: point(ids.bnsOwn[0], ids.bnsOwn[1]) };
    const mirror = { imf: point(ids.imfMirror[0], ids.imfMirror[1]), comtrade: point(ids.comtrade[0], ids.comtrade[1]) };
    // Like with like only: each pair of publications gives its own gap where it has the year.
    const gaps = { imf: percentGap(mirror.imf.turnover, own.imf.turnover), bnsComtrade: percentGap(mirror.comtrade.turnover, own.bns.turnover) };
    return { year, imfPublication: imf.id, own, mirror, gaps };
  });
}

export const FDI_PARTNERS = ['G001', 'G998', 'NLD', 'USA', 'CHN', 'RUS'] as const;

export interface FdiRow {
  year: string;
  stock: Record<string, number | null>;
  inflow: Record<string, number | null>;
  /** The five largest investor countries by stock that year (groups excluded), largest first. */
  topFive: Array<{ code: string; stock: number }>;
}

export function fdiRows(repo: DataRepository, vocabulary: Vocabulary): FdiRow[] {
  const get = (measure: 'stock' | 'inflow', partner: string) => new Map((repo.get(vocabulary.investmentId('wiiw', { measure, partner }))?.observations ?? []).map((o) => [o.date, o.value]));
  const stocks = new Map<string, Map<string, number>>();
  for (const e of repo.list()) {
    const s = vocabulary.investment(e.meta.id);
    if (s?.measure === 'stock' && !isGroup(s.partner)) stocks.set(s.partner, new Map(e.observations.map((o) => [o.date, o.value])));
  }
  const years = [...get('stock', 'G001').keys()].sort();
  return years.map((year) => ({
    year,
    stock: Object.fromEntries(FDI_PARTNERS.map((c) => [c, get('stock', c).get(year) ?? null])),
    inflow: Object.fromEntries(FDI_PARTNERS.map((c) => [c, get('inflow', c).get(year) ?? null])),
    topFive: [...stocks]
      .flatMap(([code, byYear]) => (byYear.has(year) ? [{ code, stock: byYear.get(year)! }] : []))
      .sort((a, b) => b.stock - a.stock || a.code.localeCompare(b.code))
      .slice(0, 5),
  }));
}

export interface ShareChange {
  /** A block of countries, or one partner country (Russia is both: the two rows say which). */
  kind: 'block' | 'country';
  id: string;
  label: string;
  shares: Array<number | null>;
}

/** BNS turnover shares of each block and of the ten largest partner countries in the last year. */
export function shareChanges(rows: BlockRow[], values: ByCode, years: string[]): ShareChange[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const blocks = [...TRADE_BLOCKS.map((b) => b.id), REST_BLOCK.id].map((id) => ({
    kind: 'block' as const, id, label: BLOCK_LABEL[id], shares: years.map((y) => byYear.get(y)?.blocks.find((b) => b.id === id)?.share ?? null),
  }));
  const last = years[years.length - 1];
  const total = (y: string) => values.get('G001')?.get(y);
  const top = [...values].filter(([code, v]) => !isGroup(code) && v.has(last)).sort(([, a], [, b]) => b.get(last)! - a.get(last)!).slice(0, 10);
  const countries = top.map(([code, v]) => ({
    kind: 'country' as const, id: code, label: partnerName(code), shares: years.map((y) => (v.has(y) ? percentOf(v.get(y)!, total(y) ?? null) : null)),
  }));
  return [...blocks, ...countries];
}

/** The years the share-change table compares. */
export const SHARE_YEARS = ['2021', '2022', '2023'];

/** The share-change table alone (its CSV needs no charts and no IMF table). */
export function turnoverShares(repo: DataRepository, vocabulary: Vocabulary): { years: string[]; rows: ShareChange[] } {
  const values = publicationValues(repo, vocabulary, BNS);
  return { years: SHARE_YEARS, rows: shareChanges(flowRows(values, BNS, 'turnover'), values.turnover, SHARE_YEARS) };
}

export interface PartnersView {
  flow: Flow;
  /** IMF DOTS, the bundled download. */
  imf: BlockRow[];
  /** IMF IMTS, a refresh's answers (none on the bundle). */
  imts: BlockRow[];
  bns: BlockRow[];
  /** The concentration table (of turnover, whatever the flow): a column pair per publication that
   *  has turnover rows, latest year first. */
  concentration: { publications: Array<TradePublication['id']>; rows: Array<{ year: string; cells: Array<Concentration | null> }> };
  overlap: string[];
  blockLabels: Record<string, string>;
  mirror: Record<'RUS' | 'CHN', MirrorRow[]>;
  shares: { years: string[]; rows: ShareChange[] };
  fdi: FdiRow[];
  /** The IMF blocks over the latest 12 months, where a refresh has brought monthly figures. */
  last12: BlockRow | null;
  charts: { shares: ChartPayload; values: ChartPayload; concentration: ChartPayload; mirrorRUS: ChartPayload; mirrorCHN: ChartPayload; fdi: ChartPayload };
}

/** Each publication's look on the charts: DOTS solid, IMTS dashed, BNS dotted with markers. */
const TRACE_STYLE: Record<TradePublication['id'], { mode: string; dash?: string }> = { imf: { mode: 'lines' }, imts: { mode: 'lines', dash: 'dash' }, bns: { mode: 'lines+markers', dash: 'dot' } };

function blockTraces(rows: BlockRow[], pub: TradePublication['id'], pick: (b: BlockValue) => number | null, t: TFunction) {
  return [...TRADE_BLOCKS.map((b) => b.id), REST_BLOCK.id].map((id) => ({
    id: `${pub}-${id}`,
    name: t('partners.chart.trace', { block: t(`partners.blocks.${id}`), publication: t(`partners.pub.${pub}`) }),
    x: rows.map((r) => `${r.year}-01-01`),
    y: rows.map((r) => {
      const b = r.blocks.find((x) => x.id === id);
      return b ? pick(b) : null;
    }),
    yaxis: 'y' as const,
    ...TRACE_STYLE[pub],
    color: BLOCK_COLORS[id],
  }));
}

const chart = (title: string, ariaLabel: string, yTitle: string, traces: ChartPayload['traces'], fileName: string, source: string, lang: string): ChartPayload => ({ title, ariaLabel, traces, yTitle, y2Title: null, shapes: [], fileName, source, ...(lang !== DEFAULT_LANGUAGE ? { lang } : {}) });

/** One flow's block rows, by publication. */
type RowsByPublication = Record<TradePublication['id'], BlockRow[]>;

export function partnersView(repo: DataRepository, vocabulary: Vocabulary, flow: Flow, t: TFunction = translator(DEFAULT_LANGUAGE)): PartnersView {
  const values = Object.fromEntries(PUBLICATIONS.map((p) => [p.id, publicationValues(repo, vocabulary, p)])) as Record<TradePublication['id'], PublicationValues>;
  const rowsOf = (f: Flow) => Object.fromEntries(PUBLICATIONS.map((p) => [p.id, flowRows(values[p.id], p, f)])) as RowsByPublication;
  const rows = rowsOf(flow);
  const turnover = flow === 'turnover' ? rows : rowsOf('turnover');
  // A year more than one publication holds: marked in the tables, each publication's row kept.
  const held = new Map<string, number>();
  for (const p of PUBLICATIONS) for (const r of rows[p.id]) held.set(r.year, (held.get(r.year) ?? 0) + 1);
  const mirror = { RUS: mirrorRows(repo, vocabulary, 'RUS'), CHN: mirrorRows(repo, vocabulary, 'CHN') };
  const fdi = fdiRows(repo, vocabulary);
  return {
    flow, imf: rows.imf, imts: rows.imts, bns: rows.bns, overlap: [...held].filter(([, n]) => n > 1).map(([y]) => y).sort(),
    blockLabels: BLOCK_LABEL, mirror, last12: lastTwelveMonthsRow(repo, vocabulary, flow),
    shares: { years: SHARE_YEARS, rows: shareChanges(turnover.bns, values.bns.turnover, SHARE_YEARS) },
    concentration: concentrationTable(turnover),
    fdi,
    charts: partnersCharts(flow, rows, turnover, mirror, fdi, t),
  };
}

function concentrationTable(turnover: RowsByPublication): PartnersView['concentration'] {
  const publications = PUBLICATIONS.filter((p) => turnover[p.id].length).map((p) => p.id);
  const years = [...new Set(publications.flatMap((id) => turnover[id].map((r) => r.year)))].sort().reverse();
  return { publications, rows: years.map((year) => ({ year, cells: publications.map((id) => turnover[id].find((r) => r.year === year)?.concentration ?? null) })) };
}

function partnersCharts(flow: Flow, rows: RowsByPublication, turnover: RowsByPublication, mirror: PartnersView['mirror'], fdi: FdiRow[], t: TFunction): PartnersView['charts'] {
  const src = t('partners.chart.source');
  const lang = languageOfTranslator(t);
  const flowWord = t(`partners.flowWords.${flow}`);
  const drawn = PUBLICATIONS.filter((p) => rows[p.id].length);
  const hhiTrace = (p: TradePublication, color: string) => ({ id: `hhi-${p.id}`, name: t('partners.chart.hhiTrace', { publication: t(`partners.pub.${p.id}`) }), x: turnover[p.id].map((r) => `${r.year}-01-01`), y: turnover[p.id].map((r) => r.concentration?.hhi ?? null), yaxis: 'y' as const, ...TRACE_STYLE[p.id], color });
  return {
    shares: chart(t('partners.chart.sharesTitle', { flow: flowWord }), t('partners.chart.sharesAria', { flow: flowWord }), t('partners.chart.yPercent'), drawn.flatMap((p) => blockTraces(rows[p.id], p.id, (b) => b.share, t)), `kz-${flow}-shares`, src, lang),
    values: chart(t('partners.chart.valuesTitle', { flow: flowWord }), t('partners.chart.valuesAria', { flow: flowWord }), t('partners.chart.yBn'), drawn.flatMap((p) => blockTraces(rows[p.id], p.id, (b) => bn(b.value), t)), `kz-${flow}-values`, src, lang),
    concentration: chart(t('partners.chart.hhiTitle'), t('partners.chart.hhiAria'), t('partners.chart.hhiY'), PUBLICATIONS.filter((p) => turnover[p.id].length).map((p) => hhiTrace(p, { imf: '#1f5f8b', bns: '#c8642a', imts: '#2a8c55' }[p.id])), 'kz-trade-hhi', src, lang),
    mirrorRUS: mirrorChart(mirror, 'RUS', t, lang),
    mirrorCHN: mirrorChart(mirror, 'CHN', t, lang),
    fdi: chart(t('partners.chart.fdiTitle'), t('partners.chart.fdiAria'), t('partners.chart.yEurBn'), FDI_PARTNERS.filter((c) => c !== 'G001').map((c, i) => ({
      id: `fdi-${c}`, name: t(`partners.fdiNames.${c}`), x: fdi.map((r) => `${r.year}-01-01`), y: fdi.map((r) => (r.stock[c] === null ? null : scaled(r.stock[c]!, 1e-3))), yaxis: 'y' as const, mode: 'lines', color: ['#1f5f8b', '#2a8c55', '#8b3a8f', '#c8642a', '#a1261b'][i],
    })), 'kz-fdi-stock', t('partners.chart.fdiSource'), lang),
  };
}

function mirrorChart(mirror: PartnersView['mirror'], code: 'RUS' | 'CHN', t: TFunction, lang: string): ChartPayload {
  // DOTS rows carry BNS and Comtrade beside them; IMTS rows (a refresh) are lines of their own.
  const rows = mirror[code].filter((r) => r.imfPublication === 'imf');
  const imts = mirror[code].filter((r) => r.imfPublication === 'imts');
  const x = rows.map((r) => `${r.year}-01-01`);
  const xImts = imts.map((r) => `${r.year}-01-01`);
  const partner = t(`partners.partnerNames.${code}`);
  return chart(
    t('partners.chart.mirrorTitle', { partner }),
    t('partners.chart.mirrorAria', { partner }),
    t('partners.chart.yBn'),
    [
      { id: 'own-imf', name: t('partners.chart.ownImf'), x, y: rows.map((r) => r.own.imf.turnover), yaxis: 'y', mode: 'lines', color: '#1f5f8b' },
      { id: 'own-bns', name: t('partners.chart.ownBns'), x, y: rows.map((r) => r.own.bns.turnover), yaxis: 'y', mode: 'lines+markers', dash: 'dot', color: '#1f5f8b' },
      { id: 'mirror-imf', name: t('partners.chart.mirrorImf', { partner }), x, y: rows.map((r) => r.mirror.imf.turnover), yaxis: 'y', mode: 'lines', color: '#c8642a' },
      ...(code === 'CHN' ? [{ id: 'mirror-comtrade', name: t('partners.chart.mirrorComtrade', { partner }), x, y: rows.map((r) => r.mirror.comtrade.turnover), yaxis: 'y' as const, mode: 'lines+markers', dash: 'dot', color: '#c8642a' }] : []),
      ...(imts.length ? [
        { id: 'own-imts', name: t('partners.chart.ownImts'), x: xImts, y: imts.map((r) => r.own.imf.turnover), yaxis: 'y' as const, mode: 'lines', dash: 'dash', color: '#1f5f8b' },
        { id: 'mirror-imts', name: t('partners.chart.mirrorImts', { partner }), x: xImts, y: imts.map((r) => r.mirror.imf.turnover), yaxis: 'y' as const, mode: 'lines', dash: 'dash', color: '#c8642a' },
      ] : []),
    ],
    `kz-mirror-${code.toLowerCase()}`,
    t('partners.chart.mirrorSource'),
    lang,
  );
}

/** The IMF blocks of a flow over the latest 12 months, if monthly figures are stored. */
function lastTwelveMonthsRow(repo: DataRepository, vocabulary: Vocabulary, flow: Flow): BlockRow | null {
  const last = lastTwelveMonths(publicationValues(repo, vocabulary, IMTS, 'M'));
  return last ? flowRows(last.values, IMTS, flow)[0] ?? null : null;
}

/** The concentration rows of both publications for turnover (the table and its download). */
export function concentrationRows(repo: DataRepository, vocabulary: Vocabulary): BlockRow[] {
  return PUBLICATIONS.flatMap((p) => flowRows(publicationValues(repo, vocabulary, p), p, 'turnover'));
}
