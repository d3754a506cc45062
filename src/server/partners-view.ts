// The partners page's numbers, from the processed series: Kazakhstan's trade by partner block
// in two publications (IMF DOTS/IMTS to 2020 and later refreshes; BNS from 2018), never spliced,
// the overlap years side by side; own figures against the partners' mirror figures; how
// concentrated trade is; shares 2021→2023; FDI by partner with its net-versus-gross caveat.
import { isGroup, partnerName } from '../domain/partners.ts';
import type { Observation } from '../domain/series.ts';
import type { DataRepository } from '../store/repository.ts';
import { blockValues, concentration, REST_BLOCK, TRADE_BLOCKS, type BlockValue, type Concentration } from '../transform/trade-structure.ts';
import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, languageOfTranslator, translator } from './i18n.ts';
import type { ChartPayload } from './view-model.ts';

export type Flow = 'turnover' | 'exports' | 'imports';
export const FLOWS: readonly Flow[] = ['turnover', 'exports', 'imports'];

/** One publication of Kazakhstan's trade by partner, and how its series are named. */
export interface TradePublication {
  id: 'imf' | 'bns';
  label: string;
  /** Multiply a value by this to get US dollars. */
  toUsd: number;
  /** The series for a flow and partner code; null where the publication derives the flow (IMF turnover). */
  seriesId(flow: Flow, code: string): string | null;
  pattern: RegExp;
}

export const PUBLICATIONS: readonly TradePublication[] = [
  {
    id: 'imf', label: 'IMF DOTS/IMTS', toUsd: 1,
    seriesId: (flow, code) => (flow === 'turnover' ? null : `imf.imts.${flow === 'exports' ? 'XG_FOB_USD' : 'MG_CIF_USD'}.${code}.KAZ.A`),
    pattern: /^imf\.imts\.(XG_FOB_USD|MG_CIF_USD)\.([A-Z0-9_]+)\.KAZ\.A$/,
  },
  {
    id: 'bns', label: 'BNS', toUsd: 1000,
    seriesId: (flow, code) => `bns.${flow.toUpperCase()}.${code}`,
    pattern: /^bns\.(TURNOVER|EXPORTS|IMPORTS)\.([A-Z0-9_]+)$/,
  },
];

const FLOW_OF: Record<string, Flow> = { XG_FOB_USD: 'exports', MG_CIF_USD: 'imports', TURNOVER: 'turnover', EXPORTS: 'exports', IMPORTS: 'imports' };

type ByCode = Map<string, Map<string, number>>;

/** Every partner's values for one publication and flow, in US dollars, by code then year. */
export function publicationValues(repo: DataRepository, pub: TradePublication): Record<Flow, ByCode> {
  const out: Record<Flow, ByCode> = { turnover: new Map(), exports: new Map(), imports: new Map() };
  for (const e of repo.list()) {
    const m = pub.pattern.exec(e.meta.id);
    if (!m) continue;
    out[FLOW_OF[m[1]]].set(m[2], new Map(e.observations.map((o: Observation) => [o.date, o.value * pub.toUsd])));
  }
  // The IMF gives no turnover: exports + imports where both are there, else missing (never one flow alone).
  if (pub.id === 'imf') {
    for (const [code, x] of out.exports) {
      const m = out.imports.get(code);
      if (!m) continue;
      const t = new Map<string, number>();
      for (const [year, v] of x) if (m.has(year)) t.set(year, v + m.get(year)!);
      out.turnover.set(code, t);
    }
  }
  return out;
}

function yearTable(values: ByCode, year: string) {
  const countries = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const [code, byYear] of values) {
    const v = byYear.get(year);
    if (v === undefined) continue;
    (isGroup(code) ? groups : countries).set(code, v);
  }
  return { countries, groups };
}

export interface BlockRow {
  publication: string;
  year: string;
  total: number | null;
  blocks: BlockValue[];
  concentration: Concentration | null;
}

export function blockRows(values: ByCode, pub: TradePublication): BlockRow[] {
  const years = [...new Set([...(values.get('G001')?.keys() ?? [])])].sort();
  return years.map((year) => {
    const t = yearTable(values, year);
    return { publication: pub.label, year, ...blockValues(t), concentration: concentration(t.countries) };
  });
}

