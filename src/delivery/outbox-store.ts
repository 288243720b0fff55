// The outbox's port: its rows (one per message and recipient), their fan-outs and the shared
// pacing lanes. Delivery owns this interface; src/store/outbox.ts implements it on the database
// so that delivery is exactly-once-or-reported across replicas: a worker claims due rows and
// reserves their time slots on the lanes in one transaction, marks a row "sending" just before
// the platform call and settles it after. A row left "sending" by a process that died is
// reported unknown, never resent; a row only reserved is taken again once its lease runs out.
import type { FanOut, LederrumError, Message, PrivateLetter } from '../core/index.ts';
import type { Pacing } from './pacing.ts';

export interface ClaimedMessage {
  id: string;
  key: string;
  personId: string;
  batchId: string | null;
  lane: string;
  pool: string;
  message: Message;
  attempts: number;
  deadline: Date;
  /** When its lanes let it go. */
  slot: Date;
}

/** A message that cannot be sent as stored (its content is not a message): settled failed, not retried. */
export interface CorruptMessage {
  id: string;
  personId: string;
  key: string;
  error: LederrumError;
}

export interface ClaimOptions {
  owner: string;
  limit: number;
  /** Rows whose slot is further away than this are left for a later claim. */
  horizonMs: number;
  /** How long a reserved row stays this worker's after its slot. */
  leaseMs: number;
  pacing: Pacing;
  /** Told of each claimed row whose stored content failed its check (CORRUPT_ROW), so it is logged. */
  corrupt?: (row: CorruptMessage) => void;
}

export type Settlement = { state: 'sent' } | { state: 'failed'; outcome: string };

/** Settled messages: enough to log one, nothing of its content. */
export type SettledRow = { id: string; personId: string; key: string };

/** A fan-out whose every message is settled, with how many ended how. */
export interface SettledBatch {
  id: string;
  kind: string;
  title: string;
  reportToId: string | null;
  total: number;
  counts: Array<{ state: string; outcome: string | null; count: number }>;
}

export interface OutboxStore {
  /** Records a fan-out's messages in one transaction; keys already recorded are skipped. Returns how many were recorded. */
  enqueue(fanOut: FanOut, letters: PrivateLetter[], at: Date, wall: Date): Promise<number>;
  /** Claims up to `limit` due rows whose lanes let them go within the horizon, reserving their slots. */
  claim(wall: Date, options: ClaimOptions): Promise<ClaimedMessage[]>;
  /** Just before the platform call: false if the reservation was lost (the lease ran out and another took it). */
  startSending(id: string, owner: string, wall: Date, sendTimeoutMs: number): Promise<boolean>;
  /**
   * The outcome of a send; the content goes, what stays says only whether it arrived. A row
   * already reported unknown takes the answer of the process that sent it: the truth, and still
   * never a resend.
   */
  settle(id: string, owner: string, settlement: Settlement, at: Date): Promise<void>;
  /** Never sent (the database failed before the platform was called): back to waiting, the lease and the attempt undone. */
  release(id: string, owner: string): Promise<void>;
  /** A transient failure: back to pending, not before `notBefore`; its lanes wait too when the platform asked. */
  retryLater(row: Pick<ClaimedMessage, 'id' | 'lane' | 'pool'>, owner: string, notBefore: Date, throttled: boolean): Promise<void>;
  /** Rows a dead process left "sending": reported unknown, never resent (it may have arrived). */
  markUnknown(wall: Date, at: Date): Promise<SettledRow[]>;
  /**
   * Rows not yet on their way whose key starts with a prefix: not sent. `silently` marks the
   * fan-outs they belong to as reported, so nobody hears counts of a fan-out called off.
   */
  withdraw(prefixes: string[], at: Date, silently: boolean): Promise<number>;
  /** Pending rows whose moment has passed: dropped, each reported to the log by the caller. */
  expire(at: Date): Promise<SettledRow[]>;
  /** Batches whose every message is settled, each claimed once (by whichever replica gets there). */
  settledBatches(at: Date): Promise<SettledBatch[]>;
  /** The age of the oldest message still waiting, for /readyz; null when nothing waits. */
  oldestPendingAgeMs(wall: Date): Promise<number | null>;
  /** How many are still to do (tests and the drain wait for zero). */
  unsettled(): Promise<number>;
}
