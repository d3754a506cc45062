import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO, tempDataDir, testConfig } from '../support/data-dir.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { allJobs } from '../../pipelines/index.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';
import { sha256 } from '../../src/store/raw-store.ts';

describe('the committed processed data', () => {
  it('is exactly what the pipeline builds from the committed raw snapshot', async () => {
    const dir = await tempDataDir(['.']);
    const results = await rebuildAll(dir, allJobs(testConfig(dir)));
    expect(results.map((r) => [r.job, r.outcome, r.error?.message])).toEqual(results.map((r) => [r.job, 'success', undefined]));
    const committed = (await fs.readdir(path.join(REPO, 'data/processed'))).sort();
    const rebuilt = (await fs.readdir(path.join(dir, 'processed'))).sort();
    expect(rebuilt).toEqual(committed);
    for (const name of committed) {
      const a = await fs.readFile(path.join(REPO, 'data/processed', name));
      const b = await fs.readFile(path.join(dir, 'processed', name));
      expect(sha256(b), `${name} differs from a rebuild; run npm run rebuild and commit`).toBe(sha256(a));
    }
  });

  it('has full metadata for every series, each tracing to raw files whose sha256 matches', async () => {
    for (const source of ['imf', 'nbk']) {
      const files = await readSourceFiles(path.join(REPO, 'data'), source);
      expect(files, source).toBeDefined();
      for (const [id, s] of files!.series) {
        const m = s.meta;
        for (const field of ['title', 'unit', 'scale', 'frequency', 'retrievedAt'] as const) expect(m[field], `${id}.${field}`).toBeTruthy();
        expect(m.source.name && m.source.url && m.source.licence, id).toBeTruthy();
        expect(m.vintage.label, id).toBeTruthy();
        expect(s.observations.length, id).toBe(m.coverage.rows);
        expect(m.rawSnapshots.length, id).toBeGreaterThan(0);
        for (const snap of m.rawSnapshots) {
          expect(sha256(await fs.readFile(path.join(REPO, 'data', snap.file))), snap.file).toBe(snap.sha256);
        }
      }
    }
  });

  it('holds every series the pipelines promise, with every WEO edition kept', async () => {
    const imf = (await readSourceFiles(path.join(REPO, 'data'), 'imf'))!;
    for (const ind of ['PCPIPCH', 'PCPIEPCH', 'PCPI', 'NGDPD', 'NGDP_RPCH', 'LUR']) {
      for (const c of ['KAZ', 'RUS', 'CHN', 'UZB', 'KGZ']) {
        const s = imf.series.get(`imf.${ind}.${c}`);
        expect(s, `imf.${ind}.${c}`).toBeDefined();
        // April 2020 was the reduced COVID-era release: no NGDPD, PCPI or PCPIE in it.
        const apr2020 = ['NGDPD', 'PCPI', 'PCPIE'].includes(ind) ? [] : ['WEO April 2020'];
        const labels = s!.meta.vintages.map((v) => v.label);
        // UZB LUR is absent up to October 2021 (WEO_VINTAGES.md §3).
        if (!(ind === 'LUR' && c === 'UZB')) {
          expect(labels).toEqual(['WEO April 2019', 'WEO October 2019', ...apr2020, 'WEO October 2020', 'WEO April 2021', 'WEO October 2021', 'WEO April 2022', 'WEO October 2022', 'WEO April 2023', 'WEO October 2023', 'WEO April 2024', 'WEO October 2024', 'WEO April 2025', 'WEO October 2025']);
        }
        expect(s!.earlier.get('2024-04')?.length).toBeGreaterThan(0);
      }
    }
    // A value checked by hand against the bundled CSV: KAZ GDP 2013, USD bn, both vintages.
    expect(imf.series.get('imf.NGDPD.KAZ')!.observations.find((o) => o.date === '2013')?.value).toBe(236.635);
    const nbk = (await readSourceFiles(path.join(REPO, 'data'), 'nbk'))!;
    expect(nbk.series.get('nbk.USD')!.meta.coverage.start).toBe('2005-01-01');
    expect(nbk.series.get('nbk.USD')!.observations.find((o) => o.date === '2014-02-13')?.value).toBe(184.5);
  });
});
