// Browser check (npm run test:browser): Debian's Chromium driven by playwright-core against
// the app on loopback and the bundled data. Opens the overview and a series page, waits for
// the charts, switches units and frequency and checks the chart and table change, follows a
// download link and checks the CSV, and fails on any script error or CSP violation.
// Screenshots go to out/screenshots/.
import { chromium, type Page } from 'playwright-core';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { allJobs, loadJobConfig } from '../pipelines/index.ts';
import { DataRepository } from '../src/store/repository.ts';
import { RefreshController } from '../src/server/refresh-controller.ts';
import { createApp } from '../src/server/app.ts';
import { loadContent } from '../src/server/content.ts';
import { assert, checklist } from '../tests/support/checklist.ts';

const OUT = path.resolve('out/screenshots');
const config = loadJobConfig({ ...process.env, SCHEDULE: 'off' });
const jobs = allJobs(config);
const names = jobs.map((j) => j.name);
const repo = new DataRepository(config.dataDir, names);
await repo.load();
const controller = new RefreshController(config, names, new URL('../src/workers/refresh-worker-bootstrap.mjs', import.meta.url));
const app = createApp({ config, jobs, repo, controller, content: await loadContent(config.dataDir), nextRun: () => null });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
await fs.mkdir(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const problems: string[] = [];
const { check, finish } = checklist();

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  return page;
}

const tableFirstRow = (page: Page) => page.locator('table.data-table tbody tr').first().innerText();
// Data traces only (the event markers are a trace of their own).
const traceCount = (page: Page) => page.evaluate(() => ((document.getElementById('chart') as unknown as { data?: Array<{ name: string }> }).data ?? []).filter((t) => t.name !== 'events').length);
const firstTraceY = (page: Page) => page.evaluate(() => ((document.getElementById('chart') as unknown as { data: Array<{ y: number[] }> }).data[0].y.slice(-3)));

