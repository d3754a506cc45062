// IMF International Trade in Goods over the SDMX 3.0 API: Kazakhstan's own reports and the
// partners' mirror view (the parser and the series it makes are in parse.ts).
import type { SourceConnector } from '../connector.ts';
import { parseDotsWorkbook } from './dots.ts';
import { IMTS_PUBLISHER, parseImts } from './parse.ts';
import { IMTS_WORDS, imtsId } from './words.ts';

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
  return {
    name: 'imts',
    title: 'IMF International Trade in Goods (SDMX API)',
    version: '1.0.0',
    words: IMTS_WORDS,
    publisher: IMTS_PUBLISHER,
    // Kazakhstan's annual exports and imports with each counterpart must be there once fetched.
    expectedSeries: () => o.indicators.flatMap((ind) => o.counterparts.map((c) => imtsId(ind, c, 'KAZ', 'A'))),
    parsers: {
      'sdmx-imts': (bytes, meta) => parseImts(bytes, meta),
      // The bundled DOTS history (to 2020), under the same series ids.
      'dots-xlsx': (bytes, meta) => parseDotsWorkbook(bytes, meta, { home: 'KAZ' }),
    },
    async fetch(ctx) {
      const requests = imtsRequests(o);
      let done = 0;
      for (const r of requests) {
        if (done > 0) await ctx.sleep(o.pauseMs);
        const url = `${o.baseUrl}/data/dataflow/IMF.STA/IMTS/+/${r.key}?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false`;
        const response = await ctx.http.get(url, { source: 'imts', accept: 'application/xml' });
        await ctx.accept({ response, parser: 'sdmx-imts', key: `data/${r.key}`, ext: 'xml', request: { key: r.key, frequency: r.frequency, required: r.required ? 'yes' : 'no' } });
        ctx.progress(++done, requests.length, r.key);
      }
    },
  };
}
