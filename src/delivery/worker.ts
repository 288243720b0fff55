// The outbox's worker: runs in every replica, claims what is due (outbox-store.ts), waits for
// each message's slot on its lanes, sends it through the platform's Deliverer and settles it.
// A message is one person's: a failure is theirs alone (logged with its code); a transient one
// is retried with backoff until the message's deadline. Fan-outs that are fully settled are
// reported to whoever started them when not every message arrived.
import { setTimeout as sleep } from 'node:timers/promises';
import { errorForLog, fanOutReport, undeliveredReason, type Clock, type Deliverer, type FanOutKind, type Language, type Logger, type Person, type Store, type Undelivered } from '../core/index.ts';
import { classify, PERSONAL_CODES } from './classify.ts';
import type { ClaimedMessage, OutboxStore } from './outbox-store.ts';
import { intervalOf, type Pacing } from './pacing.ts';

/** Unknown, expired and settled fan-outs are looked for at most this often. */
const UPKEEP_EVERY_MS = 1000;

export interface WorkerOptions {
  outbox: OutboxStore;
  people: Pick<Store, 'people'>;
  deliverer: Deliverer;
  clock: Clock;
  logger: Logger;
  owner: string;
  pacing: Pacing;
  defaultLanguage: Language;
  /** Wall time for pacing, leases and backoff (the platforms' clocks, not the domain's). */
  wall?: () => Date;
  /** Messages in flight at once (default 16). */
  concurrency?: number;
  /** How far ahead a claim reserves slots (default 2 s). */
  horizonMs?: number;
  /** A reserved row stays this worker's this long after its slot (default 30 s). */
  leaseMs?: number;
  /** A row "sending" longer than this was lost with its process: unknown (default 5 minutes). */
  sendTimeoutMs?: number;
  /** Idle poll for rows other replicas recorded (default 250 ms). */
  pollMs?: number;
  /** Backoff for transient failures without Retry-After: base and cap (default 2 s, 5 minutes). */
  backoff?: { baseMs: number; maxMs: number };
  /** Told how each attempt ended (/metrics counts them); never given the person or the message. */
  outcome?: (outcome: DeliveryOutcome) => void;
}

/**
 * How one attempt ended: sent; retried (a transient failure, tried again later); unreachable (the
 * person left or has no private chat); refused (the platform said no); expired (its moment passed);
 * unknown (its process stopped mid-send).
 */
export type DeliveryOutcome = 'sent' | 'retried' | 'unreachable' | 'refused' | 'expired' | 'unknown';

export class OutboxWorker {
  private running = false;
  private loopDone: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  private lastUpkeep = 0;
  /**
   * Per lane and pool, when this process may next write there (wall ms): its own sends never
   * come closer than the pace, even when one started late, nor before a Retry-After it was given.
   */
  private readonly onPace = new Map<string, number>();
  /**
   * Per pool, the start of the row claimed last: a row starts only after the one claimed before
   * it in its pool, so sends follow their slots even when one row's lookup is slow (a busy
   * machine would otherwise let a long fan-out's rows overtake the lone message slotted first).
   */
  private readonly turns = new Map<string, Promise<void>>();
  /** When the loop last completed a pass: /readyz reads it. */
  lastPassAt: Date | null = null;

  constructor(private readonly options: WorkerOptions) {}

