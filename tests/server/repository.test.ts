import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DataRepository } from '../../src/store/repository.ts';

describe('data repository', () => {
  // Found by check:reliability: pages answered 404 for a moment while a refreshed source reloaded.
  it('never loses a series while it reloads a source', async () => {
    const repo = new DataRepository(path.resolve('data'), ['imf', 'nbk', 'worldbank']);
    await repo.load();
    let done = false;
    let missing = 0;
    let checks = 0;
    const reload = repo.load().then(() => (done = true));
    while (!done) {
      if (!repo.has('nbk.USD') || !repo.has('imf.NGDPD.KAZ')) missing++;
      checks++;
      await new Promise((r) => setImmediate(r));
    }
    await reload;
    expect(checks).toBeGreaterThan(3);
    expect(missing).toBe(0);
  });
});

describe('download cache keys', () => {
  it('change only when a source the series come from is reloaded', async () => {
    const repo = new DataRepository(path.resolve('data'), ['imf', 'nbk', 'worldbank']);
    await repo.load();
    const imf = repo.versionOf(['imf.NGDPD.KAZ']);
    const both = repo.versionOf(['nbk.USD', 'wb.PA.NUS.FCRF.KAZ']);
    await (repo as unknown as { loadSource(s: string): Promise<void> }).loadSource('nbk');
    expect(repo.versionOf(['imf.NGDPD.KAZ'])).toBe(imf);
    expect(repo.versionOf(['nbk.USD', 'wb.PA.NUS.FCRF.KAZ'])).not.toBe(both);
  });
});
