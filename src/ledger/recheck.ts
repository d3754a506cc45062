// After a refresh: recompute the paper's ledger and note the claims whose verdict changed.
// (Filled in with the ledger; until then nothing to recheck.)
import type { RunRecord } from '../pipeline/run-log.ts';

export async function afterRefresh(_dataDir: string, _record: RunRecord): Promise<void> {}
