// Schedules from pipelines/ (cron expression + IANA time zone) run in the server process with
// node-cron. A due job that finds another run going is skipped, not queued: the shared lock
// and the controller make sure a job never overlaps itself or a manual run.
import cron, { type ScheduledTask } from 'node-cron';
import type { JobDefinition } from '../runner/job.ts';

export interface Starter {
  start(jobs: string[], trigger: 'schedule'): Promise<{ id: string; started: boolean }>;
}

export interface Scheduler {
  nextRun(job: string): Date | null;
  stop(): Promise<void>;
  /** What happened at each due time, newest last (kept small). */
  log: Array<{ job: string; at: string; started: boolean; runId: string }>;
}

export function startScheduler(jobs: JobDefinition[], starter: Starter, now: () => Date = () => new Date()): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const log: Scheduler['log'] = [];
  for (const job of jobs) {
    const schedule = job.schedule;
    // An imported-only source has nothing to fetch on a schedule.
    if (!schedule) continue;
    if (!cron.validate(schedule.cron)) throw new Error(`pipelines/${job.name}: invalid cron expression ${schedule.cron}`);
    const task = cron.schedule(
      schedule.cron,
      async () => {
        const { id, started } = await starter.start([job.name], 'schedule');
        log.push({ job: job.name, at: now().toISOString(), started, runId: id });
        if (log.length > 100) log.shift();
      },
      { timezone: schedule.timezone, name: `refresh-${job.name}`, noOverlap: true },
    );
    tasks.set(job.name, task);
  }
  return {
    log,
    nextRun: (name) => tasks.get(name)?.getNextRun() ?? null,
    async stop() {
      for (const t of tasks.values()) await t.stop();
    },
  };
}
