// A change and the messages it causes commit together, on both databases: a poll that opens
// records every invitation in the same transaction, so a failure between the two (the process
// dying, the connection dropping) leaves the poll still scheduled with nothing recorded, and
// opening it again sends each invitation once. Answers are never mixed inside a larger
// transaction (their own transactions keep answers and participants apart).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage, workspaceOf, type CoreDeps, type UnitOfWork } from '../../src/core/index.ts';
import { closePoll, openPoll } from '../../src/core/polls/jobs.ts';
import { sendPrivateToEach, withdrawPrivate } from '../../src/core/fan-out.ts';
import { closeNow } from '../../src/core/checkins/service.ts';
import { databaseOutbox, databaseUnitOfWork } from '../../src/delivery/outbox.ts';
import { outboxStore } from '../../src/store/outbox.ts';
import { OutboxWorker } from '../../src/delivery/worker.ts';
import { PLATFORM_PACING } from '../../src/delivery/pacing.ts';
import { createStore } from '../../src/store/index.ts';
import { transactions } from '../../src/store/stores.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

describe.each(bothDatabases)('a change and its messages, one unit of work, on $name', (testDb) => {
  let db: Awaited<ReturnType<typeof testDb.open>>;
  let seq = 0;
  const clock = new ManualClock(new Date('2026-12-07T08:00:00Z'));

  beforeAll(async () => {
    db = await testDb.open();
  }, 60_000);
  afterAll(async () => db?.close());

  function world(mode: 'inline' | 'worker' = 'inline') {
    const store = createStore(db.prisma);
    const deliverer = new RecordingDeliverer();
    const logger = new MemoryLogger();
    const rows = outboxStore(db.prisma);
    const worker = new OutboxWorker({ outbox: rows, people: store, deliverer, clock, logger, owner: `uow-${seq}`, pacing: PLATFORM_PACING, defaultLanguage: 'da', pollMs: 20 });
    const unitOfWork = databaseUnitOfWork(transactions(db.prisma), worker, clock, mode);
    const deps: CoreDeps = { store, clock, deliverer, logger, defaultLanguage: 'da', defaultTimeZone: 'Europe/Copenhagen', outbox: databaseOutbox(rows, worker, clock, mode), unitOfWork };
    return { deps, deliverer, unitOfWork, worker };
  }

  async function scheduledPoll(deps: CoreDeps, count: number, createdById: string | null = null) {
    seq += 1;
    const ws = workspaceOf('playground');
    const people: string[] = [];
    for (let i = 0; i < count; i++) people.push((await deps.store.upsertPerson({ platform: 'playground', workspace: ws, externalId: `uow${seq}-${i}`, displayName: `P${i}` })).id);
    const group = await deps.store.createGroup({
      platform: 'playground',
      workspace: ws,
      conversationId: `uow${seq}`,
      name: 'G',
      language: 'da',
      timeZone: 'UTC',
      facilitatorId: people[0]!,
      memberIds: people.slice(1),
    });
    const poll = await deps.store.createPoll(
      {
        title: `Puls ${seq}`,
        instrumentId: null,
        questions: [],
        createdById,
        platform: 'playground',
        workspace: ws,
        audience: [group.id],
        opensAt: clock.now(),
        closesAt: new Date(clock.now().getTime() + 7 * 86_400_000),
        reminders: 0,
        shareWithGroups: false,
        threshold: 3,
        continues: null,
      },
      people.map((personId) => ({ personId, groupId: group.id })),
      clock.now(),
    );
    return poll.id;
  }

  const statusOf = async (pollId: string) => (await db.prisma.poll.findUniqueOrThrow({ where: { id: pollId } })).status;
  const recorded = (pollId: string) => db.prisma.outboxMessage.count({ where: { key: { startsWith: `poll.invite:${pollId}|` } } });

  it('opens a poll and records and sends every invitation', async () => {
    const { deps, deliverer } = world();
    const pollId = await scheduledPoll(deps, 5);
    await openPoll(deps, pollId);
    expect(await statusOf(pollId)).toBe('open');
    expect(await recorded(pollId)).toBe(5);
    expect(deliverer.privates).toHaveLength(5);
  });

  it('keeps neither the opening nor any invitation when the work fails after recording them, and a second opening sends each once', async () => {
    const { deps, deliverer, unitOfWork } = world();
    const pollId = await scheduledPoll(deps, 6);
    // The connection drops after the invitations were written, before the commit.
    const failing: UnitOfWork = {
      atomically: (work) =>
        unitOfWork.atomically((scope) =>
          work({
            ...scope,
            outbox: {
              async enqueue(fanOut, letters) {
                await scope.outbox.enqueue(fanOut, letters);
                throw new Error('connection lost');
              },
              withdraw: scope.outbox.withdraw,
            },
          }),
        ),
    };
    await expect(openPoll({ ...deps, unitOfWork: failing }, pollId)).rejects.toThrow('connection lost');
    expect(await statusOf(pollId)).toBe('scheduled');
    expect(await recorded(pollId)).toBe(0);
    expect(deliverer.privates).toHaveLength(0);

    await openPoll(deps, pollId);
    await openPoll(deps, pollId);
    expect(await statusOf(pollId)).toBe('open');
    expect(await recorded(pollId)).toBe(6);
    const to = deliverer.privates.map((p) => p.person.id);
    expect(new Set(to).size).toBe(6);
    expect(to).toHaveLength(6);
  });

  it('does not send invitations still waiting when the poll closes, and tells HR how many went out and why the rest did not', async () => {
    // The worker is not running: the fan-out waits, as a long one does behind the platform's pace.
    const { deps, deliverer, worker } = world('worker');
    const hr = await deps.store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: `hr${seq}`, displayName: 'HR', locale: 'en' });
    const pollId = await scheduledPoll(deps, 4, hr.id);
    // Another poll whose id begins with this one's would match a careless prefix; it is left alone.
    await db.prisma.outboxMessage.create({
      data: {
        key: `poll.invite:${pollId}0|someone`,
        workspace: 'playground',
        platform: 'playground',
        personId: hr.id,
        lane: 'l',
        pool: 'p',
        position: 0,
        message: { text: 'x' },
        notBefore: clock.now(),
        deadline: new Date(clock.now().getTime() + 86_400_000),
        createdAt: clock.now(),
      },
    });
    await openPoll(deps, pollId);
    expect(await recorded(pollId)).toBe(4);
    await closePoll(deps, pollId);
    const rows = await db.prisma.outboxMessage.findMany({ where: { key: { startsWith: `poll.invite:${pollId}|` } } });
    expect(rows.map((r) => [r.state, r.outcome, r.message])).toEqual(Array.from({ length: 4 }, () => ['failed', 'WITHDRAWN', null]));
    expect((await db.prisma.outboxMessage.findFirstOrThrow({ where: { key: `poll.invite:${pollId}0|someone` } })).state).toBe('pending');
    await db.prisma.outboxMessage.deleteMany({ where: { key: `poll.invite:${pollId}0|someone` } });
    await worker.drain();
    // HR gets the results notice and the count of invitations; no participant gets anything.
    expect(deliverer.privates.every((p) => p.person.id === hr.id)).toBe(true);
    const report = deliverer.privates.map((p) => p.message.text).find((text) => text.includes('were sent to'));
    expect(report).toContain('sent to 0 of 4');
    expect(report).toContain('4 were not sent because the poll had closed before their turn came.');
  });

  it("calls off a cancelled poll's waiting invitations without telling anyone counts", async () => {
    const { deps, deliverer, worker } = world('worker');
    const hr = await deps.store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: `hr${seq}`, displayName: 'HR', locale: 'en' });
    const pollId = await scheduledPoll(deps, 3, hr.id);
    await openPoll(deps, pollId);
    await withdrawPrivate(deps, [`poll.invite:${pollId}|`], { silently: true });
    await worker.drain();
    expect(deliverer.privates).toHaveLength(0);
    expect(await db.prisma.outboxMessage.count({ where: { key: { startsWith: `poll.invite:${pollId}|` }, state: 'failed', outcome: 'WITHDRAWN' } })).toBe(3);
  });

  it('does not send a nudge still waiting when its check-in closes', async () => {
    const { deps, deliverer, worker } = world('worker');
    seq += 1;
    const ws = workspaceOf('playground');
    const facilitator = await deps.store.upsertPerson({ platform: 'playground', workspace: ws, externalId: `f${seq}`, displayName: 'F' });
    const member = await deps.store.upsertPerson({ platform: 'playground', workspace: ws, externalId: `m${seq}`, displayName: 'M' });
    const group = await deps.store.createGroup({
      platform: 'playground',
      workspace: ws,
      conversationId: `ci${seq}`,
      name: 'G',
      language: 'da',
      timeZone: 'UTC',
      facilitatorId: facilitator.id,
      memberIds: [member.id],
    });
    const checkin = await deps.store.startCheckin(group.id, clock.now());
    const round = checkin.rounds[0]!;
    await sendPrivateToEach(deps, { key: `nudge:${round.id}:${member.id}:${clock.now().toISOString()}`, deadline: new Date(clock.now().getTime() + 3600_000) }, [
      { to: member, message: textMessage('Husk runden') },
    ]);
    await closeNow(deps, group, await deps.store.memberships(group.id));
    await worker.drain();
    expect(deliverer.privates.map((p) => p.message.text)).not.toContain('Husk runden');
    expect((await db.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: `nudge:${round.id}:` } } })).outcome).toBe('WITHDRAWN');
  });

  it("refuses to mix a poll's answers inside a larger transaction", async () => {
    const { deps, unitOfWork } = world();
    const pollId = await scheduledPoll(deps, 3);
    await deps.store.setPollStatus(pollId, 'scheduled', 'open');
    await expect(unitOfWork.atomically(({ store }) => store.mixPollAnswers(pollId, 0))).rejects.toThrow(/outside any unit of work/);
  });
});
