// The scheduler's port: schedules and the claims that make each occurrence happen exactly once,
// across replicas. The scheduler owns this interface; src/store/schedules.ts implements it on the
// database (due rows through an index, claimed by inserting a unique (schedule, time) row).
import { randomUUID } from 'node:crypto';

export interface DueJob {
  scheduleId: string;
  kind: string;
  subject: string;
  groupId: string | null;
  /** As stored; the core checks it against its kind's schema (INVALID_JOB fails this occurrence only). */
  payload: unknown;
  /** The occurrence being delivered (its planned time, not the tick's). */
  at: Date;
}

/** A schedule as stored. `nextAt` is null once a one-shot has run or the schedule was stopped. */
export interface StoredSchedule {
  id: string;
  kind: string;
  subject: string;
  groupId: string | null;
  cron: string | null;
  everyNthWeek: number;
  timeZone: string;
  anchor: Date | null;
  nextAt: Date | null;
  payload: unknown;
}

/** A schedule whose next occurrence has come. */
export type ScheduleRow = StoredSchedule & { nextAt: Date };

export interface NewSchedule {
  kind: string;
  subject: string;
  groupId?: string | null;
  cron?: string | null;
  everyNthWeek?: number;
  timeZone: string;
  anchor?: Date | null;
  nextAt: Date | null;
  payload?: Record<string, unknown>;
}

/** What a claim pass decided for one due row. */
export interface Claimed {
  deliver: DueJob[];
  skipped: Array<{ scheduleId: string; kind: string; at: Date }>;
}

/** Computes a recurring schedule's next occurrence strictly after `after`. */
export type NextOf = (row: ScheduleRow, after: Date) => Date | null;

export interface ScheduleStore {
  /** Creates or replaces the schedule for (kind, subject). */
  put(schedule: NewSchedule, at: Date): Promise<void>;
  /** Creates the schedule unless one for (kind, subject) exists: replicas starting together create it once. */
  putIfAbsent(schedule: NewSchedule, at: Date): Promise<void>;
  find(kind: string, subject: string): Promise<StoredSchedule | null>;
  /** No further occurrences (nextAt cleared); the row and its history stay. */
  stop(kind: string, subject: string, at: Date): Promise<void>;
  /**
   * Claims what is due at `now`, each occurrence once across replicas. An occurrence missed by
   * more than `graceMs` is recorded as skipped, never delivered; of several missed ones only the
   * latest within grace is claimed. nextAt moves on in the same transaction.
   */
  claimDue(now: Date, options: { graceMs: number; owner: string; limit: number; nextOf: NextOf }): Promise<Claimed>;
  /** Records a claimed occurrence's outcome. */
  finish(job: Pick<DueJob, 'scheduleId' | 'at'>, status: 'sent' | 'failed', at: Date): Promise<void>;
  /**
   * Claims left without an outcome by a process that died, of kinds whose job may safely run
   * again, taken over by `owner` and returned to be run again — once: a claim already taken over
   * is left to become unknown, so a job that kills its process cannot do so for ever.
   */
  resumeStale(now: Date, staleMs: number, owner: string, kinds: readonly string[]): Promise<DueJob[]>;
  /**
   * Claims whose delivery never recorded an outcome (the process died mid-send) become
   * "unknown" and are returned to be reported: resending could deliver twice.
   */
  markUnknown(now: Date, staleMs: number): Promise<Array<{ scheduleId: string; at: Date; claimedBy: string }>>;
  /** How long the oldest occurrence due at `now` has waited unclaimed (the scheduler's lag, for /metrics); null when none waits. */
  oldestDueAgeMs(now: Date): Promise<number | null>;
}

/** This process's name in claims and leases: unique per start, so a restarted process is another owner. */
export function processOwner(): string {
  return `${process.pid}-${randomUUID().slice(0, 8)}`;
}
