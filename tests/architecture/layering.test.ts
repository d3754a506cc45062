// Imports point one way: read the imports of every file under src/ and pipelines/ and fail on an
// arrow against the layering (tests/support/layering.ts says which) and on any cycle between folders.
import { describe, expect, it } from 'vitest';
import { backArrows, fileCycles, folderCycles, importGraph, layerOf } from '../support/layering.ts';
import { REPO } from '../support/data-dir.ts';

describe('the import graph', () => {
  const graph = importGraph(REPO, ['src', 'pipelines']);

  it('reads the project (sanity: it sees the files and their imports)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/runner/run-source.ts')).toContain('src/runner/staging.ts');
    expect(graph.get('src/main.ts')).toContain('pipelines/index.ts');
  });

  it('has no arrow against the layering', () => {
    expect(backArrows(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  it('has no cycle between the files of a folder', () => {
    expect(fileCycles(graph)).toEqual([]);
  });

  it('the server imports no provider, and nothing below the entry points imports the job definitions', () => {
    const offending = [...graph].flatMap(([from, tos]) =>
      tos.filter((to) => (from.startsWith('src/server/') && to.startsWith('src/sources/')) || (layerOf(from) !== 'entry' && to.startsWith('pipelines/'))).map((to) => `${from} → ${to}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('fails on a back-arrow and on a cycle planted in a copy of the graph', () => {
    const planted = new Map(importGraph(REPO, ['src', 'pipelines']));
    planted.set('src/sources/nbk/feed.ts', [...(planted.get('src/sources/nbk/feed.ts') ?? []), 'src/runner/staging.ts']);
    expect(backArrows(planted)).toEqual(['src/sources/nbk/feed.ts → src/runner/staging.ts (sources may not import runner)']);
    planted.set('src/server/status.ts', [...(planted.get('src/server/status.ts') ?? []), 'src/sources/nbk/index.ts']);
    expect(backArrows(planted)).toContain('src/server/status.ts → src/sources/nbk/index.ts (server may not import sources)');
    planted.set('src/domain/series.ts', ['src/lib/csv.ts']);
    planted.set('src/lib/csv.ts', ['src/domain/series.ts']);
    expect(folderCycles(planted)).toContainEqual(['src/domain', 'src/lib', 'src/domain']);
    planted.set('src/store/raw-store.ts', [...(planted.get('src/store/raw-store.ts') ?? []), 'src/store/repository.ts']);
    planted.set('src/store/repository.ts', [...(planted.get('src/store/repository.ts') ?? []), 'src/store/raw-store.ts']);
    expect(fileCycles(planted)).toContainEqual(['src/store/raw-store.ts', 'src/store/repository.ts', 'src/store/raw-store.ts']);
  });
});
