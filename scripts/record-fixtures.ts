// npm run record — when a network is there, record real answers from every provider into
// tests/fixtures/recorded/, byte for byte, with their status, headers and URL, to replace the
// constructed IMF DataMapper fixtures and settle the open questions in docs/sources.md.
// Uses the configured base URLs (so it can also record from a mirror). Sequential, polite.
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadJobConfig } from '../pipelines/index.ts';

const config = loadJobConfig();
const { IMF_DATAMAPPER_URL, NBK_RATES_URL, NBK_EXCEL_URL, WORLDBANK_API_URL, IMF_SDMX_URL } = config.settings;
const OUT = path.resolve('tests/fixtures/recorded');
const today = new Date().toISOString().slice(0, 10);
const nbkDate = (iso: string) => iso.split('-').reverse().join('.');
const saturday = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 1) % 7));
  return d.toISOString().slice(0, 10);
})();

const REQUESTS: Array<{ name: string; url: string; accept?: string }> = [
  { name: 'imf-datamapper_indicators', url: `${IMF_DATAMAPPER_URL}/indicators`, accept: 'application/json' },
  { name: 'imf-datamapper_countries', url: `${IMF_DATAMAPPER_URL}/countries`, accept: 'application/json' },
  ...['PCPIPCH', 'PCPIEPCH', 'PCPI', 'NGDPD', 'NGDP_RPCH', 'LUR'].map((i) => ({ name: `imf-datamapper_${i}`, url: `${IMF_DATAMAPPER_URL}/${i}`, accept: 'application/json' })),
  { name: 'imf-datamapper_PCPIPCH_KAZ', url: `${IMF_DATAMAPPER_URL}/PCPIPCH/KAZ`, accept: 'application/json' },
  { name: 'imf-datamapper_unknown-indicator', url: `${IMF_DATAMAPPER_URL}/NOTAREALCODE`, accept: 'application/json' },
  { name: `nbk_get_rates_${today}`, url: `${NBK_RATES_URL}?fdate=${nbkDate(today)}` },
  { name: `nbk_get_rates_saturday_${saturday}`, url: `${NBK_RATES_URL}?fdate=${nbkDate(saturday)}` },
  { name: 'nbk_get_rates_2019-03-01_outside-archive', url: `${NBK_RATES_URL}?fdate=01.03.2019` },
  { name: 'nbk_get_rates_invalid-date', url: `${NBK_RATES_URL}?fdate=31.02.2026` },
  { name: 'nbk_excel_2014-02', url: `${NBK_EXCEL_URL}?beginDate=01.02.2014&endDate=28.02.2014&rates[]=5&rates[]=16` },
  { name: 'worldbank_KAZ_NY.GDP.MKTP.CD', url: `${WORLDBANK_API_URL}/country/KAZ/indicator/NY.GDP.MKTP.CD?format=json&per_page=100`, accept: 'application/json' },
  { name: 'worldbank_error-120', url: `${WORLDBANK_API_URL}/country/ZZ?format=json`, accept: 'application/json' },
  { name: 'imf-imts_KAZ_exports_A', url: `${IMF_SDMX_URL}/data/dataflow/IMF.STA/IMTS/+/KAZ.XG_FOB_USD.RUS+CHN+G998+G001.A?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false`, accept: 'application/xml' },
  { name: 'imf-imts_CHN-mirror_A', url: `${IMF_SDMX_URL}/data/dataflow/IMF.STA/IMTS/+/CHN.MG_CIF_USD.KAZ.A?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false`, accept: 'application/xml' },
];

await fs.mkdir(OUT, { recursive: true });
for (const r of REQUESTS) {
  try {
    const res = await fetch(r.url, { headers: { 'User-Agent': config.userAgent, Accept: r.accept ?? '*/*' }, signal: AbortSignal.timeout(config.httpTimeoutMs) });
    const body = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const ext = type.includes('json') ? 'json' : type.includes('xml') ? 'xml' : type.includes('spreadsheet') ? 'xlsx' : type.includes('html') ? 'html' : 'bin';
    await fs.writeFile(path.join(OUT, `${r.name}.${ext}`), body);
    await fs.writeFile(
      path.join(OUT, `${r.name}.headers.json`),
      JSON.stringify({ url: r.url, recordedAt: new Date().toISOString(), status: res.status, headers: Object.fromEntries(res.headers), bytes: body.length }, null, 2) + '\n',
    );
    console.log(`${res.status} ${body.length} B ${r.name}.${ext}`);
  } catch (err) {
    console.log(`FAILED ${r.name}: ${(err as Error).message}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
