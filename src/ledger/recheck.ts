// After a refresh: which of the paper's claims changed verdict with the new data. The
// comparison is pure; recheckLedger reads the processed data and the last verdicts
// (data/ledger-verdicts.json), writes the new ones, and returns what the run should record.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { DataRepository } from '../store/repository.ts';
import { loadClaims, validateClaims, type ClaimsFile, type SeriesLookup } from './claims.ts';
import { evaluateLedger } from './evaluate.ts';
import { repositoryLookup } from './lookup.ts';

export interface LedgerChange {
  claim: string;
  before: string;
  after: string;
}

export function verdictsPath(dataDir: string): string {
  return path.join(dataDir, 'ledger-verdicts.json');
}

/** Each claim's verdict on the latest data. */
export function latestVerdicts(file: ClaimsFile, lookup: SeriesLookup): Record<string, string> {
  validateClaims(file, lookup);
  return Object.fromEntries(evaluateLedger(file, lookup).map((r) => [r.claim.id, r.latest.verdict]));
}

/** Claims known before whose verdict is now different (a claim new to the ledger is not a change). */
export function verdictChanges(before: Record<string, string>, after: Record<string, string>): LedgerChange[] {
  return Object.entries(after)
    .filter(([id, v]) => before[id] !== undefined && before[id] !== v)
    .map(([claim, v]) => ({ claim, before: before[claim], after: v }));
}

export async function recheckLedger(dataDir: string, sources: string[]): Promise<{ ledgerChanges?: LedgerChange[]; notes?: string[] }> {
  let before: Record<string, string> = {};
  try {
    before = JSON.parse(await fs.readFile(verdictsPath(dataDir), 'utf8')) as Record<string, string>;
  } catch {
    // First check in this data folder: everything is compared with nothing.
  }
  let after: Record<string, string>;
  try {
    const repo = new DataRepository(dataDir, sources);
    await repo.load();
    after = latestVerdicts(await loadClaims(dataDir), repositoryLookup(repo));
  } catch (err) {
    return { notes: [`ledger: could not recompute (${(err as Error).message})`] };
  }
  await writeFileAtomic(verdictsPath(dataDir), JSON.stringify(after, null, 2) + '\n');
  return { ledgerChanges: verdictChanges(before, after) };
}

/** The hook a refresh calls after each job: re-check only when a job succeeded and changed data. */
export function ledgerAfterJob(dataDir: string, sources: string[]) {
  return async (r: { outcome: string; changes: unknown[] }): Promise<{ ledgerChanges?: LedgerChange[]; notes?: string[] }> =>
    r.outcome === 'success' && r.changes.length ? recheckLedger(dataDir, sources) : {};
}