  private get wall(): Date {
    return this.options.wall?.() ?? new Date();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * At shutdown: stops claiming for the loop, then delivers what is due now (replies the last
   * requests recorded included) and waits for what is in flight, for at most `withinMs`. Says
   * whether all of it finished; what is left waits in the database for another replica or the
   * next start. Where the loop never ran (inline delivery, OUTBOX_WORKER=off), it only stops.
   */
  async finish(withinMs: number): Promise<boolean> {
    const wasRunning = this.running;
    const until = Date.now() + withinMs;
    const left = () => Math.max(0, until - Date.now());
    const bounded = <T>(work: Promise<T>) => Promise.race([work, sleep(left()).then(() => 'late' as const)]);
    this.running = false;
    this.notify();
    if ((await bounded(this.loopDone ?? Promise.resolve())) === 'late') return false;
    if (!wasRunning) return true;
    try {
      for (;;) {
        const claimed = await bounded(this.pass());
        if (claimed === 'late') return false;
        if (this.inFlight.size === 0 && claimed === 0) return true;
        if (this.inFlight.size > 0 && (await bounded(Promise.race(this.inFlight))) === 'late') return false;
      }
    } catch (error) {
      // The database is away: what is unsent stays in it.
      this.options.logger.error('outbox not finished at shutdown: the database failed', errorForLog(error));
      return false;
    }
  }

  /** The age of the oldest message still waiting (for /readyz); null when none waits. */
  oldestPendingAgeMs(): Promise<number | null> {
    return this.options.outbox.oldestPendingAgeMs(this.wall);
  }

  /** Something was recorded here: look at once instead of at the next poll. */
  notify(): void {
    this.wake?.();
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const claimed = await this.pass();
        failures = 0;
        if (claimed === 0) await this.idle(this.options.pollMs ?? 250);
      } catch (error) {
        // The database is away: keep trying, more slowly, without losing anything (the rows wait).
        failures++;
        if (failures === 1 || failures % 20 === 0) this.options.logger.error('outbox pass failed, retrying', { failures, ...errorForLog(error) });
        await this.idle(Math.min(5000, 200 * 2 ** Math.min(failures, 5)));
      }
    }
  }

  private async idle(ms: number): Promise<void> {
    const waiting = this.inFlight.size > 0 ? Promise.race(this.inFlight) : new Promise<void>(() => undefined);
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    await Promise.race([sleep(ms), waiting, woken]);
    this.wake = null;
  }

  /** One pass: report the lost, drop the too late (at most once a second), claim what the lanes allow. Returns how many were claimed. */
  async pass(force = false): Promise<number> {
    const { outbox } = this.options;
    const wall = this.wall.getTime();
    if (force || wall - this.lastUpkeep >= UPKEEP_EVERY_MS) {
      this.lastUpkeep = wall;
      await this.upkeep();
    }
    const free = (this.options.concurrency ?? 16) - this.inFlight.size;
    if (free <= 0) return 0;
    const claimed = await outbox.claim(this.wall, {
      owner: this.options.owner,
      limit: free,
      horizonMs: this.options.horizonMs ?? 2000,
      leaseMs: this.options.leaseMs ?? 30_000,
      pacing: this.options.pacing,
      corrupt: (row) => this.options.logger.error('outbox message not sent: its stored content is not a message', { person: row.personId, key: row.key, ...errorForLog(row.error) }),
    });
    for (const row of claimed) {
      const before = this.turns.get(row.pool) ?? Promise.resolve();
      let start!: () => void;
      const started = new Promise<void>((resolve) => {
        start = resolve;
      });
      this.turns.set(row.pool, started);
      void started.then(() => this.turns.get(row.pool) === started && this.turns.delete(row.pool));
      const sending = this.deliver(row, before, start).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
    this.lastPassAt = this.wall;
    return claimed.length;
  }

  private async upkeep(): Promise<void> {
    const { outbox, logger, clock } = this.options;
    for (const lost of await outbox.markUnknown(this.wall, clock.now())) {
      logger.warn('outbox message outcome unknown (its process stopped mid-send); not resent', { person: lost.personId, key: lost.key, code: 'UNKNOWN' });
      this.options.outcome?.('unknown');
    }
    for (const late of await outbox.expire(clock.now())) {
      logger.warn('outbox message dropped: its moment passed before it could be sent', { person: late.personId, key: late.key, code: 'EXPIRED' });
      this.options.outcome?.('expired');
    }
    await this.report();
  }

  /** Until nothing is left to do (tests, and manual ticks): passes and waits for what is in flight. */
  async drain(): Promise<void> {
    await this.upkeep();
    for (;;) {
      const claimed = await this.pass();
      if (this.inFlight.size > 0) await Promise.race(this.inFlight);
      else if (claimed === 0) {
        if ((await this.options.outbox.unsettled()) === 0) {
          // Settling may have finished a fan-out whose report is one more message to deliver.
          await this.upkeep();
          if ((await this.options.outbox.unsettled()) === 0) return;
        } else await sleep(20);
      }
    }
  }

  private async deliver(row: ClaimedMessage, before: Promise<void>, start: () => void): Promise<void> {
    const { outbox, logger, owner } = this.options;
    const person = await this.begin(row, before).finally(start);
    if (!person) return;
    try {
      let sendError: unknown = null;
      try {
        await this.options.deliverer.sendPrivate(person, row.message);
      } catch (error) {
        sendError = error;
      }
      // The platform has answered: its answer must be recorded, or the row turns "unknown"
      // (a sent message reported lost, or a retryable one never retried) when the database
      // blinks at this moment. Decided and logged once; the write is retried while this process lives.
      if (sendError === null) this.options.outcome?.('sent');
      const record = sendError === null ? () => outbox.settle(row.id, owner, { state: 'sent' }, this.options.clock.now()) : this.failed(row, sendError);
      await this.recording(row, record);
    } catch (error) {
      // Stopping while the database is away: the row stays "sending" and is reported unknown later.
      logger.error('outbox outcome not recorded: stopped while the database was away', { key: row.key, ...errorForLog(error) });
    }
  }

  /** Waits for the row's slot and marks it "sending"; the person to send to, or null when it is not this process's to send. */
  private async begin(row: ClaimedMessage, before: Promise<void>): Promise<Person | null> {
    const { outbox, logger, owner } = this.options;
    try {
      const [person] = await this.options.people.people([row.personId]);
      if (!person) {
        this.options.outcome?.('unreachable');
        await outbox.settle(row.id, owner, { state: 'failed', outcome: 'NOT_FOUND' }, this.options.clock.now());
        return null;
      }
      // Only the mark "sending" lies between the slot and the platform call: the pace holds to a
      // few ms. A send that started late (a slow lookup) moves this process's next one on its lane.
      await before;
      for (let wait = this.earliest(row) - this.wall.getTime(); wait > 0; wait = this.earliest(row) - this.wall.getTime()) await sleep(wait);
      this.sentOn(row);
      return (await outbox.startSending(row.id, owner, this.wall, this.options.sendTimeoutMs ?? 5 * 60_000)) ? person : null;
    } catch (error) {
      // The database failed before the platform was called: nothing was sent, whatever the
      // database kept of the start (an update can commit and its answer be lost). The row goes
      // back to waiting, so it is neither left "sending" to be reported unknown nor held by a lease.
      logger.error('outbox message not started: the database failed first; it waits again', { key: row.key, ...errorForLog(error) });
      await this.recording(row, () => outbox.release(row.id, owner)).catch(() => undefined);
      return null;
    }
  }

  private async recording(row: ClaimedMessage, record: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await record();
      } catch (error) {
        if (!this.running && attempt > 0) throw error;
        if (attempt === 0 || attempt % 20 === 0) this.options.logger.error('outbox outcome not recorded yet, retrying', { key: row.key, attempt, ...errorForLog(error) });
        await sleep(Math.min(5000, 100 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  private earliest(row: ClaimedMessage): number {
    const next = (key: string) => this.onPace.get(key) ?? 0;
    return Math.max(row.slot.getTime(), next(row.lane), next(row.pool));
  }

  private sentOn(row: ClaimedMessage): void {
    const now = this.wall.getTime();
    for (const key of [row.lane, row.pool]) {
      // A send that went a little late (a busy event loop) does not push every later one back:
      // the lane's rhythm may catch up by half an interval, so over any run of sends the rate
      // stays at the pace and two sends never come closer than half of it.
      const interval = intervalOf(this.options.pacing, key);
      const due = this.onPace.get(key);
      this.onPace.set(key, (due === undefined ? now : Math.max(due, now - interval / 2)) + interval);
    }
    // Forget lanes idle for a minute: the map stays the size of what is in motion.
    if (this.onPace.size > 10_000) for (const [key, at] of this.onPace) if (now - at > 60_000) this.onPace.delete(key);
  }

  /** Nothing more on the row's lane or pool from this process before `until`. */
  private hold(row: ClaimedMessage, until: number): void {
    for (const key of [row.lane, row.pool]) this.onPace.set(key, Math.max(this.onPace.get(key) ?? 0, until));
  }

  /** What a failed send means for its row, logged once; returns the write that records it. */
  private failed(row: ClaimedMessage, error: unknown): () => Promise<void> {
    const { outbox, logger, owner, clock } = this.options;
    const verdict = classify(error);
    if (verdict.kind === 'transient') {
      const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 2000, maxMs: 5 * 60_000 };
      const backoff = Math.min(maxMs, baseMs * 2 ** Math.min(row.attempts, 16)) * (0.75 + Math.random() / 2);
      const wait = verdict.retryAfterMs ?? backoff;
      if (clock.now().getTime() + wait <= row.deadline.getTime()) {
        this.options.outcome?.('retried');
        logger.warn('outbox message will be retried', { person: row.personId, key: row.key, code: verdict.code, attempt: row.attempts + 1, waitMs: Math.round(wait) });
        const notBefore = this.wall.getTime() + wait;
        // The platform said when: this process's messages already claimed on these lanes wait
        // too, rather than each meeting the same refusal (the database holds the lanes for later claims).
        if (verdict.retryAfterMs !== undefined) this.hold(row, notBefore);
        return () => outbox.retryLater(row, owner, new Date(notBefore), verdict.retryAfterMs !== undefined);
      }
      this.options.outcome?.('expired');
      logger.error('outbox message dropped: still failing at its deadline', { person: row.personId, key: row.key, code: verdict.code, ...errorForLog(error) });
      return () => outbox.settle(row.id, owner, { state: 'failed', outcome: 'EXPIRED' }, clock.now());
    }
    const fields = { person: row.personId, key: row.key, code: verdict.code };
    this.options.outcome?.(PERSONAL_CODES.has(verdict.code) ? 'unreachable' : 'refused');
    if (PERSONAL_CODES.has(verdict.code)) logger.warn('outbox message not delivered: the person cannot be reached', fields);
    else logger.error('outbox message refused by the platform', { ...fields, ...errorForLog(error) });
    return () => outbox.settle(row.id, owner, { state: 'failed', outcome: verdict.code }, clock.now());
  }

  /** Fan-outs now settled: whoever started one hears the counts, if not everyone got theirs. */
  private async report(): Promise<void> {
    const { outbox, clock, people } = this.options;
    for (const batch of await outbox.settledBatches(clock.now())) {
      const sent = batch.counts.filter((c) => c.state === 'sent').reduce((n, c) => n + c.count, 0);
      const total = batch.counts.reduce((n, c) => n + c.count, 0);
      this.options.logger.info('fan-out settled', { batch: batch.id, kind: batch.kind, total, sent });
      if (sent === total || !batch.reportToId) continue;
      const undelivered: Partial<Record<Undelivered, number>> = {};
      for (const c of batch.counts.filter((c) => c.state !== 'sent')) {
        const reason = undeliveredReason(c.outcome);
        undelivered[reason] = (undelivered[reason] ?? 0) + c.count;
      }
      const [to] = await people.people([batch.reportToId]);
      if (!to) continue;
      const message = fanOutReport({ kind: batch.kind as FanOutKind, title: batch.title, total, sent, undelivered }, to.locale ?? this.options.defaultLanguage);
      await outbox.enqueue({ key: `report:${batch.id}`, deadline: new Date(clock.now().getTime() + 7 * 24 * 3600_000) }, [{ to, message }], clock.now(), this.wall);
    }
  }
}
