// npm run test:clients — the "Use this data" snippets run in the economist's own tools against
// the app on loopback and the bundled data: R (read.csv and jsonlite, Debian's r-base-core and
// r-cran-jsonlite), Python (pandas, Debian's python3-pandas) and a page on a second origin in
// Debian's Chromium that fetches the CSV (CORS). Each reads real values and checks them.
import { execFile } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { allJobs, loadJobConfig } from '../pipelines/index.ts';
import { DataRepository } from '../src/store/repository.ts';
import { RefreshController } from '../src/server/refresh-controller.ts';
import { createApp } from '../src/server/app.ts';
import { loadContent } from '../src/server/content.ts';
import { assert, checklist } from '../tests/support/checklist.ts';

const run = promisify(execFile);
const freePort = () => new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// PUBLIC_URL makes the snippets carry the address the clients will use.
const config = loadJobConfig({ ...process.env, SCHEDULE: 'off', PUBLIC_URL: origin });
const jobs = allJobs(config);
const names = jobs.map((j) => j.name);
const repo = new DataRepository(config.dataDir, names);
await repo.load();
const app = createApp({ config, jobs, repo, controller: new RefreshController(config, names, new URL('../src/workers/refresh-worker-bootstrap.mjs', import.meta.url)), content: await loadContent(config.dataDir), nextRun: () => null });
const server = app.listen(port, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

const { check, finish } = checklist();

// The view every client reads: Kazakhstan's GDP, 2010–2015, as the series page offers it.
const view = '/series/imf.NGDPD.KAZ?from=2010&to=2015';
const page = await (await fetch(origin + view)).text();
const unescape = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const snippet = (label: string) => {
  const m = new RegExp(`<h3[^>]*>${label.replace(/[()]/g, '\\$&')}</h3><pre[^>]*><code>([\\s\\S]*?)</code></pre>`).exec(page);
  if (!m) throw new Error(`no ${label} snippet on ${view}`);
  return unescape(m[1]);
};
const expected = await (await fetch(`${origin}/api/series/imf.NGDPD.KAZ?from=2010&to=2015`)).json() as { series: Array<{ observations: Array<{ date: string; value: number }> }> };
const rows = expected.series[0].observations.length;
const gdp2013 = expected.series[0].observations.find((o) => o.date === '2013')!.value;

try {
  await check(`R read.csv and jsonlite::fromJSON read the view (${rows} rows; 2013 = ${gdp2013})`, async () => {
    const code = `${snippet('R')}\ncat(nrow(d), format(d$value[d$date == 2013], digits = 15), nrow(j$series$observations[[1]]), sep = " ")`;
    const { stdout } = await run('Rscript', ['-e', code]);
    assert(stdout.trim() === `${rows} ${gdp2013} ${rows}`, `R printed ${JSON.stringify(stdout)}`);
  });

  await check('pandas.read_csv reads the view', async () => {
    const code = `${snippet('Python (pandas)')}\nprint(len(d), repr(float(d.loc[d.date == 2013, "value"].iloc[0])), ",".join(d.status.unique()))`;
    const { stdout } = await run('/usr/bin/python3', ['-c', code]);
    assert(stdout.trim() === `${rows} ${gdp2013} actual`, `pandas printed ${JSON.stringify(stdout)}`);
  });

  await check('a page on a second origin fetches the CSV in Chromium (CORS)', async () => {
    const csvUrl = /read\.csv\("([^"]+)"\)/.exec(snippet('R'))![1];
    const other = http.createServer((_q, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><title>loading</title><script>fetch(${JSON.stringify(csvUrl)}).then(function (r) { return r.text(); }).then(function (t) { var lines = t.trim().split('\\n'); var row = lines.filter(function (l) { return l.indexOf(',2013,') > 0; })[0]; document.title = 'rows ' + (lines.length - 1) + ' value ' + row.split(',')[5]; }).catch(function (e) { document.title = 'error ' + e; });</script>`);
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://localhost:${(other.address() as net.AddressInfo).port}/`); // localhost ≠ 127.0.0.1: another origin
      await tab.waitForFunction(() => document.title !== 'loading', null, { timeout: 15_000 });
      const title = await tab.title();
      assert(title === `rows ${rows} value ${gdp2013}`, `the page saw ${JSON.stringify(title)}`);
    } finally {
      await browser.close();
      other.close();
    }
  });
} finally {
  server.close();
}
finish();
