// Files damaged at rest (a disk, a restore, a hand edit): a raw body is checked against its
// sidecar, a processed file against its checksums; a damaged processed file never takes the
// other sources down, and a rebuild (raw alone) always heals it.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import type { ParseCache } from '../../src/runner/parse.ts';
import { jobNamed } from '../../pipelines/index.ts';
import { DataRepository } from '../../src/store/repository.ts';
import { copyDataDir, processedBytes, tempDataDir, testConfig } from '../support/data-dir.ts';
import { testApp } from '../support/app.ts';

const APRIL_FIRST = 'raw/nbk/get_rates/2026-04-01/get_rates_fdate=2026-04-01.xml';
let template: string;
let good: Map<string, string>;
// Each body is read and checked against its sidecar before the cache is asked, so a damaged body is
// still refused; the undamaged ones are parsed once for all the rebuilds here.
const parseCache: ParseCache = new Map();

beforeAll(async () => {
  template = await tempDataDir(['nbk']);
  const [r] = await rebuildAll(template, [jobNamed('nbk', testConfig(template))], parseCache);
  expect(r.outcome).toBe('success');
  good = await processedBytes(template);
}, 60_000);

async function rebuildNbk(dir: string) {
  const [r] = await rebuildAll(dir, [jobNamed('nbk', testConfig(dir))], parseCache);
  return r;
}

describe('raw snapshots at rest', () => {
  it('a body whose bytes changed is refused naming the file, and nothing is published', async () => {
    const dir = await copyDataDir(template);
    const file = path.join(dir, APRIL_FIRST);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('478.77', '978.77'));
    const r = await rebuildNbk(dir);
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatchObject({ code: 'RAW_CHECKSUM_MISMATCH', context: { file: APRIL_FIRST } });
    expect(await processedBytes(dir)).toEqual(good);
  });

  it('a sidecar whose sha256 was edited is refused too (the wrong hash never becomes provenance)', async () => {
    const dir = await copyDataDir(template);
    const side = path.join(dir, `${APRIL_FIRST}.meta.json`);
    const meta = JSON.parse(await fs.readFile(side, 'utf8'));
    meta.sha256 = '0'.repeat(64);
    await fs.writeFile(side, JSON.stringify(meta));
    const r = await rebuildNbk(dir);
    expect(r.error).toMatchObject({ code: 'RAW_CHECKSUM_MISMATCH', context: { file: APRIL_FIRST } });
    expect(await processedBytes(dir)).toEqual(good);
  });

  it('a body without its sidecar is an error naming the body, not a silent loss of its values', async () => {
    const dir = await copyDataDir(template);
    await fs.rm(path.join(dir, `${APRIL_FIRST}.meta.json`));
    const r = await rebuildNbk(dir);
    expect(r.error).toMatchObject({ code: 'RAW_SIDECAR_MISSING', context: { file: APRIL_FIRST } });
    expect(await processedBytes(dir)).toEqual(good);
  });

  it('a sidecar without its body is an error naming the body', async () => {
    const dir = await copyDataDir(template);
    await fs.rm(path.join(dir, APRIL_FIRST));
    const r = await rebuildNbk(dir);
    expect(r.error).toMatchObject({ code: 'RAW_BODY_MISSING', context: { file: APRIL_FIRST } });
    expect(await processedBytes(dir)).toEqual(good);
  });

  it('a sidecar that is not JSON has a code of its own and names the sidecar', async () => {
    const dir = await copyDataDir(template);
    await fs.writeFile(path.join(dir, `${APRIL_FIRST}.meta.json`), '{garbled');
    const r = await rebuildNbk(dir);
    expect(r.error).toMatchObject({ code: 'RAW_SIDECAR_INVALID', context: { file: `${APRIL_FIRST}.meta.json` } });
    expect(r.error!.message).toContain(`${APRIL_FIRST}.meta.json`);
  });

  it('a write interrupted between the sidecar and the body leaves nothing the listing takes for damage', async () => {
    const dir = await copyDataDir(template);
    const folder = path.join(dir, 'raw/nbk/get_rates/2026-04-03');
    await fs.mkdir(folder, { recursive: true });
    // The state a SIGKILL leaves after the sidecar is written and before the body is renamed in.
    await fs.copyFile(path.join(dir, `${APRIL_FIRST}.meta.json`), path.join(folder, 'x.xml.meta.json'));
    await fs.copyFile(path.join(dir, APRIL_FIRST), path.join(folder, '.x.xml.tmp-123-0badcafe'));
    const r = await rebuildNbk(dir);
    expect(r.outcome).toBe('success');
    expect(await processedBytes(dir)).toEqual(good);
  });
});

