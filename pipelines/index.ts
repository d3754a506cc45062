// The registry: every job the product runs, in the order a full refresh takes them. Everything
// that needs the list of sources (configuration, the CLI, the status page, the footer, the
// ledger re-check, the bundled import, the tests) reads it from here.
import { loadConfig, type Config } from '../src/config.ts';
import type { JobDefinition, JobModule } from '../src/runner/job.ts';
import { imf } from './imf.ts';
import { nbk } from './nbk.ts';
import { worldbank } from './worldbank.ts';
import { imts } from './imts.ts';
import { bns } from './bns.ts';
import { comtrade } from './comtrade.ts';
import { wiiw } from './wiiw.ts';
import { eurostat } from './eurostat.ts';

export const JOBS: readonly JobModule[] = [imf, nbk, worldbank, imts, bns, comtrade, wiiw, eurostat];

/** The configuration with every job's settings validated. */
export function loadJobConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(env, JOBS.flatMap((j) => j.settings));
}

export function allJobs(config: Config): JobDefinition[] {
  return JOBS.map((j) => ({ name: j.name, connector: j.connector(config.settings), schedule: j.schedule, expectedCadenceDays: j.expectedCadenceDays }));
}

/** One job by name (tests, benchmarks). */
export function jobNamed(name: string, config: Config): JobDefinition {
  const j = allJobs(config).find((x) => x.name === name);
  if (!j) throw new Error(`no job ${name}; jobs: ${JOBS.map((x) => x.name).join(', ')}`);
  return j;
}