try {
  const page = await newPage();
  await check('overview renders every headline card with its trend chart', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('.spark[data-rendered="true"]', { timeout: 20_000 });
    const cards = await page.locator('article.card:not(.trade-card)').count();
    const rendered = await page.locator('.spark[data-rendered="true"]').count();
    assert(cards === 6, `expected 6 headline cards, saw ${cards}`);
    assert(rendered === cards, `${rendered} of ${cards} trend charts rendered`);
    // The way into the trade picture: a card with each block's share, linking to /partners.
    assert((await page.locator('article.trade-card .block-shares li').count()) === 6, 'the trade card lists six blocks');
    assert((await page.locator('article.trade-card h2 a').getAttribute('href')) === '/partners', 'the trade card links to /partners');
    await page.screenshot({ path: path.join(OUT, 'overview.png'), fullPage: true });
  });

  await check('series page draws the chart and the table of what is drawn', async () => {
    await page.goto(`${base}/series/nbk.USD?from=2013-01-01`);
    await page.waitForSelector('#chart[data-rendered="true"]', { timeout: 20_000 });
    assert((await page.locator('#chart .main-svg').count()) > 0, 'no Plotly SVG');
    assert((await traceCount(page)) === 1, 'expected one trace');
    const row = await tableFirstRow(page);
    assert(/2026-09-11/.test(row), `latest row is ${row}`);
    await page.screenshot({ path: path.join(OUT, 'series-levels.png'), fullPage: false });
  });

  await check('a series of a few days has one tick per day, no time of day, on both charts (1366 and 390 px, JavaScript on and off)', async () => {
    for (const width of [1366, 390]) {
      for (const js of [true, false]) {
        const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 900 } });
        const p = await ctx.newPage();
        await p.goto(`${base}/series/nbk.TJS`); // quoted on 1 and 2 April 2026 only
        let labels: string[];
        if (js) {
          await p.waitForSelector('#chart[data-rendered="true"]', { timeout: 20_000 });
          // Only labels shown inside the chart: Plotly hides one that would pass the edge.
          labels = await p.evaluate(() => {
            const box = document.getElementById('chart')!.getBoundingClientRect();
            return [...document.querySelectorAll('#chart .xtick text')].filter((t) => {
              const r = t.getBoundingClientRect();
              return getComputedStyle(t).display !== 'none' && r.width > 0 && r.left >= box.left && r.right <= box.right;
            }).map((t) => t.textContent ?? '');
          });
        } else {
          labels = await p.locator(`${width > 640 ? '.svg-wide' : '.svg-narrow'} svg line + text:not([dy])`).allTextContents();
        }
        const where = `${width} px, JavaScript ${js ? 'on' : 'off'}: ${labels.join(' | ')}`;
        assert(labels.length >= 2, `fewer than two x labels at ${where}`);
        assert(labels.every((l) => !l.includes(':')), `a time of day at ${where}`);
        assert(new Set(labels).size === labels.length, `a label repeats at ${where}`);
        await p.screenshot({ path: path.join(OUT, `few-days-${width}-${js ? 'js' : 'nojs'}.png`) });
        await ctx.close();
      }
    }
  });

  await check('switching units to percent change from a year ago changes chart and table', async () => {
    const beforeRow = await tableFirstRow(page);
    const beforeY = await firstTraceY(page);
    await page.selectOption('select[name=units]', 'pc1');
    await Promise.all([page.waitForURL(/units=pc1/), page.click('form.controls button[type=submit]')]);
    await page.waitForSelector('#chart[data-rendered="true"]');
    const afterRow = await tableFirstRow(page);
    const afterY = await firstTraceY(page);
    assert(afterRow !== beforeRow, 'table did not change');
    assert(JSON.stringify(afterY) !== JSON.stringify(beforeY), 'chart did not change');
    assert(/Percent change from a year ago/.test(await page.locator('figcaption').innerText()), 'axis unit not shown');
  });

  await check('switching frequency to annual averages shows years', async () => {
    await page.selectOption('select[name=units]', 'lin');
    await page.selectOption('select[name=freq]', 'a');
    await Promise.all([page.waitForURL(/freq=a/), page.click('form.controls button[type=submit]')]);
    await page.waitForSelector('#chart[data-rendered="true"]');
    const dates = await page.locator('table.data-table tbody th').allInnerTexts();
    assert(dates.length > 5 && dates.every((d) => /^\d{4}$/.test(d)), `dates are not years: ${dates.slice(0, 3)}`);
    await page.screenshot({ path: path.join(OUT, 'series-annual.png'), fullPage: false });
  });

  await check('the view CSV download holds exactly the table', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV of this view')]);
    const file = await download.path();
    const text = await fs.readFile(file!, 'utf8');
    const lines = text.trim().split('\n');
    assert(lines[0] === 'series_id,vintage,frequency,unit,date,value,status', `header ${lines[0]}`);
    const tableRows = await page.locator('table.data-table tbody tr').count();
    assert(lines.length - 1 === tableRows, `${lines.length - 1} CSV rows vs ${tableRows} table rows`);
    assert(lines.some((l) => l.includes(',annual,') && l.includes(',2014,')), 'no 2014 row');
  });

  await check('comparison with the rouble draws a second series', async () => {
    await page.goto(`${base}/series/nbk.USD?compare=nbk.USDRUB&from=2022-01-15&to=2022-04-30`);
    await page.waitForSelector('#chart[data-rendered="true"]');
    assert((await traceCount(page)) === 2, 'expected two traces');
    await page.screenshot({ path: path.join(OUT, 'series-compare-rouble.png'), fullPage: false });
  });

  await check('"compare with" suggests series as one types, from the search API (Russian word forms included)', async () => {
    const p = await newPage({ width: 1366, height: 900 });
    await p.goto(`${base}/ru/series/nbk.USD`);
    await p.fill('input[name="compare"]', 'рубл');
    await p.waitForFunction(() => document.querySelectorAll('#series-ids option').length > 0, undefined, { timeout: 10_000 });
    const options = await p.$$eval('#series-ids option', (els) => els.map((e) => (e as HTMLOptionElement).value));
    assert(options.includes('nbk.RUB'), `suggestions: ${options.join(', ')}`);
    await p.close();
  });

  for (const [name, url] of [['paper', '/paper'], ['compare', '/compare'], ['status', '/status'], ['data', '/data?q=KAZ']] as const) {
    await check(`${name} page renders${name === 'paper' || name === 'compare' ? ' with its chart' : ''}`, async () => {
      await page.goto(`${base}${url}`);
      if (name === 'paper' || name === 'compare') await page.waitForSelector('[data-chart][data-rendered="true"]', { timeout: 20_000 });
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: name !== 'data' });
    });
  }

  await check('forecast history: every edition and the 2022 forecast by edition, at 1366 px', async () => {
    const wide = await newPage({ width: 1366, height: 900 });
    await wide.goto(`${base}/series/imf.NGDP_RPCH.KAZ/vintages?target=2022`);
    await wide.waitForSelector('#chart[data-rendered="true"]', { timeout: 20_000 });
    await wide.waitForSelector('#path-chart[data-rendered="true"]', { timeout: 20_000 });
    const editions = await wide.evaluate(() => new Set((document.getElementById('chart') as unknown as { data: Array<{ name: string }> }).data.map((t) => t.name.replace(' (projection)', ''))).size);
    assert(editions === 14, `expected 14 editions drawn, saw ${editions}`);
    const forecastY = await wide.evaluate(() => (document.getElementById('path-chart') as unknown as { data: Array<{ y: number[] }> }).data[0].y);
    assert(forecastY.includes(2.32), `the April 2022 cut (2.32) is not on the path: ${forecastY}`);
    await wide.screenshot({ path: path.join(OUT, 'vintages-1366.png'), fullPage: true });
    // Pick two editions with the form's checkboxes.
    for (const box of await wide.locator('input[name=editions]').all()) {
      const v = await box.getAttribute('value');
      if (v !== '2021-10' && v !== '2022-04') await box.uncheck();
    }
    await Promise.all([wide.waitForURL(/editions=2021-10/), wide.click('form.controls button[type=submit]')]);
    await wide.waitForSelector('#chart[data-rendered="true"]');
    const picked = await wide.evaluate(() => new Set((document.getElementById('chart') as unknown as { data: Array<{ name: string }> }).data.map((t) => t.name.replace(' (projection)', ''))).size);
    assert(picked === 2, `expected 2 editions after picking, saw ${picked}`);
  });

  await check('partners: every chart drawn from the bundled data, overlap years in both tables, readable at 1366 and 390 px', async () => {
    for (const width of [1366, 390]) {
      const p = await newPage({ width, height: width > 640 ? 900 : 844 });
      await p.goto(`${base}/partners`);
      const charts = await p.locator('[data-chart]').count();
      await p.waitForFunction((n) => document.querySelectorAll('[data-chart][data-rendered="true"]').length === n, charts, { timeout: 30_000 });
      assert(charts === 6, `expected 6 charts, saw ${charts}`);
      const traces = await p.evaluate(() => (document.getElementById('chart') as unknown as { data: Array<{ name: string }> }).data.map((t) => t.name));
      assert(traces.includes('Russia (IMF DOTS)') && traces.includes('Russia (BNS)'), `share chart traces: ${traces.join(', ')}`);
      // No SI suffixes on any axis ("30M" beside "thousands of US dollars" was 30 bn).
      const suffixed = await p.$$eval('.ytick text', (els) => els.map((e) => e.textContent ?? '').filter((x) => /\d[kMGT]$/.test(x)));
      assert(suffixed.length === 0, `SI suffixes on the y axes: ${suffixed.join(', ')}`);
      const overlap = await p.locator('table.data-table tbody th', { hasText: '2019 *' }).count();
      assert(overlap === 2, `2019 should be a row of both publications' tables, saw ${overlap}`);
      assert(/Net, not gross/.test(await p.locator('main').innerText()), 'FDI caveat missing');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `page is ${overflow}px wider than the window`);
      await p.screenshot({ path: path.join(OUT, `partners-${width}.png`), fullPage: width > 640 });
      await p.close();
    }
  });

  await check('trade reads in billions on a series page: axis title, ticks without suffixes, table and chart agree (1366 and 390 px, English and Russian)', async () => {
    for (const [url, unit] of [['/series/bns.TURNOVER.CHN', 'billions of US dollars'], ['/ru/series/bns.TURNOVER.CHN', 'млрд долларов США']]) {
      for (const width of [1366, 390]) {
        const p = await newPage({ width, height: 900 });
        await p.goto(`${base}${url}`);
        await p.waitForSelector('#chart[data-rendered="true"]');
        const title = await p.$eval('#chart .g-ytitle', (e) => e.textContent ?? '');
        assert(title === unit, `${url} ${width}px: y title ${title}`);
        const ticks = await p.$$eval('#chart .ytick text', (els) => els.map((e) => e.textContent ?? ''));
        assert(ticks.length > 1 && ticks.every((x) => /^[\d.,\s\u00a0\u2212-]+$/.test(x) && Number(x.replace(/[^\d]/g, '')) < 1000), `${url} ${width}px: ticks ${ticks.join(' | ')}`);
        const header = await p.$eval('table.data-table thead th:nth-child(2) .muted', (e) => e.textContent ?? '');
        assert(header === unit, `${url} ${width}px: table unit ${header}`);
        await p.close();
      }
    }
  });

  await check('event labels overlap neither each other nor the title and source line (two events a month apart, 1366 px)', async () => {
    const p = await newPage({ width: 1366, height: 900 });
    await p.goto(`${base}/series/bns.TURNOVER.RUS?compare=bns.TURNOVER.CHN&from=2018&to=2023`);
    await p.waitForSelector('#chart[data-rendered="true"]');
    const boxes = await p.$$eval('#chart .annotation, #chart .gtitle, #chart .gtitle-subtitle', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { name: e.getAttribute('class') ?? '', text: e.textContent ?? '', l: r.left, r: r.right, t: r.top, b: r.bottom }; }));
    const labels = boxes.filter((b) => b.name.includes('annotation'));
    assert(labels.length >= 2, `expected at least two event labels, saw ${labels.length}`);
    const hit = (a: typeof boxes[0], b: typeof boxes[0]) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    const overlaps: string[] = [];
    for (const [i, a] of labels.entries()) for (const b of [...labels.slice(i + 1), ...boxes.filter((x) => !x.name.includes('annotation'))]) if (hit(a, b)) overlaps.push(`${a.text} × ${b.text}`);
    assert(overlaps.length === 0, overlaps.join('; '));
    await p.screenshot({ path: path.join(OUT, 'event-labels.png'), fullPage: false });
    await p.close();
  });

  await check('rerouting: the indexed chart drawn with its events, log scale, tables, in both languages, JavaScript on and off, at 1366 and 390 px', async () => {
    for (const [url, width] of [['/partners/rerouting', 1366], ['/partners/rerouting?scale=log', 390], ['/ru/partners/rerouting', 390], ['/ru/partners/rerouting?scale=log', 1366]] as const) {
      const p = await newPage({ width, height: width > 640 ? 900 : 844 });
      await p.goto(`${base}${url}`);
      await p.waitForSelector('#chart[data-rendered="true"]', { timeout: 30_000 });
      const chart = await p.evaluate(() => {
        const el = document.getElementById('chart') as unknown as { data: Array<{ name: string }>; layout: { yaxis: { type: string }; shapes?: unknown[] } };
        return { traces: el.data.map((t) => t.name), type: el.layout.yaxis.type, shapes: (el.layout.shapes ?? []).length };
      });
      const partners = await p.evaluate(() => (JSON.parse(document.getElementById('chart-data')!.textContent!) as { traces: Array<{ name: string }> }).traces.map((t) => t.name));
      assert(partners.length === 6 && partners.every((n) => chart.traces.includes(n)), `expected the 6 partners drawn, saw ${chart.traces.join(', ')}`);
      assert(chart.type === (url.includes('log') ? 'log' : 'linear'), `y axis is ${chart.type}`);
      assert(chart.shapes >= 4, `expected the invasion and three sanctions packages marked, saw ${chart.shapes} shapes`);
      const text = await p.locator('main').innerText();
      assert(url.startsWith('/ru') ? /Экспорт ЕС-27/.test(text) : /EU-27 exports by partner/.test(text), 'heading text missing');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `${url} is ${overflow}px wider than the window at ${width}`);
      await p.screenshot({ path: path.join(OUT, `rerouting-${url.startsWith('/ru') ? 'ru' : 'en'}-${width}.png`), fullPage: false });
      await p.close();
    }
    // JavaScript off: the server's SVG stands in for the chart.
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const off = await ctx.newPage();
    await off.goto(`${base}/partners/rerouting`);
    assert((await off.locator('.chart-svg svg').count()) >= 1, 'no SVG chart without JavaScript');
    await ctx.close();
  });

  await check('in Russian: every page reads in Russian, charts have Russian months and separators, the switch keeps the view (1366 and 390 px)', async () => {
    for (const width of [1366, 390]) {
      const p = await newPage({ width, height: width > 640 ? 900 : 844 });
      await p.goto(`${base}/ru/series/nbk.USD?from=2022-01-01&to=2022-06-30`);
      await p.waitForSelector('#chart[data-rendered="true"]', { timeout: 20_000 });
      assert((await p.getAttribute('html', 'lang')) === 'ru', 'html lang is not ru');
      const ticks = await p.$$eval('#chart .xtick text', (els) => els.map((e) => e.textContent ?? ''));
      assert(ticks.some((x) => /янв|февр|март|апр|мая|июн/.test(x)), `x ticks are not in Russian: ${ticks.join(', ')}`);
      // The script's own words and Plotly's toolbar come from the page's catalogue too.
      const ranges = await p.$$eval('.ranges button', (els) => els.map((e) => e.textContent ?? ''));
      assert(ranges.join('|') === '1 г.|5 л.|10 л.|всё', `range buttons are not in Russian: ${ranges.join(', ')}`);
      const tools = await p.$$eval('#chart .modebar-btn', (els) => els.map((e) => e.getAttribute('data-title') ?? ''));
      assert(tools.includes('Скачать график в SVG') && tools.includes('Сбросить оси') && !tools.some((x) => /^[A-Z][a-z]+( [a-z]+)*/.test(x)), `toolbar not in Russian: ${tools.join(', ')}`);
      const table = await p.locator('table.data-table tbody th').first().innerText();
      assert(/\d+ (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) 2022 г\./.test(table), `table date not in Russian: ${table}`);
      await p.screenshot({ path: path.join(OUT, `ru-series-${width}.png`), fullPage: false });
      // The switch: the same view in English.
      await Promise.all([p.waitForURL(/\/series\/nbk\.USD\?from=2022-01-01&to=2022-06-30$/), p.click('.language-switch a[hreflang="en"]')]);
      assert((await p.getAttribute('html', 'lang')) === 'en', 'the switch did not lead to English');
      for (const [name, url] of [['overview', '/ru/'], ['partners', '/ru/partners'], ['paper', '/ru/paper'], ['vintages', '/ru/series/imf.NGDP_RPCH.KAZ/vintages?target=2022']] as const) {
        await p.goto(`${base}${url}`);
        if (await p.locator('[data-chart]').count()) await p.waitForSelector('[data-chart][data-rendered="true"]', { timeout: 20_000 });
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 1, `${url} is ${overflow}px wider than the window`);
        await p.screenshot({ path: path.join(OUT, `ru-${name}-${width}.png`), fullPage: width > 640 && name !== 'paper' });
      }
      await p.close();
    }
  });

  await check('forecast history reads on a phone', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${base}/series/imf.NGDP_RPCH.KAZ/vintages?target=2022`);
    await phone.waitForSelector('#path-chart[data-rendered="true"]', { timeout: 20_000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await phone.screenshot({ path: path.join(OUT, 'vintages-phone.png'), fullPage: false });
  });

  await check('without JavaScript every chart is the server\'s SVG, with its lines, axes and source (1366 and 390 px)', async () => {
    for (const width of [1366, 390]) {
      const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const p = await ctx.newPage();
      await p.goto(`${base}/series/imf.NGDP_RPCH.KAZ?compare=wb.NY.GDP.MKTP.KD.ZG.KAZ&from=2001`);
      const svg = p.locator(width > 640 ? '.chart-svg .svg-wide svg' : '.chart-svg .svg-narrow svg');
      assert(await svg.isVisible(), 'no visible SVG chart');
      const box = (await svg.boundingBox())!;
      assert(box.width <= width && box.height >= 250, `the SVG is ${box.width}×${box.height}`);
      assert((await svg.locator('path[stroke-width="2"]').count()) >= 2, 'fewer than two lines');
      await svg.screenshot({ path: path.join(OUT, `no-js-series-${width}.png`) });
      await ctx.close();
    }
  });

  await check('comparison tables sort by a column from the keyboard', async () => {
    const p = await newPage({ width: 1366, height: 900 });
    await p.goto(`${base}/compare?concept=fx`);
    await p.waitForSelector('[data-chart][data-rendered="true"]');
    const years = () => p.locator('table.sortable tbody th').allInnerTexts();
    const before = await years();
    await p.locator('table.sortable thead button', { hasText: 'Year' }).focus();
    await p.keyboard.press('Enter'); // ascending (already)
    await p.keyboard.press('Enter'); // descending
    const after = await years();
    assert(JSON.stringify(after) === JSON.stringify([...before].sort().reverse()), `not sorted: ${after.slice(0, 3)}`);
  });

  await check('a Russian table sorts by number, read the Russian way (1 234,5)', async () => {
    const p = await newPage({ width: 1366, height: 900 });
    await p.goto(`${base}/ru/compare?concept=fx`);
    await p.waitForSelector('[data-chart][data-rendered="true"]');
    const column = 2;
    const values = async () => (await p.locator(`table.sortable tbody tr td:nth-child(${column})`).allInnerTexts()).map((x) => Number(x.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace('\u2212', '-')));
    await p.locator(`table.sortable thead th:nth-child(${column}) button`).click(); // ascending
    const up = (await values()).filter((n) => !Number.isNaN(n));
    assert(up.length > 3 && up.every((n, i) => i === 0 || up[i - 1] <= n), `not ascending by number: ${up.slice(0, 6).join(' ')}`);
    await p.close();
  });

  await check('range buttons: reached by keyboard, counted back from the last actual year, y axis fitted to what is visible', async () => {
    const p = await newPage({ width: 1366, height: 900 });
    await p.goto(`${base}/series/imf.PCPIPCH.KAZ`);
    await p.waitForSelector('#chart[data-rendered="true"]');
    const ten = p.locator('.ranges button', { hasText: '10y' });
    await ten.focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => Array.isArray((document.getElementById('chart') as unknown as { layout: { yaxis: { range?: number[] } } }).layout.yaxis.range));
    const { x, y } = await p.evaluate(() => {
      const l = (document.getElementById('chart') as unknown as { layout: { xaxis: { range: string[] }; yaxis: { range: number[] } } }).layout;
      return { x: l.xaxis.range, y: l.yaxis.range };
    });
    // The last actual year is 2023 (WEO October 2025, KAZ inflation): not 2030, the end of the projections.
    assert(String(x[1]).startsWith('2023'), `the range ends at ${x[1]}`);
    // Ten years of inflation between about 5 % and 15 %, not an axis up to the 1,662 % of 1993.
    assert(y[1] < 30 && y[0] > -5, `the y axis is ${y}`);
    await p.screenshot({ path: path.join(OUT, 'series-inflation-10y.png') });
  });

  await check('series page reads on a phone', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${base}/series/imf.NGDP_RPCH.KAZ?compare=wb.NY.GDP.MKTP.KD.ZG.KAZ`);
    await phone.waitForSelector('#chart[data-rendered="true"]');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `page is ${overflow}px wider than the phone`);
    // The whole title is inside the chart, and the plot itself is at least 250 px tall.
    const { title, plot, width } = await phone.evaluate(() => {
      const t = document.querySelector('#chart .gtitle')!.getBoundingClientRect();
      const p = document.querySelector('#chart .nsewdrag')!.getBoundingClientRect();
      const c = document.getElementById('chart')!.getBoundingClientRect();
      return { title: [t.left - c.left, t.right - c.left], plot: p.height, width: c.width };
    });
    assert(title[0] >= 0 && title[1] <= width, `the title runs off the chart: ${title} of ${width}`);
    assert(plot >= 250, `the plot is ${plot}px tall`);
    await phone.screenshot({ path: path.join(OUT, 'series-phone.png'), fullPage: false });
    // The ledger as cards: nothing off-screen.
    await phone.goto(`${base}/paper`);
    const ledgerOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(ledgerOverflow <= 1, `the ledger is ${ledgerOverflow}px wider than the phone`);
    // Readings are one tap away, not all open: the page was 32,276 px tall with every reading shown.
    const folded = await phone.evaluate(() => ({ height: document.documentElement.scrollHeight, open: document.querySelectorAll('details.readings-box[open]').length, boxes: document.querySelectorAll('details.readings-box').length }));
    assert(folded.boxes > 15 && folded.open === 0 && folded.height < 20_000, `the ledger at 390px: ${JSON.stringify(folded)}`);
    await phone.click('tr#inflation-2014-2023 details.readings-box > summary');
    assert(await phone.isVisible('tr#inflation-2014-2023 ul.readings a'), 'one tap does not open the readings');
    await phone.screenshot({ path: path.join(OUT, 'paper-phone.png'), fullPage: false });
  });

  await check('opened over plain HTTP by a LAN name (not localhost), the page is styled and charted', async () => {
    // Chromium maps the name to loopback, so nothing leaves the machine, but the page's origin is
    // http://kz-office.lan: not a "potentially trustworthy" origin, as an office network's is not.
    const lan = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP kz-office.lan 127.0.0.1'],
    });
    try {
      const p = await lan.newPage({ viewport: { width: 1366, height: 900 } });
      const port = new URL(base).port;
      await p.goto(`http://kz-office.lan:${port}/series/nbk.USD?from=2022-01-01`);
      await p.waitForSelector('#chart[data-rendered="true"]', { timeout: 20_000 });
      const styled = await p.evaluate(() => getComputedStyle(document.querySelector('header.top')!).borderBottomStyle === 'solid');
      assert(styled, 'the stylesheet did not apply');
      await p.screenshot({ path: path.join(OUT, 'lan-plain-http.png') });
    } finally {
      await lan.close();
    }
  });

  await check('axe-core: no serious or critical accessibility violation on any page (1366 and 390 px, JavaScript on and off)', async () => {
    const axeSource = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const [javaScriptEnabled, width] of [[true, 1366], [false, 1366], [true, 390], [false, 390]] as const) {
      // axe is injected by the check (its inline script needs the page's CSP set aside for it alone).
      // "JavaScript off" is the page with its own scripts refused (axe itself still has to run).
      const ctx = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      if (!javaScriptEnabled) await ctx.route('**/assets/*.js', (r) => r.abort());
      for (const url of ['/', '/data', '/status', '/compare?concept=fx', '/compare?concept=trade-china-imports', '/partners', '/partners/rerouting', '/ru/partners/rerouting', '/ru/', '/ru/partners', '/ru/series/nbk.USD', '/ru/paper', '/paper', '/series/nbk.USD', '/series/imf.NGDPD.KAZ?compare=imf.NGDPD.RUS&vintage=2024-04', '/series/imf.NGDP_RPCH.KAZ/vintages?target=2022', '/api', '/series/nope.X']) {
        const p = await ctx.newPage();
        await p.goto(base + url);
        if (javaScriptEnabled && (await p.locator('[data-chart]').count())) await p.waitForSelector('[data-chart][data-rendered="true"]', { timeout: 20_000 });
        await p.addScriptTag({ content: axeSource });
        const violations = await p.evaluate(async () => ((await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run()).violations));
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${url} (${width} px, JS ${javaScriptEnabled ? 'on' : 'off'}): ${v.impact} ${v.id} ×${v.nodes.length}`);
        await p.close();
      }
      await ctx.close();
    }
    assert(found.length === 0, found.join('; '));
  });

  await check('no script error and no Content-Security-Policy violation anywhere', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
} finally {
  await browser.close();
  server.close();
}
finish();
console.log(`screenshots in ${OUT}`);