describe('processed files at rest', () => {
  async function damaged(how: (text: string) => string): Promise<string> {
    const dir = await copyDataDir(template);
    const csv = path.join(dir, 'processed/nbk.csv');
    await fs.writeFile(csv, how(await fs.readFile(csv, 'utf8')));
    return dir;
  }
  const damages: Array<[string, (t: string) => string]> = [
    ['truncated to half', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['truncated at a line end (rows lost, every line still parses)', (t) => t.slice(0, t.lastIndexOf('\n', Math.floor(t.length / 2)) + 1)],
    ['an unclosed quote', (t) => t.replace('\nnbk.USD,', '\n"nbk.USD,')],
    ['one digit changed', (t) => t.replace(/(nbk\.USD,2026-04-01,)4/, '$19')],
  ];

  it.each(damages)('%s: the repository skips the source and names the damaged file', async (_, how) => {
    const dir = await damaged(how);
    const repo = new DataRepository(dir, ['nbk']);
    await repo.load();
    expect(repo.has('nbk.USD')).toBe(false);
    expect(repo.damaged()).toEqual([expect.objectContaining({ source: 'nbk', file: 'processed/nbk.csv', code: 'PROCESSED_DAMAGED' })]);
  });

  it('the server starts on the rest of the data; /status and /api/status name the file and the command that heals it', async () => {
    const dir = await copyDataDir(template);
    await fs.cp(path.resolve('data/processed'), path.join(dir, 'processed'), { recursive: true });
    await fs.cp(path.resolve('data/claims.json'), path.join(dir, 'claims.json'));
    for (const f of ['headlines.json', 'comparisons.json', 'figures.json', 'events.json', 'indicator-titles.csv', 'ledger-verdicts.json']) await fs.cp(path.resolve('data', f), path.join(dir, f));
    const csv = path.join(dir, 'processed/nbk.csv');
    await fs.truncate(csv, Math.floor((await fs.stat(csv)).size / 2));
    const { app, repo } = await testApp(dir);
    expect(repo.has('imf.NGDPD.KAZ')).toBe(true);
    expect(repo.has('nbk.USD')).toBe(false);
    const api = await request(app).get('/api/status').expect(200);
    expect(api.body.damaged).toEqual([expect.objectContaining({ source: 'nbk', file: 'processed/nbk.csv', heal: 'npm run rebuild' })]);
    const page = await request(app).get('/status').expect(200);
    expect(page.text).toContain('processed/nbk.csv');
    expect(page.text).toContain('npm run rebuild');
    await request(app).get('/series/imf.NGDPD.KAZ').expect(200);
  });

  it.each(damages)('%s: a rebuild heals it byte for byte', async (_, how) => {
    const dir = await damaged(how);
    const r = await rebuildNbk(dir);
    expect(r.outcome).toBe('success');
    expect(await processedBytes(dir)).toEqual(good);
  });

  it('a garbled metadata file is healed by a rebuild too', async () => {
    const dir = await copyDataDir(template);
    await fs.writeFile(path.join(dir, 'processed/nbk.meta.json'), '{"source": "nbk", ');
    const repo = new DataRepository(dir, ['nbk']);
    await repo.load();
    expect(repo.damaged()).toEqual([expect.objectContaining({ file: 'processed/nbk.meta.json' })]);
    expect((await rebuildNbk(dir)).outcome).toBe('success');
    expect(await processedBytes(dir)).toEqual(good);
  });
});
