// Defects of issue "A damaged file never takes the dashboard down" that the server answers for:
// a refresh body that is not what the schema says, a run history with a line that does not fit,
// and Russian pages whose address cannot be decoded. Each failed before its fix.
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDataDir, notRaw } from '../support/data-dir.ts';
import { sharedApp, testApp } from '../support/app.ts';
import { acquireLock } from '../../src/runner/lock.ts';
import { readRuns } from '../../src/runner/run-log.ts';
import { searchSeries } from '../../src/server/series-search.ts';

const TOKEN = 'a-long-enough-test-token';
let dir: string;
beforeAll(async () => {
  dir = await tempDataDir();
  await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
});

describe('the refresh body is validated by its schema', () => {
  it.each([
    ['a misspelt key', '{"sources":"bns"}', 'sources'],
    ['a __proto__ key', '{"__proto__":{"source":"x"}}', '__proto__'],
    ['a source that is not a string', '{"source":["nbk"]}', 'source'],
  ])('%s is a 400 naming it, and nothing runs', async (_n, body, named) => {
    const { app, controller } = await sharedApp(dir, { REFRESH_TOKEN: TOKEN });
    const res = await request(app).post('/api/refresh').set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(named);
    expect(controller.running).toBeUndefined();
  });
});

describe('the run history is read line by line against its shape', () => {
  it('a line that is JSON but lacks fields is skipped and counted, never a 500', async () => {
    const d = await tempDataDir();
    await fs.cp(path.resolve('data'), d, { recursive: true, filter: notRaw });
    const good = { id: 'r1', trigger: 'cli', job: 'nbk', outcome: 'success', startedAt: '2026-12-01T00:00:00Z', endedAt: '2026-12-01T00:00:01Z', fetched: 0, changes: [], snapshotsWritten: [], notes: [], conflicts: [] };
    const lines = [JSON.stringify({ id: 'hand', outcome: 'success', job: 'nbk' }), '[1,2]', '"text"', JSON.stringify(good), JSON.stringify({ ...good, changes: 'many' })];
    await fs.writeFile(path.join(d, 'runs.jsonl'), lines.join('\n') + '\n');
    const { app } = await testApp(d);
    for (const url of ['/status', '/ru/status', '/', '/api/status']) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(200);
    }
    const page = await request(app).get('/status');
    expect(page.text).toContain('r1');
    expect(page.text).toMatch(/4 lines? of the run history/);
  });
});

describe('a Russian address that cannot be decoded', () => {
  it.each(['/ru/%E0%A4%A', '/ru/series/%zz', '/ru/paper/%'])('%s answers in Russian', async (url) => {
    const { app } = await sharedApp(dir);
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<html lang="ru"/);
  });
});

describe('refresh requests at once', () => {
  it('twenty requests at once while another process holds the lock: twenty 409s, twenty refused runs (found by check:reliability)', async () => {
    const d = await tempDataDir();
    await fs.cp(path.resolve('data'), d, { recursive: true, filter: notRaw });
    const { app } = await testApp(d, { REFRESH_TOKEN: 'a-long-enough-test-token' });
    const lock = await acquireLock(d, 'x');
    const answers = await Promise.all(Array.from({ length: 20 }, () => request(app).post('/api/refresh').set('Authorization', 'Bearer a-long-enough-test-token').send({ source: 'nbk' })));
    await lock.release();
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(409));
    expect((await readRuns(d)).filter((r) => r.outcome === 'refused')).toHaveLength(20);
  });
});

describe('Vary through the response cache (issue "Numbers on the partners page…", item 11)', () => {
  it('/ says it varies on Accept-Language and Cookie as well as Accept-Encoding, first answer and cached alike', async () => {
    const { app } = await sharedApp(dir);
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get('/').set('Cookie', 'lang=en');
      expect(res.status).toBe(200);
      const vary = String(res.headers.vary).split(/,\s*/).map((v) => v.toLowerCase());
      expect(vary).toEqual(expect.arrayContaining(['accept-language', 'cookie', 'accept-encoding']));
    }
    // A shared cache keyed on Vary keeps the redirect a Russian-preferring first visit gets apart from the English page.
    const redirect = await request(app).get('/').set('Accept-Language', 'ru');
    expect(redirect.status).toBe(302);
    expect(String(redirect.headers.vary).toLowerCase()).toContain('accept-language');
  });
});

describe('search in every language (issue "Numbers on the partners page…", item 8)', () => {
  it.each([
    ['/ru/data?q=рубль', 'nbk.RUB'], ['/ru/data?q=рубля', 'nbk.RUB'], ['/ru/data?q=российский', 'nbk.RUB'], ['/ru/data?q=инфляция', 'imf.PCPIPCH.KAZ'],
    ['/ru/data?q=Россия', 'bns.TURNOVER.RUS'], ['/ru/data?q=Китай', 'bns.TURNOVER.CHN'], ['/data?q=ruble', 'nbk.RUB'], ['/data?q=Rouble', 'nbk.RUB'], ['/data?q=nbk.rub', 'nbk.RUB'],
  ])('%s finds %s', async (url, id) => {
    const { app } = await sharedApp(dir);
    const res = await request(app).get(encodeURI(url));
    expect(res.status).toBe(200);
    expect(res.text).toContain(`/series/${id}"`);
  });

  it('"compare with" finds Russian names and word forms too', async () => {
    const { repo, vocabulary } = await sharedApp(dir);
    for (const q of ['рубль', 'рубля', 'российский рубль']) expect(searchSeries(repo, q, vocabulary).map((e) => e.meta.id), q).toContain('nbk.RUB');
  });
});
