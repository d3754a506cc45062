import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DataRepository } from '../../src/server/repository.ts';

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
