// Eurostat Comext: EU exports to Kazakhstan, its neighbours and Russia. Bundled: the Relational
// View downloads (monthly 2019-01 – 2024-08 by member state and aggregate; annual 2010–2023, EU-27
// to every partner). Live: the dissemination API's SDMX-CSV (docs/sources.md §7), monthly, one
// year a request (a larger extraction is refused with 413); a year still refused is split by
// partner, and a single partner-year refused is a coded error saying so.
import { PipelineError } from '../../domain/errors.ts';
import type { FetchContext, SourceConnector } from '../connector.ts';
import { comextOf } from './names.ts';
import { parseRelationalView } from './relational-view.ts';
import { parseComextSdmxCsv } from './sdmx-csv.ts';
import { COMEXT_PUBLISHER } from './series.ts';
import { comextId, EUROSTAT_WORDS } from './words.ts';

export interface EurostatOptions {
  baseUrl: string;
  /** Reporters asked for (partner codes: member states' ISO3 and GEU27_2020). */
  reporters: string[];
  partners: string[];
  /** The first year a refresh with no data asks for. */
  firstYear: number;
  pauseMs: number;
}

export function comextUrl(o: Pick<EurostatOptions, 'baseUrl' | 'reporters'>, partners: string[], year: number): string {
  const key = `M.${o.reporters.map(comextOf).join('+')}.${partners.map(comextOf).join('+')}.TOTAL.2.VALUE_IN_EUROS`;
  return `${o.baseUrl}/data/DS-045409/${key}?startPeriod=${year}-01&endPeriod=${year}-12&format=SDMX-CSV&compressed=false`;
}

/** The years a refresh asks for: from the year of the latest stored month (revisions) or the first year, to this year. */
export function comextYears(o: Pick<EurostatOptions, 'firstYear'>, today: string, latest?: string, from?: string): number[] {
  const start = Number((from ?? latest ?? String(o.firstYear)).slice(0, 4));
  const end = Number(today.slice(0, 4));
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i);
}

async function askYear(ctx: FetchContext, o: EurostatOptions, partners: string[], year: number): Promise<void> {
  const url = comextUrl(o, partners, year);
  try {
    const response = await ctx.http.get(url, { source: 'eurostat', accept: 'application/vnd.sdmx.data+csv' });
    await ctx.accept({ response, parser: 'comext-sdmx-csv', key: `data/${year}/${partners.join('+')}`, ext: 'csv', request: { year: String(year), partners: partners.join('+') } });
  } catch (err) {
    const tooBig = err instanceof PipelineError && err.context.status === 413;
    if (!tooBig) throw err;
    if (partners.length === 1) throw new PipelineError('EUROSTAT_TOO_BIG', `Comext refused even one partner's year as too large (413) for ${partners[0]} ${year}`, { source: 'eurostat', url }, { cause: err });
    ctx.note(`eurostat: ${year} for ${partners.length} partners refused as too large (413); asked in two halves`);
    const half = Math.ceil(partners.length / 2);
    await askYear(ctx, o, partners.slice(0, half), year);
    await askYear(ctx, o, partners.slice(half), year);
  }
}

export function createEurostat(o: EurostatOptions): SourceConnector {
  return {
    name: 'eurostat',
    title: 'Eurostat Comext: EU exports to Kazakhstan, its neighbours and Russia',
    version: '1.0.0',
    words: EUROSTAT_WORDS,
    publisher: COMEXT_PUBLISHER,
    expectedSeries: () => ['KAZ', 'KGZ', 'ARM', 'GEO', 'UZB', 'RUS'].map((p) => comextId('GEU27_2020', p, 'M')),
    parsers: {
      'comext-relational': (bytes, meta) => parseRelationalView(bytes, meta),
      'comext-sdmx-csv': (bytes, meta) => parseComextSdmxCsv(bytes, meta),
    },
    async fetch(ctx) {
      const today = ctx.options.today ?? new Date().toISOString().slice(0, 10);
      const years = comextYears(o, ctx.options.to ?? today, ctx.latestProcessedDate, ctx.options.from);
      for (const [i, year] of years.entries()) {
        if (i > 0) await ctx.sleep(o.pauseMs);
        await askYear(ctx, o, o.partners, year);
        ctx.progress(i + 1, years.length, String(year));
      }
    },
  };
}
