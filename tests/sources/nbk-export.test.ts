// NBK's Excel export, parsed from workbooks built here with the same library (exceljs) in the
// export's layout: a date column, then <CODE>_quant / <CODE> pairs.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseExcelExport } from '../../src/sources/nbk/export.ts';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';
import { copyDataDir, fixture, noSleep, processedBytes, tempDataDir, testConfig } from '../support/data-dir.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { refresh } from '../../src/runner/refresh.ts';
import { jobNamed } from '../../pipelines/index.ts';
import { nbkOptions } from '../../pipelines/nbk.ts';
import { createNbk } from '../../src/sources/nbk/index.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';

type Row = [string, ...Array<string | number | null>];

async function workbook(header: string[], rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Курсы');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const meta = { url: 'http://test/excel', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', key: 'export/test' };

describe('NBK Excel export parser', () => {
  it('divides row by row by a quant that changes mid-file, and leaves an empty cell missing', async () => {
    const body = await workbook(['Дата', 'USD_quant', 'USD', 'UZS_quant', 'UZS'], [
      ['01.06.2016', 1, 338.5, 1, 0.12],
      ['02.06.2016', 1, 338.61, 100, 11.5],
      ['03.06.2016', 1, null, 100, 11.48],
    ]);
    const r = await parseExcelExport(body, meta, ['USD', 'UZS']);
    const by = Object.fromEntries(r.series.map((s) => [s.id, s.observations]));
    expect(by['nbk.USD']).toEqual([{ date: '2016-06-01', value: 338.5 }, { date: '2016-06-02', value: 338.61 }]);
    expect(by['nbk.UZS']).toEqual([{ date: '2016-06-01', value: 0.12 }, { date: '2016-06-02', value: 0.115 }, { date: '2016-06-03', value: 0.1148 }]);
    expect(r.notes.join()).toMatch(/USD has no rate on 2016-06-03 \(empty cell\)/);
  });

  it('accepts date cells stored as dates', async () => {
    const body = await workbook(['date', 'USD_quant', 'USD'], [[new Date(Date.UTC(2014, 1, 13)) as unknown as string, 1, 184.5]]);
    const r = await parseExcelExport(body, meta, ['USD']);
    expect(r.series[0].observations).toEqual([{ date: '2014-02-13', value: 184.5 }]);
  });

  it.each([
    ['an HTML page with status 200', async () => Buffer.from('<!DOCTYPE html><html><head><title>Ошибка</title></head><body>error</body></html>'), 'HTML_INSTEAD_OF_DATA'],
    ['bytes that are not an xlsx', async () => Buffer.from('date,USD\n01.01.2020,1\n'), 'NBK_NOT_XLSX'],
    ['a broken zip', async () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]), 'NBK_BAD_XLSX'],
    ['a value column without its quant', async () => workbook(['Дата', 'EUR_quant', 'EUR', 'USD'], [['01.01.2020', 1, 400, 380]]), 'NBK_SCHEMA_CHANGED'],
    ['a duplicate date', async () => workbook(['Дата', 'USD_quant', 'USD'], [['01.01.2020', 1, 380], ['01.01.2020', 1, 381]]), 'NBK_DUPLICATE_DATE'],
    ['a non-numeric rate', async () => workbook(['Дата', 'USD_quant', 'USD'], [['01.01.2020', 1, 'н/д']]), 'NBK_BAD_RATE'],
  ])('fails with a coded error on %s', async (_n, make, code) => {
    await expect(parseExcelExport(await make(), meta, ['USD', 'EUR'])).rejects.toMatchObject({ code });
  });
});

