// After each refresh: recompute the paper's ledger on the processed data and record, in the
// run, the claims whose verdict changed since the last check (kept in data/ledger-verdicts.json).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RunRecord } from '../pipeline/run-log.ts';
import { DataRepository } from '../server/repository.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { loadClaims, validateClaims } from './claims.ts';
import { evaluateLedger } from './evaluate.ts';
import { repositoryLookup } from './lookup.ts';

const SOURCES = ['imf', 'nbk', 'worldbank', 'imts'];

export function verdictsPath(dataDir: string): string {
  return path.join(dataDir, 'ledger-verdicts.json');
}

export async function currentVerdicts(dataDir: string): Promise<Record<string, string>> {
  const repo = new DataRepository(dataDir, SOURCES);
  await repo.load();
  const file = await loadClaims(dataDir);
  const lookup = repositoryLookup(repo);
  validateClaims(file, lookup);
  return Object.fromEntries(evaluateLedger(file, lookup).map((r) => [r.claim.id, r.latest.verdict]));
}

export async function afterRefresh(dataDir: string, record: RunRecord): Promise<void> {
  if (record.outcome !== 'success' || record.changes.length === 0) return;
  let before: Record<string, string> = {};
  try {
    before = JSON.parse(await fs.readFile(verdictsPath(dataDir), 'utf8')) as Record<string, string>;
  } catch {
    // First check in this data folder: everything is compared with nothing.
  }
  let after: Record<string, string>;
  try {
    after = await currentVerdicts(dataDir);
  } catch (err) {
    record.notes.push(`ledger: could not recompute (${(err as Error).message})`);
    return;
  }
  record.ledgerChanges = Object.entries(after)
    .filter(([id, v]) => before[id] !== undefined && before[id] !== v)
    .map(([claim, v]) => ({ claim, before: before[claim], after: v }));
  await writeFileAtomic(verdictsPath(dataDir), JSON.stringify(after, null, 2) + '\n');
}
