// Two server processes on one data folder (behind a load balancer): one with schedules on, one
// off. Only one refreshes at a time (the shared lock: the other answers 409), and both serve the
// refresh's result (each reloads the processed files when they change).
import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fixture, tempDataDir, rawOnlyOf } from '../support/data-dir.ts';
import { testApp } from '../support/app.ts';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';

let provider: ReplayServer | undefined;
afterAll(() => provider?.close());

describe('two servers on one data folder', () => {
  it('one refreshes, the other answers 409 meanwhile, and both then serve the new rate', async () => {
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: rawOnlyOf('nbk') });
    // The recorded answer of 2 April 2026, re-dated to the day after the bundled history ends.
    const next = (await fixture('nbk/get_rates_fdate=2026-04-02.xml')).toString().replace('<date>02.04.2026</date>', '<date>12.09.2026</date>');
    provider = await startReplayServer({ '/rss/get_rates.cfm?fdate=12.09.2026': { delayMs: 1500, body: next } }, () => ({ body: '<?xml version="1.0"?><rates><date>01.01.2000</date></rates>' }));
    const env = { REFRESH_TOKEN: 'a-long-enough-test-token', NBK_RATES_URL: `${provider.url}/rss/get_rates.cfm`, HTTP_RETRIES: '0', HTTP_TIMEOUT_MS: '5000' };
    let clock = 0;
    const a = await testApp(dir, env, () => clock);
    const b = await testApp(dir, { ...env, SCHEDULE: 'off' }, () => clock);
    const auth = { Authorization: 'Bearer a-long-enough-test-token' };
    const started = await request(a.app).post('/api/refresh').set(auth).send({ source: 'nbk' });
    expect(started.status).toBe(202);
    // While A's refresh holds the lock, B does not start another.
    // (The worker thread takes a moment to start; the slow answer keeps the lock held meanwhile.)
    for (let i = 0; i < 500 && !(await fs.stat(path.join(dir, 'refresh.lock')).catch(() => undefined)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await fs.stat(path.join(dir, 'refresh.lock')).catch(() => undefined)).toBeDefined();
    const second = await request(b.app).post('/api/refresh').set(auth).send({ source: 'nbk' });
    expect(second.status).toBe(409);
    const [record] = await a.controller.settle();
    expect(record, JSON.stringify(record.error)).toMatchObject({ outcome: 'success', job: 'nbk' });
    clock += 1000; // both repositories look at the files again
    for (const s of [a, b]) {
      const res = await request(s.app).get('/api/series/nbk.USD?from=2026-09-12&to=2026-09-12');
      expect(res.body.series[0].observations).toEqual([{ date: '2026-09-12', value: 475.09, status: 'actual' }]);
    }
  });
});

describe('two servers on one data folder, asked at once', () => {
  it('the answer and the run history agree: the second server never says 202 for a run it then refuses', async () => {
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: rawOnlyOf('nbk') });
    const slow = await startReplayServer({}, () => ({ delayMs: 300, status: 503, body: 'down' }));
    try {
      const env = { REFRESH_TOKEN: 'a-long-enough-test-token', NBK_RATES_URL: `${slow.url}/rss/get_rates.cfm`, HTTP_RETRIES: '0', HTTP_TIMEOUT_MS: '5000' };
      const a = await testApp(dir, env);
      const b = await testApp(dir, { ...env, SCHEDULE: 'off' });
      const auth = { Authorization: 'Bearer a-long-enough-test-token' };
      const first = await request(a.app).post('/api/refresh').set(auth).send({ source: 'nbk' });
      // At once: A's worker has not even loaded yet.
      const second = await request(b.app).post('/api/refresh').set(auth).send({ source: 'nbk' });
      await a.controller.settle();
      await b.controller.settle();
      const runs = (await fs.readFile(path.join(dir, 'runs.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      for (const res of [first, second]) {
        const recorded = runs.filter((r) => r.id === res.body.runId).map((r) => r.outcome);
        expect(recorded, JSON.stringify(res.body)).toEqual([res.status === 409 ? 'refused' : expect.stringMatching(/^(success|failed)$/)]);
      }
      expect([first.status, second.status]).toEqual([202, 409]);
    } finally {
      slow.close();
    }
  });
});
