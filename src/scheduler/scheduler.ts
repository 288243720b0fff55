// The tick: node-cron wakes it every few seconds; the database decides what is due. Each tick
// reports claims whose outcome is unknown, claims what has come (exactly once, across
// replicas), delivers it through the core and records the outcome.
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock, JobKind, Logger, Occurrence } from '../core/index.ts';
import type { DueJob, NextOf, ScheduleStore } from './schedules.ts';

export interface SchedulerOptions {
  schedules: ScheduleStore;
  /** Hands an occurrence to the core, which checks its kind and payload. */
  run(occurrence: Occurrence): Promise<void>;
  nextOf: NextOf;
  clock: Clock;
  logger: Logger;
  owner: string;
  /** An occurrence missed by less than this is still delivered (default 2 hours). */
  graceMs?: number;
  /** A claim without an outcome after this long is reported as unknown (default 10 minutes). */
  staleMs?: number;
  /** At most this many occurrences per tick; the rest wait for the next (default 500). */
  batch?: number;
  /** Groups whose jobs run at the same time within a tick (default 4). */
  parallel?: number;
  /** Kinds whose stale claims are run again instead of being reported unknown (see RESUMABLE_JOBS). */
  resumable?: readonly JobKind[];
}

/**
 * Jobs that may run again after their process died mid-run: they record private messages under
 * unique keys (the outbox sends each once), or change state and record its messages in one unit
 * of work (a poll's opening), or delete what is past its time. The others post to channels
 * directly or plan further jobs step by step; for them a second run could repeat what half
 * happened, so their stale claims are reported unknown.
 */
export const RESUMABLE_JOBS: readonly JobKind[] = ['nudge', 'prompt.weekly', 'wellbeing.reminder', 'poll.open', 'poll.remind.person', 'data.retention', 'data.removal'];

export interface TickResult {
  delivered: number;
  failed: number;
  skipped: number;
  unknown: number;
}

export class Scheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<TickResult> | null = null;
  private lastTick: Date | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  /** When the last tick started by node-cron (tickOnce) ended, well or not; null before the first. Read by /readyz. */
  get lastTickAt(): Date | null {
    return this.lastTick;
  }

  async tick(): Promise<TickResult> {
    const { schedules, clock, logger, owner } = this.options;
    const now = clock.now();
    const staleMs = this.options.staleMs ?? 10 * 60 * 1000;
    const resumed = await schedules.resumeStale(now, staleMs, owner, this.options.resumable ?? RESUMABLE_JOBS);
    for (const job of resumed) {
      logger.warn('scheduled occurrence left unfinished by a stopped process, run again', { kind: job.kind, scheduleId: job.scheduleId, at: job.at.toISOString() });
    }
    const unknown = await schedules.markUnknown(now, staleMs);
    for (const claim of unknown) {
      logger.warn('scheduled occurrence has an unknown outcome and is not resent', { scheduleId: claim.scheduleId, at: claim.at.toISOString(), claimedBy: claim.claimedBy });
    }
    const claimed = await schedules.claimDue(now, {
      graceMs: this.options.graceMs ?? 2 * 60 * 60 * 1000,
      owner,
      limit: this.options.batch ?? 500,
      nextOf: this.options.nextOf,
    });
    for (const missed of claimed.skipped) {
      logger.warn('scheduled occurrence missed by more than the grace period, skipped', { kind: missed.kind, scheduleId: missed.scheduleId, at: missed.at.toISOString() });
    }
    let failed = 0;
    // A group's jobs run in their order (a closing before the next opening); different groups'
    // jobs run side by side, so one slow post (a throttled channel) keeps no other group waiting.
    // Private messages are only recorded here; the outbox delivers them.
    const lines = new Map<string, DueJob[]>();
    for (const job of [...resumed, ...claimed.deliver]) {
      const line = job.groupId ?? `${job.kind}:${job.subject}`;
      lines.set(line, [...(lines.get(line) ?? []), job]);
    }
    const queue = [...lines.values()];
    const runLine = async (): Promise<void> => {
      for (let line = queue.shift(); line; line = queue.shift()) {
        for (const job of line) if (!(await this.deliver(job))) failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.parallel ?? 4, queue.length) }, runLine));
    return { delivered: resumed.length + claimed.deliver.length - failed, failed, skipped: claimed.skipped.length, unknown: unknown.length };
  }

  private async deliver(job: DueJob): Promise<boolean> {
    const { schedules, clock, logger } = this.options;
    try {
      await this.options.run({ kind: job.kind, subject: job.subject, groupId: job.groupId, payload: job.payload, at: job.at });
      await schedules.finish(job, 'sent', clock.now());
      return true;
    } catch (error) {
      // A known failure is recorded, not retried: a retry could repeat what half-arrived.
      logger.error('scheduled occurrence failed', { kind: job.kind, scheduleId: job.scheduleId, error: error instanceof Error ? error.message : String(error) });
      await schedules.finish(job, 'failed', clock.now());
      return false;
    }
  }

  /** One tick at a time: a slow tick is not overlapped by the next. */
  tickOnce(): Promise<TickResult> {
    this.running ??= this.tick().finally(() => {
      this.running = null;
      this.lastTick = this.options.clock.now();
    });
    return this.running;
  }

  start(every = '*/5 * * * * *'): void {
    this.task = cron.schedule(every, () => {
      this.tickOnce().catch((error: unknown) => this.options.logger.error('scheduler tick failed', { error: error instanceof Error ? error.message : String(error) }));
    });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = null;
    await this.running?.catch(() => undefined);
  }
}
