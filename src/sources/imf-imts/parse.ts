// IMF International Trade in Goods (IMTS, successor of DOTS) over the SDMX 3.0 API at
// api.imf.org. Key order COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY. Kazakhstan's own
// reports (KAZ.<IND>.RUS+CHN+G998+G001.<F>) and the partners' mirror view (RUS+CHN.<IND>.KAZ.<F>),
// because the paper's China figure is China's customs figure.
// Series ids: imf.imts.<INDICATOR>.<COUNTERPART>.<REPORTER>.<FREQ>, e.g.
// imf.imts.XG_FOB_USD.RUS.KAZ.A = Kazakhstan's exports to Russia, annual, as Kazakhstan reports.
import { PipelineError } from '../../domain/errors.ts';
import type { Frequency, Publisher, SeriesDescription, Vintage } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult } from '../../domain/source-data.ts';
import { countryName } from '../../domain/countries.ts';
import { partnerName } from '../../domain/partners.ts';
import { parseStructureSpecific } from '../shared/sdmx.ts';
import { byCodeUnit } from '../../lib/order.ts';
import { imtsId } from './words.ts';

export const IMTS_PUBLISHER: Publisher = {
  name: 'International Monetary Fund, International Trade in Goods (IMTS)',
  url: 'https://data.imf.org/',
  licence: '© International Monetary Fund; data may be reused with attribution: https://www.imf.org/external/terms.htm',
  citation: 'International Monetary Fund, International Trade in Goods (IMTS)',
};

export const IMTS_VINTAGE: Vintage = { key: 'imts', label: 'IMF IMTS (latest release)' };
const FREQ: Record<string, Frequency> = { A: 'annual', Q: 'quarterly', M: 'monthly' };
const FLOW: Record<string, { verb: string; prep: string }> = {
  XG_FOB_USD: { verb: 'exports of goods (FOB)', prep: 'to' },
  MG_CIF_USD: { verb: 'imports of goods (CIF)', prep: 'from' },
  TBG_USD: { verb: 'trade balance in goods', prep: 'with' },
};

export function imtsDescription(indicator: string, reporter: string, counterpart: string, freq: Frequency, scale: string | undefined): SeriesDescription {
  const f = FLOW[indicator] ?? { verb: indicator, prep: 'with' };
  const notes = [`Values in US dollars (full units). The provider's SCALE attribute${scale ? ` (${scale})` : ''} is a display hint, not a multiplier.`];
  if (reporter !== 'KAZ') notes.push(`Mirror view: as reported by ${countryName(reporter)}, not by Kazakhstan.`);
  return { title: `${countryName(reporter)}: ${f.verb} ${f.prep} ${partnerName(counterpart)}`, unit: 'US dollars', scale: 'units', frequency: freq, country: reporter, notes };
}

export function parseImts(body: Buffer, meta: { url?: string; request?: Record<string, string> }): ParseResult {
  const ctx = { source: 'imts', url: meta.url };
  const msg = parseStructureSpecific(body, ctx);
  const notes: string[] = [];
  if (!msg.series.length) {
    if (meta.request?.required === 'yes') throw new PipelineError('SDMX_NO_DATA', 'the answer holds no series (empty DataSet) for a request that must have data', ctx);
    notes.push(`imts: no series for ${meta.request?.key ?? meta.url} (not published at this frequency)`);
  }
  const series: ParsedSeries[] = [];
  for (const s of msg.series) {
    const a = s.attributes;
    for (const dim of ['COUNTRY', 'INDICATOR', 'COUNTERPART_COUNTRY', 'FREQUENCY']) {
      if (!a[dim]) throw new PipelineError('SDMX_SCHEMA_CHANGED', `a Series has no ${dim} attribute (key order changed?)`, ctx);
    }
    const freq = FREQ[a.FREQUENCY];
    if (!freq) throw new PipelineError('SDMX_SCHEMA_CHANGED', `unknown FREQUENCY ${a.FREQUENCY}`, ctx);
    if (a.UNIT && a.UNIT !== 'USD') throw new PipelineError('SDMX_SCHEMA_CHANGED', `UNIT ${a.UNIT} is not USD`, ctx);
    series.push({
      id: imtsId(a.INDICATOR, a.COUNTERPART_COUNTRY, a.COUNTRY, a.FREQUENCY),
      description: imtsDescription(a.INDICATOR, a.COUNTRY, a.COUNTERPART_COUNTRY, freq, a.SCALE),
      vintage: IMTS_VINTAGE,
      precedence: 1,
      observations: s.observations.map((o) => ({ date: o.period, value: o.value })).sort((x, y) => byCodeUnit(x.date, y.date)),
    });
  }
  return { series, notes };
}
