// Schedules with a fake clock: a job runs when due, not twice, and not while another run holds
// the controller (a due job that finds a run going is skipped, and the skip is logged).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler, type Scheduler } from '../../src/server/scheduler.ts';
import type { JobDefinition } from '../../src/runner/job.ts';

function job(name: string, cron: string): JobDefinition {
  return { name, connector: {} as never, schedule: { cron, timezone: 'Asia/Almaty', description: '' }, expectedCadenceDays: 1 };
}

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  vi.useRealTimers();
});

describe('scheduler', () => {
  it('runs a job when due in its time zone, once per due time', async () => {
    // Monday 2026-11-30 10:29 UTC = 15:29 in Astana (UTC+5).
    vi.useFakeTimers({ now: new Date('2026-11-30T10:29:00Z') });
    const starts: string[] = [];
    scheduler = startScheduler([job('nbk', '30 15 * * 1-5')], { start: async (jobs) => (starts.push(`${jobs[0]}@${new Date().toISOString()}`), { id: 'r1', started: true }) });
    expect(scheduler.nextRun('nbk')?.toISOString()).toBe('2026-11-30T10:30:00.000Z');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatch(/^nbk@2026-11-30T10:30/);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(starts).toHaveLength(1); // not twice
    expect(scheduler.nextRun('nbk')?.toISOString()).toBe('2026-12-01T10:30:00.000Z');
  });

  it('does not start a second run while one is going: the due time is logged as skipped', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T10:29:30Z') });
    let running = true;
    const started: string[] = [];
    scheduler = startScheduler([job('nbk', '30 15 * * 1-5')], {
      start: async (jobs) => {
        if (running) return { id: 'manual-run', started: false };
        started.push(jobs[0]);
        return { id: 'new', started: true };
      },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toEqual([]);
    expect(scheduler.log).toEqual([expect.objectContaining({ job: 'nbk', started: false, runId: 'manual-run' })]);
    running = false;
  });

  it('skips weekends for working-day schedules', async () => {
    // Saturday 2026-12-05 10:00 UTC.
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00Z') });
    scheduler = startScheduler([job('nbk', '30 15 * * 1-5')], { start: async () => ({ id: 'x', started: true }) });
    expect(scheduler.nextRun('nbk')?.toISOString()).toBe('2026-12-07T10:30:00.000Z');
  });
});
