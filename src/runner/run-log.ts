// The run history: one JSON line per run (scheduled, manual or CLI), appended and fsynced to
// data/runs.jsonl so it survives restarts. A line torn by a crash is skipped on reading.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { RunSummary } from './run-summary.ts';
import { PipelineError } from '../domain/errors.ts';
import { writeError } from '../store/atomic-write.ts';

export type Trigger = 'schedule' | 'manual' | 'cli';

export interface RunRecord extends RunSummary {
  /** The refresh this job ran in: the same id for every job of one request. */
  id: string;
  trigger: Trigger;
  /** Ledger claims whose verdict changed with this run's data. */
  ledgerChanges?: Array<{ claim: string; before: string; after: string }>;
}

/** e.g. 20261201T101500Z-manual-3fa2c1: when, how it was started, and a random tail. */
export function newRunId(trigger: Trigger, at: Date = new Date()): string {
  return `${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${trigger}-${crypto.randomBytes(3).toString('hex')}`;
}

export function runLogPath(dataDir: string): string {
  return path.join(dataDir, 'runs.jsonl');
}

/**
 * Append one record on a line of its own. A crash or a full disk mid-append leaves a torn last
 * line without its newline: the next record starts on a fresh line, so the torn one stays
 * unreadable alone (skipped on reading) and never swallows the record after it.
 */
export async function appendRun(dataDir: string, record: RunRecord): Promise<void> {
  const file = runLogPath(dataDir);
  try {
    const fh = await fs.open(file, 'a+');
    try {
      const { size } = await fh.stat();
      let torn = false;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        torn = last[0] !== 0x0a;
      }
      await fh.appendFile(`${torn ? '\n' : ''}${JSON.stringify(record)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    const e = writeError(err, file);
    throw new PipelineError(e.code, `the run history could not be written: ${e.message}`, e.context, { cause: err });
  }
}

/** The shape a history line must have to be shown (a hand edit or an older writer may leave others). */
const RunLine = z.looseObject({
  id: z.string(),
  trigger: z.enum(['schedule', 'manual', 'cli']),
  job: z.string(),
  outcome: z.enum(['success', 'failed', 'refused']),
  startedAt: z.string(),
  endedAt: z.string(),
  fetched: z.number(),
  snapshotsWritten: z.array(z.string()),
  changes: z.array(z.looseObject({ series: z.string(), added: z.number(), revised: z.number(), removed: z.number() })),
  conflicts: z.array(z.unknown()),
  notes: z.array(z.string()),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
});

export interface RunHistory {
  runs: RunRecord[];
  /** Lines that could not be read (torn by a crash) or do not have a run's shape: skipped, counted. */
  skipped: number;
}

export async function readRunHistory(dataDir: string): Promise<RunHistory> {
  let text: string;
  try {
    text = await fs.readFile(runLogPath(dataDir), 'utf8');
  } catch {
    return { runs: [], skipped: 0 };
  }
  const runs: RunRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      skipped++; // a line torn by a crash mid-append
      continue;
    }
    const r = RunLine.safeParse(parsed);
    if (r.success) runs.push(r.data as RunRecord);
    else skipped++;
  }
  return { runs, skipped };
}

export async function readRuns(dataDir: string): Promise<RunRecord[]> {
  return (await readRunHistory(dataDir)).runs;
}
