// Hash what the app answers for a fixed set of URLs on the bundled data (status, type and body
// sha256), so a refactor can show that nothing a user sees changed:
//   npx tsx scripts/snapshot-responses.ts > before.json   (then again after, and diff)
// The clock and the Host header are fixed; the data folder is a throwaway copy of data/.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { tempDataDir } from '../tests/support/data-dir.ts';
import { testApp } from '../tests/support/app.ts';

export const URLS = [
  '/', '/data', '/data?q=KAZ+inflation', '/data?q=nbk', '/status', '/compare', '/compare?concept=gdp', '/compare?concept=growth',
  '/compare?concept=inflation', '/compare?concept=unemployment', '/compare?concept=fx', '/compare?concept=nope',
  '/paper', '/paper?verdict=ambiguous', '/paper?section=3.1.1', '/paper/ledger.csv', '/paper/ledger.json', '/paper/replication.zip',
  '/series/nbk.USD', '/series/nbk.USD?freq=m&units=pc1&from=2014', '/series/nbk.USD?freq=a&basis=announcement', '/series/nbk.RUB?units=index&index_date=2022-03-01',
  '/series/nbk.USD?compare=nbk.USDRUB&from=2022-01-01&to=2022-06-30', '/series/imf.NGDPD.KAZ', '/series/imf.NGDPD.KAZ?vintage=2024-04',
  '/series/imf.PCPIPCH.KAZ?units=log', '/series/imf.NGDP_RPCH.KAZ?compare=wb.NY.GDP.MKTP.KD.ZG.KAZ', '/series/wb.PA.NUS.FCRF.KAZ',
  '/series/nbk.USDRUB?events=off', '/series/imf.LUR.KAZ?units=chg',
  '/series/nbk.USD/view.csv?freq=a', '/series/nbk.USD/view.csv?compare=nbk.EUR&layout=wide&from=2020', '/series/imf.NGDPD.KAZ/full.csv',
  '/series/imf.NGDPD.KAZ/metadata.json', '/series/imf.LUR.KAZ/bundle.zip', '/series/nbk.USD/full.csv',
  '/api/series', '/api/series/nbk.USD?freq=q&agg=eop', '/api/series/imf.PCPIPCH.KAZ?units=pch', '/api/series/imf.NGDPD.KAZ?format=csv&layout=wide',
  '/api/status', '/api/nope', '/series/nope.X', '/series/nbk.USD?units=bogus', '/series/nbk.USD?from=2020&to=2010', '/favicon.ico',
  '/partners', '/partners?flow=exports', '/partners/blocks.csv', '/partners/mirror.csv', '/partners/concentration.csv', '/partners/shares.csv', '/partners/fdi.csv', '/api/partners',
  '/ru/', '/ru/data?q=рубль', '/ru/partners', '/ru/paper', '/ru/series/nbk.TJS', '/ru/series/imf.NGDPD.KAZ?vintage=2024-04', '/ru/series/bns.EXPORTS.CHN', '/ru/series/wiiw.FDI_STOCK.NLD',
  '/ru/series/comtrade.M.KAZ.CHN', '/ru/series/imf.imts.XG_FOB_USD.RUS.KAZ.A', '/ru/series/wb.PA.NUS.FCRF.KAZ', '/ru/status', '/series/bns.EXPORTS.CHN/bundle.zip', '/series/wiiw.FDI_STOCK.NLD/metadata.json',
  '/vintages', '/ru/vintages', '/api/openapi.json', '/api', '/series/nbk.USD?compare=рубль',
  '/ru/compare?concept=trade-china-imports', '/ru/compare', '/ru/api', '/ru/series/imf.NGDP_RPCH.KAZ/vintages?target=2022', '/ru/series/nope.X', '/ru/series/nbk.USD?compare=Атлантида', '/ru/partners?flow=exports', '/ru/series/nbk.USD?units=index&index_date=2022-03-01&compare=nbk.EUR',
  '/partners/rerouting', '/ru/partners/rerouting?scale=log', '/partners/rerouting-index.csv', '/partners/rerouting-contributions.csv', '/series/eurostat.X.GEU27_2020.KAZ.M', '/ru/series/eurostat.X.DEU.KGZ.M',
];

async function main() {
  const dir = await tempDataDir();
  await fs.cp(path.resolve('data'), dir, { recursive: true });
  const { app } = await testApp(dir);
  const out: Record<string, string> = {};
  for (const url of URLS) {
    const res = await request(app)
      .get(url)
      .set('Host', 'kz.test')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    let body = res.body as Buffer;
    // SNAPSHOT_STRIP=footer: compare pages without their footer (to show a change is only there).
    if (process.env.SNAPSHOT_STRIP === 'footer') body = Buffer.from(body.toString('utf8').replace(/<footer[\s\S]*?<\/footer>/, ''), 'utf8');
    out[url] = `${res.status} ${res.headers['content-type'] ?? ''} ${crypto.createHash('sha256').update(body).digest('hex')}`;
  }
  await fs.rm(dir, { recursive: true, force: true });
  console.log(JSON.stringify(out, null, 2));
}

await main();