export interface MirrorRow {
  year: string;
  own: Record<'imf' | 'bns', { exports: number | null; imports: number | null; turnover: number | null }>;
  mirror: Record<'imf' | 'comtrade', { exports: number | null; imports: number | null; turnover: number | null }>;
  /** Mirror turnover / own turnover − 1, in percent, within one pair of publications. */
  gapPct: number | null;
  gapBasis: string | null;
}

const BLOCK_COLORS: Record<string, string> = { RUS: '#a1261b', CHN: '#c8642a', EU: '#1f5f8b', USA: '#8b3a8f', CA: '#2a8c55', REST: '#5f6b7a' };
const BLOCK_LABEL = Object.fromEntries([...TRADE_BLOCKS.map((b) => [b.id, b.label]), [REST_BLOCK.id, REST_BLOCK.label]]);

const bn = (v: number | null | undefined) => (v === null || v === undefined ? null : v / 1e9);

function flowPoint(get: (id: string) => number | undefined, x: string | null, m: string | null) {
  const exports = x ? get(x) ?? null : null;
  const imports = m ? get(m) ?? null : null;
  return { exports: bn(exports), imports: bn(imports), turnover: exports !== null && imports !== null ? bn(exports + imports) : null };
}

/** Kazakhstan's own figures with a partner against the partner's figures with Kazakhstan. */
export function mirrorRows(repo: DataRepository, partner: string): MirrorRow[] {
  const value = (id: string, year: string, scale = 1) => {
    const v = repo.get(id)?.observations.find((o) => o.date === year)?.value;
    return v === undefined ? undefined : v * scale;
  };
  const ids = {
    imfOwn: [`imf.imts.XG_FOB_USD.${partner}.KAZ.A`, `imf.imts.MG_CIF_USD.${partner}.KAZ.A`],
    bnsOwn: [`bns.EXPORTS.${partner}`, `bns.IMPORTS.${partner}`],
    // The partner's imports from Kazakhstan mirror Kazakhstan's exports, and the other way round.
    imfMirror: [`imf.imts.MG_CIF_USD.KAZ.${partner}.A`, `imf.imts.XG_FOB_USD.KAZ.${partner}.A`],
    comtrade: [`comtrade.M.KAZ.${partner}`, `comtrade.X.KAZ.${partner}`],
  };
  const years = new Set<string>();
  for (const id of Object.values(ids).flat()) for (const o of repo.get(id)?.observations ?? []) years.add(o.date);
  return [...years].sort().map((year) => {
    const own = {
      imf: flowPoint((id) => value(id, year), ids.imfOwn[0], ids.imfOwn[1]),
      bns: flowPoint((id) => value(id, year, 1000), ids.bnsOwn[0], ids.bnsOwn[1]),
    };
    const mirror = {
      imf: flowPoint((id) => value(id, year), ids.imfMirror[0], ids.imfMirror[1]),
      comtrade: flowPoint((id) => value(id, year), ids.comtrade[0], ids.comtrade[1]),
    };
    // Pair like with like: BNS against Comtrade where both exist, else the IMF's two sides.
    const pair = own.bns.turnover !== null && mirror.comtrade.turnover !== null ? (['bns', 'comtrade'] as const) : own.imf.turnover !== null && mirror.imf.turnover !== null ? (['imf', 'imf'] as const) : null;
    const gapPct = pair ? (mirror[pair[1]].turnover! / own[pair[0]].turnover! - 1) * 100 : null;
    const gapBasis = pair ? (pair[0] === 'bns' ? 'BNS against UN Comtrade' : 'IMF DOTS, both sides') : null;
    return { year, own, mirror, gapPct, gapBasis };
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

export function fdiRows(repo: DataRepository): FdiRow[] {
  const get = (kind: string, code: string) => new Map((repo.get(`wiiw.${kind}.${code}`)?.observations ?? []).map((o) => [o.date, o.value]));
  const stocks = new Map<string, Map<string, number>>();
  for (const e of repo.list()) {
    const m = /^wiiw\.FDI_STOCK\.([A-Z0-9_]+)$/.exec(e.meta.id);
    if (m && !isGroup(m[1])) stocks.set(m[1], new Map(e.observations.map((o) => [o.date, o.value])));
  }
  const years = [...get('FDI_STOCK', 'G001').keys()].sort();
  return years.map((year) => ({
    year,
    stock: Object.fromEntries(FDI_PARTNERS.map((c) => [c, get('FDI_STOCK', c).get(year) ?? null])),
    inflow: Object.fromEntries(FDI_PARTNERS.map((c) => [c, get('FDI_INFLOW', c).get(year) ?? null])),
    topFive: [...stocks]
      .flatMap(([code, byYear]) => (byYear.has(year) ? [{ code, stock: byYear.get(year)! }] : []))
      .sort((a, b) => b.stock - a.stock || a.code.localeCompare(b.code))
      .slice(0, 5),
  }));
}

export interface ShareChange {
  id: string;
  label: string;
  shares: Array<number | null>;
}

/** BNS turnover shares of each block and of the ten largest partner countries in the last year. */
export function shareChanges(rows: BlockRow[], values: ByCode, years: string[]): ShareChange[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const blocks = [...TRADE_BLOCKS.map((b) => b.id), REST_BLOCK.id].map((id) => ({
    id, label: BLOCK_LABEL[id], shares: years.map((y) => byYear.get(y)?.blocks.find((b) => b.id === id)?.share ?? null),
  }));
  const last = years[years.length - 1];
  const total = (y: string) => values.get('G001')?.get(y);
  const top = [...values].filter(([code, v]) => !isGroup(code) && v.has(last)).sort(([, a], [, b]) => b.get(last)! - a.get(last)!).slice(0, 10);
  const countries = top.map(([code, v]) => ({
    id: code, label: partnerName(code), shares: years.map((y) => (v.has(y) && total(y) ? (100 * v.get(y)!) / total(y)! : null)),
  }));
  return [...blocks, ...countries];
}

/** The years the share-change table compares. */
export const SHARE_YEARS = ['2021', '2022', '2023'];

/** The share-change table alone (its CSV needs no charts and no IMF table). */
export function turnoverShares(repo: DataRepository): { years: string[]; rows: ShareChange[] } {
  const turnover = publicationValues(repo, PUBLICATIONS[1]).turnover;
  return { years: SHARE_YEARS, rows: shareChanges(blockRows(turnover, PUBLICATIONS[1]), turnover, SHARE_YEARS) };
}

export interface PartnersView {
  flow: Flow;
  imf: BlockRow[];
  bns: BlockRow[];
  overlap: string[];
  blockLabels: Record<string, string>;
  mirror: Record<'RUS' | 'CHN', MirrorRow[]>;
  shares: { years: string[]; rows: ShareChange[] };
  fdi: FdiRow[];
  charts: { shares: ChartPayload; values: ChartPayload; concentration: ChartPayload; mirrorRUS: ChartPayload; mirrorCHN: ChartPayload; fdi: ChartPayload };
}

function blockTraces(rows: BlockRow[], pub: 'imf' | 'bns', pick: (b: BlockValue) => number | null, t: TFunction) {
  return [...TRADE_BLOCKS.map((b) => b.id), REST_BLOCK.id].map((id) => ({
    id: `${pub}-${id}`,
    name: t('partners.chart.trace', { block: t(`partners.blocks.${id}`), publication: t(`partners.pub.${pub}`) }),
    x: rows.map((r) => `${r.year}-01-01`),
    y: rows.map((r) => {
      const b = r.blocks.find((x) => x.id === id);
      return b ? pick(b) : null;
    }),
    yaxis: 'y' as const,
    mode: pub === 'imf' ? 'lines' : 'lines+markers',
    ...(pub === 'bns' ? { dash: 'dot' } : {}),
    color: BLOCK_COLORS[id],
  }));
}

const chart = (title: string, ariaLabel: string, yTitle: string, traces: ChartPayload['traces'], fileName: string, source: string, lang: string): ChartPayload => ({ title, ariaLabel, traces, yTitle, y2Title: null, shapes: [], fileName, source, ...(lang !== DEFAULT_LANGUAGE ? { lang } : {}) });

export function partnersView(repo: DataRepository, flow: Flow, t: TFunction = translator(DEFAULT_LANGUAGE)): PartnersView {
  const imfValues = publicationValues(repo, PUBLICATIONS[0]);
  const bnsValues = publicationValues(repo, PUBLICATIONS[1]);
  const imf = blockRows(imfValues[flow], PUBLICATIONS[0]);
  const bns = blockRows(bnsValues[flow], PUBLICATIONS[1]);
  const bnsYears = new Set(bns.map((r) => r.year));
  const overlap = imf.map((r) => r.year).filter((y) => bnsYears.has(y));
  const imfTurnover = flow === 'turnover' ? imf : blockRows(imfValues.turnover, PUBLICATIONS[0]);
  const bnsTurnover = flow === 'turnover' ? bns : blockRows(bnsValues.turnover, PUBLICATIONS[1]);
  const mirror = { RUS: mirrorRows(repo, 'RUS'), CHN: mirrorRows(repo, 'CHN') };
  const fdi = fdiRows(repo);
  const src = t('partners.chart.source');
  const lang = languageOfTranslator(t);
  const flowWord = t(`partners.flowWords.${flow}`);
  const mirrorChart = (code: 'RUS' | 'CHN') => {
    const rows = mirror[code];
    const x = rows.map((r) => `${r.year}-01-01`);
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
      ],
      `kz-mirror-${code.toLowerCase()}`,
      t('partners.chart.mirrorSource'),
      lang,
    );
  };
  return {
    flow, imf, bns, overlap, blockLabels: BLOCK_LABEL, mirror,
    shares: { years: SHARE_YEARS, rows: shareChanges(bnsTurnover, bnsValues.turnover, SHARE_YEARS) },
    fdi,
    charts: {
      shares: chart(t('partners.chart.sharesTitle', { flow: flowWord }), t('partners.chart.sharesAria', { flow: flowWord }), t('partners.chart.yPercent'), [...blockTraces(imf, 'imf', (b) => b.share, t), ...blockTraces(bns, 'bns', (b) => b.share, t)], `kz-${flow}-shares`, src, lang),
      values: chart(t('partners.chart.valuesTitle', { flow: flowWord }), t('partners.chart.valuesAria', { flow: flowWord }), t('partners.chart.yBn'), [...blockTraces(imf, 'imf', (b) => bn(b.value), t), ...blockTraces(bns, 'bns', (b) => bn(b.value), t)], `kz-${flow}-values`, src, lang),
      concentration: chart(t('partners.chart.hhiTitle'), t('partners.chart.hhiAria'), t('partners.chart.hhiY'), [
        { id: 'hhi-imf', name: t('partners.chart.hhiTrace', { publication: t('partners.pub.imf') }), x: imfTurnover.map((r) => `${r.year}-01-01`), y: imfTurnover.map((r) => r.concentration?.hhi ?? null), yaxis: 'y', mode: 'lines', color: '#1f5f8b' },
        { id: 'hhi-bns', name: t('partners.chart.hhiTrace', { publication: t('partners.pub.bns') }), x: bnsTurnover.map((r) => `${r.year}-01-01`), y: bnsTurnover.map((r) => r.concentration?.hhi ?? null), yaxis: 'y', mode: 'lines+markers', dash: 'dot', color: '#c8642a' },
      ], 'kz-trade-hhi', src, lang),
      mirrorRUS: mirrorChart('RUS'),
      mirrorCHN: mirrorChart('CHN'),
      fdi: chart(t('partners.chart.fdiTitle'), t('partners.chart.fdiAria'), t('partners.chart.yEurBn'), FDI_PARTNERS.filter((c) => c !== 'G001').map((c, i) => ({
        id: `fdi-${c}`, name: t(`partners.fdiNames.${c}`), x: fdi.map((r) => `${r.year}-01-01`), y: fdi.map((r) => (r.stock[c] === null ? null : r.stock[c]! / 1000)), yaxis: 'y' as const, mode: 'lines', color: ['#1f5f8b', '#2a8c55', '#8b3a8f', '#c8642a', '#a1261b'][i],
      })), 'kz-fdi-stock', t('partners.chart.fdiSource'), lang),
    },
  };
}

/** The concentration rows of both publications for turnover (the table and its download). */
export function concentrationRows(repo: DataRepository): BlockRow[] {
  return PUBLICATIONS.flatMap((p) => blockRows(publicationValues(repo, p).turnover, p));
}