describe('merging the export with the feed and the bundled history', () => {
  let template: string;
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    template = await tempDataDir(['nbk/imported']);
    await rebuildAll(template, [jobNamed('nbk', testConfig(template))]);
  });
  afterEach(async () => server?.close());

  async function runExport(rows: Row[], feed?: Buffer) {
    const body = await workbook(['Дата', 'USD_quant', 'USD', 'EUR_quant', 'EUR'], rows);
    server = await startReplayServer({
      '/excel': { body, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
      ...(feed ? { '/rss/get_rates.cfm?fdate=01.04.2026': { body: feed } } : {}),
    });
    const dir = await copyDataDir(template);
    const config = testConfig(dir, { NBK_EXCEL_URL: `${server.url}/excel`, NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` });
    const [r] = await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from: '2014-02-10', to: '2014-02-14' }, sleep: noSleep });
    return { r, dir };
  }

  it('agrees with the bundled history to 1e-9 relative where both have a date (no conflict reported)', async () => {
    // Values of the bundled history (NBK official), as the export publishes them.
    const { r } = await runExport([['11.02.2014', 1, 155.56, 1, 212.25], ['12.02.2014', 1, 163.9, 1, 224.07], ['13.02.2014', 1, 184.5, 1, 251.57]]);
    expect(r.outcome).toBe('success');
    expect(server!.hits[0]).toMatch(/beginDate=10.02.2014&endDate=14.02.2014&rates%5B%5D=5&rates%5B%5D=6/);
    expect(r.conflicts).toEqual([]);
  });

  it('reports a deliberate disagreement in the run summary and keeps the export value (it outranks the bundled file)', async () => {
    const { r, dir } = await runExport([['13.02.2014', 1, 184.7, 1, 251.57]]);
    expect(r.outcome).toBe('success');
    expect(r.conflicts).toEqual([
      expect.objectContaining({ series: 'nbk.USD', date: '2014-02-13', kept: expect.objectContaining({ value: 184.7 }), other: expect.objectContaining({ value: 184.5 }) }),
    ]);
    const usd = (await readSourceFiles(dir, 'nbk'))!.series.get('nbk.USD')!.observations;
    expect(usd.find((o) => o.date === '2014-02-13')?.value).toBe(184.7);
    expect(r.changes.find((c) => c.series === 'nbk.USD')).toMatchObject({ revised: 1 });
  });

  it('the overlap rule: the XML feed outranks the export, which outranks the bundled file; each disagreement is reported', async () => {
    const body = await workbook(['Дата', 'USD_quant', 'USD'], [['01.04.2026', 1, 478.7]]);
    server = await startReplayServer({
      '/excel': { body },
      '/rss/get_rates.cfm?fdate=01.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-01.xml') },
    });
    const dir = await copyDataDir(template);
    const config = testConfig(dir, { NBK_EXCEL_URL: `${server.url}/excel`, NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` });
    // First the export for 1 April 2026 (an archive start moved past it), then the feed.
    const base = jobNamed('nbk', config);
    const exportOnly = { ...base, connector: createNbk({ ...nbkOptions(config.settings), feedArchiveStart: '2026-04-02' }) };
    const [a] = await refresh({ config, jobs: [exportOnly], trigger: 'cli', options: { from: '2026-04-01', to: '2026-04-01' }, sleep: noSleep });
    expect(a.conflicts).toEqual([expect.objectContaining({ series: 'nbk.USD', date: '2026-04-01', kept: expect.objectContaining({ value: 478.7 }), other: expect.objectContaining({ value: 478.77 }) })]);
    const [b] = await refresh({ config, jobs: [base], trigger: 'cli', options: { from: '2026-04-01', to: '2026-04-01' }, sleep: noSleep });
    expect(b.outcome).toBe('success');
    expect(b.conflicts.some((c) => c.series === 'nbk.USD' && c.kept.value === 478.77 && c.other.value === 478.7)).toBe(true);
    const usd = (await readSourceFiles(dir, 'nbk'))!.series.get('nbk.USD')!.observations;
    expect(usd.find((o) => o.date === '2026-04-01')?.value).toBe(478.77);
  });

  it('backfills in chunks of at most four years, one at a time with a pause, and resumes without refetching', async () => {
    const waits: number[] = [];
    // Each chunk answers with one real row of the bundled history (USD only).
    const rowsFor: Record<string, Row[]> = {
      '01.01.2005': [['01.01.2005', 1, 130]],
      '01.01.2009': [['05.02.2009', 1, 143.98]],
      '01.01.2013': [['11.02.2014', 1, 155.56]],
    };
    const bodies = new Map<string, Buffer>();
    for (const [k, rows] of Object.entries(rowsFor)) bodies.set(k, await workbook(['Дата', 'USD_quant', 'USD'], rows));
    server = await startReplayServer({}, (url) => ({ body: bodies.get(url.searchParams.get('beginDate')!) ?? Buffer.alloc(0) }));
    const dir = await copyDataDir(template);
    const config = testConfig(dir, { NBK_EXCEL_URL: `${server.url}/excel` });
    const run = () => refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from: '2005-01-01', to: '2014-06-30' }, sleep: async (ms) => void waits.push(ms) });
    const [a] = await run();
    expect(a.outcome).toBe('success');
    const ranges = server.hits.map((h) => new URL(h, 'http://x').searchParams).map((q) => `${q.get('beginDate')}-${q.get('endDate')}`);
    expect(ranges).toEqual(['01.01.2005-31.12.2008', '01.01.2009-31.12.2012', '01.01.2013-30.06.2014']);
    expect(waits.filter((w) => w === 2000)).toHaveLength(2);
    expect(a.conflicts).toEqual([]); // the rows agree with the bundled history
    const [b] = await run();
    expect(b.outcome).toBe('success');
    expect(server.hits).toHaveLength(3); // nothing refetched
  });

  it('an HTML answer with status 200 from the export fails the run and changes nothing', async () => {
    server = await startReplayServer({ '/excel': { body: '<html><head><title>Ошибка</title></head></html>', headers: { 'Content-Type': 'text/html' } } });
    const dir = await copyDataDir(template);
    const before = await processedBytes(dir);
    const config = testConfig(dir, { NBK_EXCEL_URL: `${server.url}/excel` });
    const [r] = await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from: '2014-02-10', to: '2014-02-14' }, sleep: noSleep });
    expect(r.error?.code).toBe('HTML_INSTEAD_OF_DATA');
    expect(await processedBytes(dir)).toEqual(before);
  });
});
