// A refresh of the NBK feed stores every currency the answers carry (issue "multi-vector"):
// the partners' currencies start a series when they appear and end it when they stop.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';
import { copyDataDir, fixture, noSleep, tempDataDir, testConfig } from '../support/data-dir.ts';
import { refresh } from '../../src/runner/refresh.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { jobNamed } from '../../pipelines/index.ts';
import type { ParseCache } from '../../src/runner/parse.ts';

let server: ReplayServer | undefined;
const parseCache: ParseCache = new Map();
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let template: string;
beforeAll(async () => {
  // The bundled history only: its 15 currencies, no feed answers yet.
  template = await tempDataDir(['nbk/imported/nbk_daily_2005_2026']);
  await rebuildAll(template, [jobNamed('nbk', testConfig(template))], parseCache);
});

describe('NBK feed refresh', () => {
  it('stores all 39 currencies of a real answer; one missing from the next answer ends its series there', async () => {
    const dir = await copyDataDir(template);
    const before = await fs.readFile(path.join(dir, 'processed/nbk.csv'), 'utf8');
    expect(before).not.toContain('nbk.TJS,');
    // The real 2 April answer without its somoni item: the currency stopped being quoted.
    const april2 = (await fixture('nbk/get_rates_fdate=2026-04-02.xml')).toString().replace(/<item>\s*<fullname>[^<]*<\/fullname>\s*<title>TJS<\/title>[\s\S]*?<\/item>/, '');
    expect(april2).not.toContain('<title>TJS</title>');
    server = await startReplayServer({
      '/rss/get_rates.cfm?fdate=01.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-01.xml') },
      '/rss/get_rates.cfm?fdate=02.04.2026': { body: april2 },
    });
    const config = testConfig(dir, { NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` });
    const [record] = await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from: '2026-04-01', to: '2026-04-02' }, sleep: noSleep, parseCache });
    expect(record.outcome).toBe('success');

    const csv = await fs.readFile(path.join(dir, 'processed/nbk.csv'), 'utf8');
    const ids = new Set(csv.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]).filter((id) => /^nbk\.[A-Z]{3}$/.test(id)));
    expect(ids.size).toBe(39);
    expect(csv).toContain('nbk.TJS,2026-04-01,50.19');
    expect(csv).not.toContain('nbk.TJS,2026-04-02');
    // Quant-aware: the rial is quoted per 1000, the won per 100.
    expect(csv).toContain('nbk.IRR,2026-04-01,0.0004');
    expect(csv).toMatch(/nbk\.AZN,2026-04-02,\d+\.\d+/);
    const meta = JSON.parse(await fs.readFile(path.join(dir, 'processed/nbk.meta.json'), 'utf8'));
    expect(meta.series['nbk.AZN'].title).toBe('Official rate: tenge per Azerbaijani Manat (AZN)');
  });
});
