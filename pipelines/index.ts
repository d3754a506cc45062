// Every job the product runs, in the order a full refresh takes them.
import type { Config } from '../src/config.ts';
import type { JobDefinition } from '../src/pipeline/job.ts';
import { imfJob } from './imf.ts';
import { nbkJob } from './nbk.ts';
import { worldBankJob } from './worldbank.ts';
import { imtsJob } from './imts.ts';

export function allJobs(config: Config): JobDefinition[] {
  return [imfJob(config), nbkJob(config), worldBankJob(config), imtsJob(config)];
}
