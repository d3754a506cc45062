// IMF World Economic Outlook: live from the DataMapper API (one request per indicator, every
// economy in each answer; the vintage from /indicators), and the bundled WEO extract.
import { PipelineError } from '../../domain/errors.ts';
import type { SourceConnector } from '../connector.ts';
import { parseDataMapperIndicator, parseIndicatorsListing } from './datamapper.ts';
import { IMF_PUBLISHER } from './weo.ts';
import { parseWeoCsv, parseWeoKnownGaps } from './weo-csv.ts';
import { WEO_WORDS, weoId } from './words.ts';

export interface ImfWeoOptions {
  baseUrl: string;
  indicators: string[];
  countries: string[];
  /** Pause between requests: one request already returns every economy. */
  pauseMs: number;
}

export function createImfWeo(opts: ImfWeoOptions): SourceConnector {
  return {
    name: 'imf',
    title: 'IMF World Economic Outlook (DataMapper API)',
    version: '1.0.0',
    words: WEO_WORDS,
    publisher: IMF_PUBLISHER,
    parsers: {
      'datamapper-indicator': (bytes, meta) => parseDataMapperIndicator(bytes, meta, opts.countries),
      'datamapper-indicators': (bytes, meta) => {
        parseIndicatorsListing(bytes, meta);
        return { series: [], notes: [] };
      },
      'weo-csv': (bytes, meta) => parseWeoCsv(bytes, meta),
      'weo-known-gaps': (bytes, meta) => parseWeoKnownGaps(bytes, meta),
    },
    expectedSeries: () => opts.indicators.flatMap((i) => opts.countries.map((c) => weoId(i, c))),
    async fetch(ctx) {
      const listing = await ctx.http.get(`${opts.baseUrl}/indicators`, { source: 'imf', accept: 'application/json' });
      await ctx.accept({ response: listing, parser: 'datamapper-indicators', key: 'datamapper/indicators', ext: 'json' });
      const infos = parseIndicatorsListing(listing.body, listing);
      let done = 0;
      for (const indicator of opts.indicators) {
        const info = infos.get(indicator);
        if (!info) throw new PipelineError('IMF_INDICATOR_UNKNOWN', `indicator ${indicator} is not in the /indicators listing`, { source: 'imf', url: listing.url });
        if (done > 0) await ctx.sleep(opts.pauseMs);
        const response = await ctx.http.get(`${opts.baseUrl}/${encodeURIComponent(indicator)}`, { source: 'imf', accept: 'application/json' });
        await ctx.accept({ response, parser: 'datamapper-indicator', key: `datamapper/${indicator}`, ext: 'json', request: { indicator }, vintage: info.source });
        ctx.progress(++done, opts.indicators.length, indicator);
      }
    },
  };
}
