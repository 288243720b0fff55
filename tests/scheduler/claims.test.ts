// The scheduler's promise, on both databases: each occurrence is delivered once however many
// schedulers tick at once; an occurrence missed by less than the grace period is delivered
// once, an older one is skipped and logged; a claim whose outcome is unknown is reported and
// never resent, unless its job may safely run again (it only records under unique keys), which
// the next scheduler does, once, whichever replica ticks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { nextOf } from '../../src/scheduler/planner.ts';
import type { Occurrence as Job } from '../../src/core/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock, MemoryLogger } from '../support/fakes.ts';

const HOUR = 60 * 60 * 1000;

for (const kind of bothDatabases) {
  describe(`scheduled occurrences on ${kind.name}`, () => {
    let db: Database & { url: string | null };
    let replica: Database | null = null;
    beforeAll(async () => {
      db = await kind.open();
      // On PostgreSQL a second connection pool stands in for a second replica.
      if (db.url) replica = await openDatabase({ kind: 'postgresql', url: db.url });
    }, 60_000);
    afterAll(async () => {
      await replica?.close();
      await db?.close();
    });
    // Each case starts from an empty schedule table, so one case's schedules are not due in another's.
    beforeEach(async () => {
      await db.prisma.schedule.deleteMany();
    });

    function scheduler(clock: ManualClock, delivered: Job[], database: Database = db, owner = 'a', logger = new MemoryLogger()) {
      const instance = new Scheduler({
        schedules: scheduleStore(database.prisma),
        run: async (job) => {
          delivered.push(job);
        },
        nextOf,
        clock,
        logger,
        owner,
      });
      return Object.assign(instance, { logger });
    }

    it('delivers a due occurrence once when several schedulers tick at the same moment', async () => {
      const clock = new ManualClock(new Date('2026-11-30T08:00:00Z'));
      const schedules = scheduleStore(db.prisma);
      for (let i = 0; i < 20; i++) {
        await schedules.put({ kind: 'nudge', subject: `once-${i}`, groupId: null, timeZone: 'UTC', nextAt: new Date('2026-11-30T07:59:00Z') }, clock.now());
      }
      await schedules.put({ kind: 'checkin.open', subject: 'weekly', cron: '0 9 * * 1', timeZone: 'Europe/Copenhagen', nextAt: new Date('2026-11-30T08:00:00Z') }, clock.now());
      const delivered: Job[] = [];
      const ticking = [scheduler(clock, delivered, db, 'a'), scheduler(clock, delivered, replica ?? db, 'b'), scheduler(clock, delivered, db, 'c')];
      await Promise.all(ticking.map((s) => s.tick()));
      await Promise.all(ticking.map((s) => s.tick()));
      expect(delivered.map((j) => j.subject).sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `once-${i}`), 'weekly'].sort());
      const weekly = await schedules.find('checkin.open', 'weekly');
      expect(weekly?.nextAt?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
      const sent = await db.prisma.occurrence.count({ where: { status: 'sent' } });
      // One claim row per occurrence, by whichever scheduler won it.
      expect(sent).toBe(21);
    });

    it('delivers an occurrence missed by less than the grace period once, and skips and logs an older one', async () => {
      const clock = new ManualClock(new Date('2026-12-01T12:00:00Z'));
      const schedules = scheduleStore(db.prisma);
      await schedules.put({ kind: 'nudge', subject: 'missed-by-1h', timeZone: 'UTC', nextAt: new Date(clock.now().getTime() - 1 * HOUR) }, clock.now());
      await schedules.put({ kind: 'nudge', subject: 'missed-by-3h', timeZone: 'UTC', nextAt: new Date(clock.now().getTime() - 3 * HOUR) }, clock.now());
      const delivered: Job[] = [];
      const ticker = scheduler(clock, delivered);
      const result = await ticker.tick();
      expect(delivered.map((j) => j.subject)).toEqual(['missed-by-1h']);
      expect(result).toMatchObject({ delivered: 1, skipped: 1 });
      expect(ticker.logger.lines.filter((l) => l.message.includes('missed by more than the grace period'))).toHaveLength(1);
      await ticker.tick();
      expect(delivered).toHaveLength(1);
    });

    it("after days of downtime, delivers a weekly schedule's latest occurrence within grace once and skips the rest", async () => {
      const clock = new ManualClock(new Date('2026-12-21T09:30:00Z'));
      const schedules = scheduleStore(db.prisma);
      // Due every Monday 09:00 UTC; last run planned for 2026-12-07, the process was down since.
      await schedules.put({ kind: 'checkin.open', subject: 'downtime', cron: '0 9 * * 1', timeZone: 'UTC', nextAt: new Date('2026-12-07T09:00:00Z') }, clock.now());
      const delivered: Job[] = [];
      const result = await scheduler(clock, delivered).tick();
      expect(delivered.map((j) => [j.subject, j.at.toISOString()])).toEqual([['downtime', '2026-12-21T09:00:00.000Z']]);
      expect(result.skipped).toBe(2);
      expect((await schedules.find('checkin.open', 'downtime'))?.nextAt?.toISOString()).toBe('2026-12-28T09:00:00.000Z');
    });

    it('reports a claim whose outcome is unknown, and does not resend it', async () => {
      const clock = new ManualClock(new Date('2026-12-02T10:00:00Z'));
      const schedules = scheduleStore(db.prisma);
      // A check-in's opening posts to its channel directly: a second run could post it twice.
      await schedules.put({ kind: 'checkin.open', subject: 'died-mid-send', timeZone: 'UTC', nextAt: new Date('2026-12-02T09:59:00Z') }, clock.now());
      // The first process claims it and dies before recording the outcome.
      await schedules.claimDue(clock.now(), { graceMs: 2 * HOUR, owner: 'crashed', limit: 10, nextOf });
      const delivered: Job[] = [];
      clock.advance(11 * 60 * 1000);
      const ticker = scheduler(clock, delivered);
      const result = await ticker.tick();
      expect(result.unknown).toBe(1);
      expect(delivered).toEqual([]);
      const reported = ticker.logger.lines.find((l) => l.message.includes('unknown outcome'));
      expect(reported?.fields).toMatchObject({ claimedBy: 'crashed' });
      const row = await db.prisma.occurrence.findFirst({ where: { schedule: { subject: 'died-mid-send' } } });
      expect(row?.status).toBe('unknown');
    });

    it('runs a resumable job again, once, when its process died mid-run, and only once more', async () => {
      const clock = new ManualClock(new Date('2026-12-02T12:00:00Z'));
      const schedules = scheduleStore(db.prisma);
      await schedules.put({ kind: 'nudge', subject: 'resumed', groupId: null, timeZone: 'UTC', nextAt: new Date('2026-12-02T11:59:00Z'), payload: { roundId: 'r1' } }, clock.now());
      await schedules.claimDue(clock.now(), { graceMs: 2 * HOUR, owner: 'crashed', limit: 10, nextOf });
      const delivered: Job[] = [];
      // Before the claim is stale nothing happens: its process may still be at work.
      expect((await scheduler(clock, delivered).tick()).delivered).toBe(0);
      clock.advance(11 * 60 * 1000);
      const ticking = [scheduler(clock, delivered, db, 'a'), scheduler(clock, delivered, replica ?? db, 'b')];
      const results = await Promise.all(ticking.map((s) => s.tick()));
      expect(delivered).toEqual([{ kind: 'nudge', subject: 'resumed', groupId: null, payload: { roundId: 'r1' }, at: new Date('2026-12-02T11:59:00Z') }]);
      expect(results.map((r) => r.unknown)).toEqual([0, 0]);
      const row = await db.prisma.occurrence.findFirst({ where: { schedule: { subject: 'resumed' } } });
      expect(row?.status).toBe('sent');
      expect(ticking.flatMap((s) => s.logger.lines).filter((l) => l.message.includes('run again'))).toHaveLength(1);
    });

    it('takes a stale claim over once only: if the second run also dies, it is reported unknown', async () => {
      const clock = new ManualClock(new Date('2026-12-02T14:00:00Z'));
      const schedules = scheduleStore(db.prisma);
      await schedules.put({ kind: 'prompt.weekly', subject: 'dies-twice', groupId: null, timeZone: 'UTC', nextAt: new Date('2026-12-02T13:59:00Z') }, clock.now());
      await schedules.claimDue(clock.now(), { graceMs: 2 * HOUR, owner: 'crashed', limit: 10, nextOf });
      clock.advance(11 * 60 * 1000);
      expect(await schedules.resumeStale(clock.now(), 10 * 60 * 1000, 'second', ['prompt.weekly'])).toHaveLength(1);
      // The second process dies too.
      clock.advance(11 * 60 * 1000);
      const delivered: Job[] = [];
      const result = await scheduler(clock, delivered).tick();
      expect(delivered).toEqual([]);
      expect(result.unknown).toBe(1);
    });

    it('records a failed delivery as failed, once, without retrying it', async () => {
      const clock = new ManualClock(new Date('2026-12-03T10:00:00Z'));
      const schedules = scheduleStore(db.prisma);
      await schedules.put({ kind: 'nudge', subject: 'fails', timeZone: 'UTC', nextAt: new Date('2026-12-03T09:59:00Z') }, clock.now());
      let calls = 0;
      const failing = new Scheduler({
        schedules,
        run: async () => {
          calls++;
          throw new Error('platform down');
        },
        nextOf,
        clock,
        logger: new MemoryLogger(),
        owner: 'f',
      });
      expect(await failing.tick()).toMatchObject({ delivered: 0, failed: 1 });
      expect(await failing.tick()).toMatchObject({ delivered: 0, failed: 0 });
      expect(calls).toBe(1);
      expect((await db.prisma.occurrence.findFirst({ where: { schedule: { subject: 'fails' } } }))?.status).toBe('failed');
    });
  });
}
