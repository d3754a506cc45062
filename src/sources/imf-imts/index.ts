// IMF International Trade in Goods over the SDMX 3.0 API: Kazakhstan's reports against every
// counterpart, and every reporter's trade with Kazakhstan (the mirror), annual and monthly (the
// parser and the series it makes are in parse.ts). A request asks with the wildcard `*` in the
// open position (docs/sources.md §2); where the service refuses it (a 4xx), the same request is
// asked for the codelist's codes in chunks.
import { PipelineError } from '../../domain/errors.ts';
import type { FetchContext, SourceConnector } from '../connector.ts';
import { parseDotsWorkbook } from './dots.ts';
import { IMTS_PUBLISHER, parseImts } from './parse.ts';
import { IMTS_WORDS, imtsId } from './words.ts';

export interface ImtsOptions {
  baseUrl: string;
  indicators: string[];
  /** Kazakhstan's counterparts that must be there once fetched (annual). */
  requiredCounterparts: string[];
  frequencies: string[];
  /** The codes asked explicitly where the wildcard is refused: the codelist's countries and the IMF's groups. */
  codelist: string[];
  chunkSize: number;
  pauseMs: number;
}

/** One request: the key with its open position (counterparts of Kazakhstan's reports, or the reporters of the mirror) filled by `codes`. */
export interface ImtsRequest {
  key(codes: string): string;
  frequency: string;
  required: boolean;
}

/** Kazakhstan's own annual reports must have data; monthly data and the mirror view may be absent
 *  (Russia, for one, stopped publishing trade statistics in 2022). */
export function imtsRequests(o: Pick<ImtsOptions, 'indicators' | 'frequencies'>): ImtsRequest[] {
  const out: ImtsRequest[] = [];
  for (const f of o.frequencies) {
    for (const ind of o.indicators) {
      out.push({ key: (codes) => `KAZ.${ind}.${codes}.${f}`, frequency: f, required: f === 'A' });
      out.push({ key: (codes) => `${codes}.${ind}.KAZ.${f}`, frequency: f, required: false });
    }
  }
  return out;
}

/** `stored` names the snapshot's folder: a chunk's key of 60 codes is too long for a file name. */
async function ask(ctx: FetchContext, o: ImtsOptions, key: string, frequency: string, required: boolean, stored = key): Promise<void> {
  const url = `${o.baseUrl}/data/dataflow/IMF.STA/IMTS/+/${key}?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false`;
  const response = await ctx.http.get(url, { source: 'imts', accept: 'application/xml' });
  await ctx.accept({ response, parser: 'sdmx-imts', key: `data/${stored}`, ext: 'xml', request: { key, frequency, required: required ? 'yes' : 'no' } });
}

/** The wildcard first; the codelist in chunks if the service refuses it. */
async function askEveryCode(ctx: FetchContext, o: ImtsOptions, r: ImtsRequest): Promise<void> {
  try {
    await ask(ctx, o, r.key('*'), r.frequency, r.required);
  } catch (err) {
    if (!(err instanceof PipelineError && err.code === 'HTTP_CLIENT_ERROR')) throw err;
    const chunks = Math.ceil(o.codelist.length / o.chunkSize);
    ctx.note(`imts: ${r.key('*')} refused (HTTP ${String(err.context.status)}); asked the ${o.codelist.length} codes of the codelist in ${chunks} requests`);
    for (let i = 0; i < o.codelist.length; i += o.chunkSize) {
      await ctx.sleep(o.pauseMs);
      // A chunk may hold no partner with data: only the whole answer must, which expectedSeries checks.
      await ask(ctx, o, r.key(o.codelist.slice(i, i + o.chunkSize).join('+')), r.frequency, false, r.key(`codes-${i / o.chunkSize + 1}-of-${chunks}`));
    }
  }
}

export function createImts(o: ImtsOptions): SourceConnector {
  return {
    name: 'imts',
    title: 'IMF International Trade in Goods (SDMX API)',
    version: '1.2.0',
    words: IMTS_WORDS,
    publisher: IMTS_PUBLISHER,
    // Kazakhstan's annual exports and imports with the main counterparts must be there once fetched.
    expectedSeries: () => o.indicators.flatMap((ind) => o.requiredCounterparts.map((c) => imtsId(ind, c, 'KAZ', 'A'))),
    parsers: {
      'sdmx-imts': (bytes, meta) => parseImts(bytes, meta),
      // The bundled DOTS history (to 2020), under the same series ids.
      'dots-xlsx': (bytes, meta) => parseDotsWorkbook(bytes, meta, { home: 'KAZ' }),
    },
    async fetch(ctx) {
      const requests = imtsRequests(o);
      for (const [i, r] of requests.entries()) {
        if (i > 0) await ctx.sleep(o.pauseMs);
        await askEveryCode(ctx, o, r);
        ctx.progress(i + 1, requests.length, r.key('*'));
      }
    },
  };
}
