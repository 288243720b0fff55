// Retention on the simulated clock (issue 15, point 4), on both databases: the daily pass is a
// system schedule at 03:30 Copenhagen time; when the scheduler delivers it, round answers,
// takeaways and attendance of check-ins closed longer than RETENTION_DAYS ago go, and so do
// agreements finished longer ago, with their follow-ups, history and jobs. Nothing newer, nothing
// open, nothing the register keeps. And the sweep's rules are the register's, by the compiler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLederrum, RETENTION_SCHEDULE, workspaceOf } from '../../src/core/index.ts';
import { createStore, type Database } from '../../src/store/index.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { ensureSystemSchedule, nextOf, schedulePlanner } from '../../src/scheduler/planner.ts';
import { PERSONAL_DATA, type PersonalTable } from '../../src/store/personal-data.ts';
import { KEPT, SWEEP, type SweepRules } from '../../src/store/retention.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';
import { DAY, seedWorkspace, type Seeded } from '../support/workspace-seed.ts';

const ZONE = 'Europe/Copenhagen';
// 02:00 in Copenhagen (summer time): the pass is due at 03:30, 01:30 UTC.
const START = new Date('2027-06-01T00:00:00Z');

describe('the sweep follows the register', () => {
  it('deletes exactly the tables whose retention is not "kept"', () => {
    for (const table of Object.keys(PERSONAL_DATA) as PersonalTable[]) {
      expect(SWEEP[table] === KEPT, table).toBe(PERSONAL_DATA[table].retention === 'kept');
    }
    expect(Object.keys(SWEEP).sort()).toEqual(Object.keys(PERSONAL_DATA).sort());
  });

  it('does not compile when a rule disagrees with the register (checked by tsc)', () => {
    // @ts-expect-error Answer's retention is 'answers': the sweep may not keep it.
    const keepsAnswers: SweepRules = { ...SWEEP, Answer: KEPT };
    // @ts-expect-error User's retention is 'kept': the sweep may not delete people.
    const deletesPeople: SweepRules = { ...SWEEP, User: async () => ({}) };
    expect([keepsAnswers, deletesPeople]).toHaveLength(2);
  });
});

