// IMF International Trade in Goods (IMTS, successor of DOTS) over the SDMX 3.0 API at
// api.imf.org. Key order COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY. Kazakhstan's own
// reports (KAZ.<IND>.RUS+CHN+G998+G001.<F>) and the partners' mirror view (RUS+CHN.<IND>.KAZ.<F>),
// because the paper's China figure is China's customs figure.
// Series ids: imf.imts.<INDICATOR>.<COUNTERPART>.<REPORTER>.<FREQ>, e.g.
// imf.imts.XG_FOB_USD.RUS.KAZ.A = Kazakhstan's exports to Russia, annual, as Kazakhstan reports.
import { PipelineError } from '../errors.ts';
import type { Frequency, Publisher, SeriesDescription, Vintage } from '../series.ts';
import type { FetchContext, ParsedSeries, ParseResult, SourceConnector } from './connector.ts';
import { parseStructureSpecific } from './sdmx.ts';
import { countryName } from './countries.ts';

export const IMTS_PUBLISHER: Publisher = {
  name: 'International Monetary Fund, International Trade in Goods (IMTS)',
  url: 'https://data.imf.org/',
  licence: '© International Monetary Fund; data may be reused with attribution: https://www.imf.org/external/terms.htm',
  citation: 'International Monetary Fund, International Trade in Goods (IMTS)',
};

const IMTS_VINTAGE: Vintage = { key: 'imts', label: 'IMF IMTS (latest release)' };
const FREQ: Record<string, Frequency> = { A: 'annual', Q: 'quarterly', M: 'monthly' };
const PARTNERS: Record<string, string> = { G001: 'the world', G998: 'the European Union', G163: 'the euro area' };
const FLOW: Record<string, { verb: string; prep: string }> = {
  XG_FOB_USD: { verb: 'exports of goods (FOB)', prep: 'to' },
  MG_CIF_USD: { verb: 'imports of goods (CIF)', prep: 'from' },
  TBG_USD: { verb: 'trade balance in goods', prep: 'with' },
};

const place = (code: string) => PARTNERS[code] ?? countryName(code);

function describe(indicator: string, reporter: string, counterpart: string, freq: Frequency, scale: string | undefined): SeriesDescription {
  const f = FLOW[indicator] ?? { verb: indicator, prep: 'with' };
  const notes = [`Values in US dollars (full units). The provider's SCALE attribute${scale ? ` (${scale})` : ''} is a display hint, not a multiplier.`];
  if (reporter !== 'KAZ') notes.push(`Mirror view: as reported by ${countryName(reporter)}, not by Kazakhstan.`);
  return { title: `${countryName(reporter)}: ${f.verb} ${f.prep} ${place(counterpart)}`, unit: 'US dollars', scale: 'units', frequency: freq, country: reporter, notes };
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
      id: `imf.imts.${a.INDICATOR}.${a.COUNTERPART_COUNTRY}.${a.COUNTRY}.${a.FREQUENCY}`,
      description: describe(a.INDICATOR, a.COUNTRY, a.COUNTERPART_COUNTRY, freq, a.SCALE),
      vintage: IMTS_VINTAGE,
      precedence: 1,
      observations: s.observations.map((o) => [o.period, o.value] as [string, number]).sort(([x], [y]) => x.localeCompare(y)),
    });
  }
  return { series, notes };
}

export interface ImtsOptions {
  baseUrl: string;
  indicators: string[];
  counterparts: string[];
  mirrorReporters: string[];
  frequencies: string[];
  pauseMs: number;
}

/** Kazakhstan's own annual reports must have data; monthly data and the mirror view may be absent
 *  (Russia, for one, stopped publishing trade statistics in 2022). */
export function imtsRequests(o: ImtsOptions): Array<{ key: string; frequency: string; required: boolean }> {
  const out: Array<{ key: string; frequency: string; required: boolean }> = [];
  for (const f of o.frequencies) {
    for (const ind of o.indicators) {
      out.push({ key: `KAZ.${ind}.${o.counterparts.join('+')}.${f}`, frequency: f, required: f === 'A' });
      out.push({ key: `${o.mirrorReporters.join('+')}.${ind}.KAZ.${f}`, frequency: f, required: false });
    }
  }
  return out;
}

export function createImts(o: ImtsOptions): SourceConnector {
  const version = '1.0.0';
  return {
    name: 'imts',
    title: 'IMF International Trade in Goods (SDMX API)',
    version,
    publisher: IMTS_PUBLISHER,
    // Kazakhstan's annual exports and imports with each counterpart must be there once fetched.
    expectedSeries: () => o.indicators.flatMap((ind) => o.counterparts.map((c) => `imf.imts.${ind}.${c}.KAZ.A`)),
    async parse(meta, bytes) {
      if (meta.parser !== 'sdmx-imts') throw new PipelineError('UNKNOWN_PARSER', `imts has no parser ${JSON.stringify(meta.parser)}`, { source: 'imts' });
      return parseImts(bytes, meta);
    },
    async fetch(ctx: FetchContext) {
      const requests = imtsRequests(o);
      let done = 0;
      for (const r of requests) {
        if (done > 0) await ctx.sleep(o.pauseMs);
        const url = `${o.baseUrl}/data/dataflow/IMF.STA/IMTS/+/${r.key}?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false`;
        const res = await ctx.http.get(url, { source: 'imts', accept: 'application/xml' });
        await ctx.accept({
          meta: {
            source: 'imts', kind: 'http', parser: 'sdmx-imts', key: `data/${r.key}`, url: res.url, status: res.status, contentType: res.contentType,
            retrievedAt: new Date().toISOString(), connectorVersion: version, request: { key: r.key, frequency: r.frequency, required: r.required ? 'yes' : 'no' },
          },
          body: res.body,
          ext: 'xml',
        });
        ctx.progress(++done, requests.length, r.key);
      }
    },
  };
}