for (const kind of bothDatabases) {
  describe(`retention on the simulated clock, ${kind.name}`, () => {
    let db: Database;
    let north: Seeded;
    let south: Seeded;
    const clock = new ManualClock(START);
    const logger = new MemoryLogger();
    let scheduler: Scheduler;
    let store: ReturnType<typeof createStore>;
    let planner: ReturnType<typeof schedulePlanner>;

    beforeAll(async () => {
      db = await kind.open();
      north = await seedWorkspace(db.prisma, { platform: 'slack', workspace: 'slack:TNORTH', conversationId: 'TNORTH:C1', people: ['TNORTH:U1', 'TNORTH:U2'], tag: 'north' }, START);
      south = await seedWorkspace(db.prisma, { platform: 'teams', workspace: 'teams:tenant-south', conversationId: '19:south@thread.tacv2', people: ['29:s1', '29:s2'], tag: 'south' }, START);
      const schedules = scheduleStore(db.prisma);
      store = createStore(db.prisma);
      planner = schedulePlanner(schedules, clock);
      const core = createLederrum({
        store,
        clock,
        deliverer: new RecordingDeliverer(),
        logger,
        defaultLanguage: 'da',
        defaultTimeZone: ZONE,
        planner,
        retention: { days: 365, uninstallGraceDays: 30 },
      });
      // As at start-up, on two replicas at once: one schedule.
      await Promise.all([ensureSystemSchedule(schedules, clock, { ...RETENTION_SCHEDULE, timeZone: ZONE }), ensureSystemSchedule(schedules, clock, { ...RETENTION_SCHEDULE, timeZone: ZONE })]);
      scheduler = new Scheduler({ schedules, run: (job) => core.runJob(job), nextOf, clock, logger, owner: 'test' });
    }, 120_000);
    afterAll(async () => db?.close());

    const answersOf = (checkinId: string) => db.prisma.answer.count({ where: { round: { checkinId } } });
    const attendanceOf = (checkinId: string) => db.prisma.attendance.count({ where: { checkinId } });
    const agreementIds = async () => (await db.prisma.agreement.findMany({ select: { id: true } })).map((a) => a.id).sort();

    it("plans one daily pass at 03:30 in the deployment's zone", async () => {
      const rows = await db.prisma.schedule.findMany({ where: { kind: 'data.retention' } });
      expect(rows.map((r) => ({ subject: r.subject, cron: r.cron, timeZone: r.timeZone, nextAt: r.nextAt }))).toEqual([
        { subject: 'system', cron: '30 3 * * *', timeZone: ZONE, nextAt: new Date('2027-06-01T01:30:00Z') },
      ]);
    });

    it('deletes nothing before the pass is due', async () => {
      clock.advance(60 * 60 * 1000); // 03:00
      expect((await scheduler.tick()).delivered).toBe(0);
      for (const seeded of [north, south]) {
        expect(await answersOf(seeded.checkins.old)).toBe(4);
        expect(await attendanceOf(seeded.checkins.old)).toBe(2);
      }
      expect(await db.prisma.agreement.count()).toBe(10);
    });

    it('at 03:30 deletes answers, takeaways and attendance of check-ins closed more than 365 days ago, and nothing newer or open', async () => {
      clock.advance(30 * 60 * 1000); // 03:30
      expect(await scheduler.tick()).toMatchObject({ delivered: 1, failed: 0 });
      for (const seeded of [north, south]) {
        expect(await answersOf(seeded.checkins.old)).toBe(0);
        expect(await attendanceOf(seeded.checkins.old)).toBe(0);
        expect(await answersOf(seeded.checkins.recent)).toBe(4);
        expect(await attendanceOf(seeded.checkins.recent)).toBe(2);
        // Opened long ago but never closed: not swept.
        expect(await answersOf(seeded.checkins.open)).toBe(4);
        // The check-in itself, its rounds, the people, their groups and posts are the register's "kept".
        expect(await db.prisma.round.count({ where: { checkinId: seeded.checkins.old } })).toBe(2);
        expect(await db.prisma.user.count({ where: { id: { in: seeded.userIds } } })).toBe(2);
        expect(await db.prisma.membership.count({ where: { groupId: seeded.groupId } })).toBe(2);
        expect(await db.prisma.toolSession.count({ where: { userId: { in: seeded.userIds } } })).toBe(1);
        // A leader's own WHO-5, 400 days old: their trend, kept until they delete it.
        expect(await db.prisma.wellbeingEntry.count({ where: { userId: { in: seeded.userIds } } })).toBe(1);
        expect(await db.prisma.pollParticipant.count({ where: { pollId: seeded.pollId } })).toBe(2);
      }
      expect(await db.prisma.personPost.count()).toBe(24);
    });

    it('deleted agreements finished more than 365 days ago with their follow-ups, history and jobs; kept active and recent ones', async () => {
      const gone = [north, south].flatMap((s) => [s.agreements.oldKept, s.agreements.oldStopped, s.agreements.oldGroupStopped]);
      const stay = [north, south].flatMap((s) => [s.agreements.oldActive, s.agreements.recentKept]);
      expect(await agreementIds()).toEqual(stay.sort());
      expect(await db.prisma.agreementFollowUp.count({ where: { agreementId: { in: gone } } })).toBe(0);
      expect(await db.prisma.agreementEvent.count({ where: { agreementId: { in: gone } } })).toBe(0);
      expect(await db.prisma.schedule.count({ where: { kind: 'agreement.followup', subject: { in: gone } } })).toBe(0);
      expect(await db.prisma.agreementFollowUp.count({ where: { agreementId: { in: stay } } })).toBe(4);
      expect(await db.prisma.agreementEvent.count({ where: { agreementId: { in: stay } } })).toBe(8);
      expect(await db.prisma.schedule.count({ where: { kind: 'agreement.followup', subject: { in: stay } } })).toBe(4);
    });

    it('logs what it deleted as counts, never content', () => {
      const line = logger.lines.find((l) => l.message === 'retention pass done');
      expect(line?.fields).toMatchObject({ days: 365, cutoff: '2026-06-01T01:30:00.000Z', answers: 8, attendance: 4, agreements: 6, agreement_history: 12 });
      expect(JSON.stringify(logger.lines)).not.toContain('north take_away');
    });

    it('runs again the next night, and then takes what has since grown old', async () => {
      // The recent "kept" agreements changed 364 days before the start: a night later they are past 365 days.
      const recent = [north.agreements.recentKept, south.agreements.recentKept];
      expect(await db.prisma.agreement.count({ where: { id: { in: recent } } })).toBe(2);
      clock.advance(DAY);
      expect((await scheduler.tick()).delivered).toBe(1);
      expect(await db.prisma.agreement.count({ where: { id: { in: recent } } })).toBe(0);
      clock.advance(DAY);
      expect((await scheduler.tick()).delivered).toBe(1);
      expect(await db.prisma.agreement.count({ where: { id: { in: [north.agreements.oldActive, south.agreements.oldActive] } } })).toBe(2);
      const passes = await db.prisma.occurrence.findMany({ where: { schedule: { kind: 'data.retention' } }, orderBy: { at: 'asc' } });
      expect(passes.map((p) => [p.at.toISOString(), p.status])).toEqual([
        ['2027-06-01T01:30:00.000Z', 'sent'],
        ['2027-06-02T01:30:00.000Z', 'sent'],
        ['2027-06-03T01:30:00.000Z', 'sent'],
      ]);
    });

    it('runs an uninstall removal the scheduler skipped (Lederrum was down at its time) at the next nightly pass', async () => {
      const late = { platform: 'slack' as const, workspace: workspaceOf('slack', 'TLATE'), scope: '' };
      await seedWorkspace(db.prisma, { platform: 'slack', workspace: late.workspace, conversationId: 'TLATE:C1', people: ['TLATE:U1', 'TLATE:U2'], tag: 'late' }, clock.now());
      const dueAt = new Date(clock.now().getTime() - 3 * 60 * 60 * 1000);
      await store.requestRemoval({ ...late, requestedAt: new Date(dueAt.getTime() - 30 * DAY), deleteAt: dueAt });
      await planner.once({ kind: 'data.removal', subject: 'slack|slack:TLATE|', groupId: null, at: dueAt, payload: { ...late } });
      // Three hours late: past the scheduler's two-hour grace, so the job itself is skipped.
      expect(await scheduler.tick()).toMatchObject({ delivered: 0, skipped: 1 });
      expect(await db.prisma.user.count({ where: { workspace: late.workspace } })).toBe(2);
      clock.advance(DAY);
      await scheduler.tick();
      const pass = await db.prisma.occurrence.findFirst({ where: { schedule: { kind: 'data.retention' } }, orderBy: { at: 'desc' } });
      expect([pass?.at.toISOString(), pass?.status]).toEqual(['2027-06-04T01:30:00.000Z', 'sent']);
      expect(await db.prisma.user.count({ where: { workspace: late.workspace } })).toBe(0);
      expect(await db.prisma.group.count({ where: { workspace: late.workspace } })).toBe(0);
      expect(await db.prisma.user.count({ where: { workspace: 'slack:TNORTH' } })).toBe(2);
      expect(logger.lines.some((l) => l.message.startsWith('data removal overdue'))).toBe(true);
    });
  });
}
