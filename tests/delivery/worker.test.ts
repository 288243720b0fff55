// The outbox worker on both databases, with a deliverer that fails the way platforms do: each
// recipient's message is its own (a permanent failure is theirs alone, logged with its code), a
// transient one is retried until its deadline, a lone message overtakes a long fan-out, a row a
// dead process left "sending" is reported unknown and never resent, a reservation whose lease ran
// out is taken over and sent once, and whoever started a fan-out hears how many arrived.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStore } from '../../src/store/index.ts';
import { LederrumError, textMessage, workspaceOf, type Actor, type Message, type Person } from '../../src/core/index.ts';
import type { OutboxStore } from '../../src/delivery/outbox-store.ts';
import { outboxStore } from '../../src/store/outbox.ts';
import { OutboxWorker } from '../../src/delivery/worker.ts';
import type { Pacing } from '../../src/delivery/pacing.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

const NO_PACE: Pacing = { slack: { conversationMs: 0, workspaceMs: 0 }, teams: { conversationMs: 0, workspaceMs: 0 }, playground: { conversationMs: 0, workspaceMs: 0 } };
const HOUR = 3600_000;

/** Fails for the people it is told to, as a platform adapter would (a LederrumError with the platform's error as cause). */
class FlakyDeliverer extends RecordingDeliverer {
  readonly failures = new Map<string, Array<() => Error>>();
  readonly attempts = new Map<string, number>();
  override async sendPrivate(person: Person, message: Message): Promise<void> {
    this.attempts.set(person.id, (this.attempts.get(person.id) ?? 0) + 1);
    const next = this.failures.get(person.id)?.shift();
    if (next) throw next();
    await super.sendPrivate(person, message);
  }
}

const slackGone = () => new LederrumError('NOT_IN_CONVERSATION', 'error.not_in_conversation', { detail: 'Slack chat.postMessage: account_inactive' });
const http503 = () => new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: Object.assign(new Error('unavailable'), { statusCode: 503 }) });
const throttled = (seconds: number) =>
  new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: Object.assign(new Error('429'), { statusCode: 429, response: { headers: { 'retry-after': String(seconds) } } }) });

for (const kind of bothDatabases) {
  describe(`the outbox worker, ${kind.name}`, () => {
    let db: Awaited<ReturnType<typeof kind.open>>;
    let rows: OutboxStore;
    let people: Person[];
    let hr: Person;
    let clock: ManualClock;
    let logger: MemoryLogger;
    let deliverer: FlakyDeliverer;
    const workers: OutboxWorker[] = [];

    const worker = (owner: string, pacing: Pacing = NO_PACE, extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) => {
      const created = new OutboxWorker({
        outbox: rows,
        people: createStore(db.prisma),
        deliverer,
        clock,
        logger,
        owner,
        pacing,
        defaultLanguage: 'da',
        pollMs: 20,
        backoff: { baseMs: 10, maxMs: 40 },
        ...extra,
      });
      workers.push(created);
      return created;
    };
    const letters = (to: Person[], text = 'hej') => to.map((p) => ({ to: p, message: textMessage(`${text} ${p.displayName}`) }));
    const enqueue = (key: string, to: Person[], extra: { deadline?: Date; report?: boolean } = {}) =>
      rows.enqueue(
        { key, deadline: extra.deadline ?? new Date(clock.now().getTime() + HOUR), ...(extra.report ? { report: { to: hr, kind: 'poll.invitations', title: 'Trivsel' } } : {}) },
        letters(to, key),
        clock.now(),
        new Date(),
      );
    const stateOf = async (key: string) => db.prisma.outboxMessage.findMany({ where: { key: { startsWith: `${key}|` } }, orderBy: { position: 'asc' } });

    beforeAll(async () => {
      db = await kind.open();
      const store = createStore(db.prisma);
      const actor = (i: number): Actor => ({ platform: 'slack', workspace: workspaceOf('slack', 'T1'), externalId: `T1:U${i}`, displayName: `Person ${i}` });
      people = [];
      for (let i = 0; i < 12; i++) people.push(await store.upsertPerson(actor(i)));
      hr = await store.upsertPerson({ ...actor(99), displayName: 'HR', locale: 'en' });
      rows = outboxStore(db.prisma);
    }, 60_000);
    beforeEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      clock = new ManualClock();
      logger = new MemoryLogger();
      deliverer = new FlakyDeliverer();
      await db.prisma.outboxMessage.deleteMany();
      await db.prisma.outboxBatch.deleteMany();
      await db.prisma.outboxLane.deleteMany();
    });
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await db?.close();
    });

    it('records each key once, and a repeated fan-out records nothing twice', async () => {
      expect(await enqueue('twice', people.slice(0, 3))).toBe(3);
      expect(await enqueue('twice', people.slice(0, 4))).toBe(1);
      await worker('w1').drain();
      expect(deliverer.privates.map((p) => p.person.id).sort()).toEqual(
        people
          .slice(0, 4)
          .map((p) => p.id)
          .sort(),
      );
    });

    it('delivers to everyone but the one who left; theirs is failed with its code, logged, and its content gone', async () => {
      deliverer.failures.set(people[3]!.id, [slackGone]);
      await enqueue('left', people);
      await worker('w1').drain();
      expect(deliverer.privates).toHaveLength(people.length - 1);
      const settled = await stateOf('left');
      expect(settled.filter((r) => r.state === 'sent')).toHaveLength(people.length - 1);
      expect(settled.find((r) => r.personId === people[3]!.id)).toMatchObject({ state: 'failed', outcome: 'NOT_IN_CONVERSATION', message: null });
      expect(settled.every((r) => r.message === null)).toBe(true);
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ person: people[3]!.id, code: 'NOT_IN_CONVERSATION' }) }));
    });

    it('retries a transient failure with backoff, and honours Retry-After on the lanes', async () => {
      deliverer.failures.set(people[0]!.id, [http503, http503]);
      deliverer.failures.set(people[1]!.id, [() => throttled(1)]);
      const started = Date.now();
      await enqueue('flaky', people.slice(0, 2));
      await worker('w1').drain();
      expect(deliverer.attempts.get(people[0]!.id)).toBe(3);
      expect(deliverer.privates.map((p) => p.person.id).sort()).toEqual([people[0]!.id, people[1]!.id].sort());
      // Retry-After: 1 is waited out before the second try.
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect((await stateOf('flaky')).map((r) => r.state)).toEqual(['sent', 'sent']);
      expect(logger.lines.filter((l) => l.message === 'outbox message will be retried').map((l) => l.fields?.['code'])).toEqual(expect.arrayContaining(['HTTP_503', 'RATE_LIMITED']));
    });

    it('holds what it already claimed in a throttled workspace until Retry-After, instead of each meeting the same refusal', async () => {
      // Slots far enough apart that the refusal is back before the next one is due.
      const paced: Pacing = { ...NO_PACE, slack: { conversationMs: 0, workspaceMs: 200 } };
      deliverer.failures.set(people[0]!.id, [() => throttled(1)]);
      const tried: number[] = [];
      const original = deliverer.sendPrivate.bind(deliverer);
      deliverer.sendPrivate = async (person, message) => {
        tried.push(Date.now());
        return original(person, message);
      };
      await enqueue('held', people.slice(0, 5));
      await worker('w1', paced).drain();
      // Five claimed at once (slots 200 ms apart); the first is refused, the other four wait.
      expect(tried).toHaveLength(6);
      for (const at of tried.slice(1)) expect(at - tried[0]!).toBeGreaterThanOrEqual(950);
      expect((await stateOf('held')).map((r) => r.state)).toEqual(Array(5).fill('sent'));
    });

    it('drops a message whose moment has passed, and one still failing at its deadline, logging both', async () => {
      await enqueue('late', [people[0]!], { deadline: new Date(clock.now().getTime() + 1000) });
      clock.advance(2000);
      deliverer.failures.set(people[1]!.id, [http503, http503, http503, http503]);
      await enqueue('failing', [people[1]!], { deadline: new Date(clock.now().getTime() + 5) });
      await worker('w1').drain();
      expect(deliverer.privates).toEqual([]);
      expect((await stateOf('late'))[0]).toMatchObject({ state: 'failed', outcome: 'EXPIRED' });
      expect((await stateOf('failing'))[0]).toMatchObject({ state: 'failed', outcome: 'EXPIRED' });
      expect(logger.lines.filter((l) => l.fields?.['code'] === 'EXPIRED' || l.message.includes('deadline'))).toHaveLength(2);
    });

    it('lets a lone message overtake a long fan-out already under way', async () => {
      const paced: Pacing = { ...NO_PACE, slack: { conversationMs: 0, workspaceMs: 40 } };
      await enqueue('long', people.slice(0, 10));
      // Three of the fan-out went out (claimed, sent) before the lone message was recorded.
      for (const row of await rows.claim(new Date(), { owner: 'x', limit: 3, horizonMs: 1000, leaseMs: 1000, pacing: paced })) {
        await rows.startSending(row.id, 'x', new Date(), 1000);
        await rows.settle(row.id, 'x', { state: 'sent' }, clock.now());
      }
      await enqueue('lone', [people[11]!]);
      // The lone one's lookup is slow (a busy machine): it still goes first, as its slot says.
      const store = createStore(db.prisma);
      const slowFor = people[11]!.id;
      const lookups = { people: async (ids: string[]) => (ids.includes(slowFor) ? sleep(150).then(() => store.people(ids)) : store.people(ids)) };
      await worker('w1', paced, { people: lookups }).drain();
      const order = deliverer.privates.map((p) => p.message.text.split(' ')[0]);
      expect(order).toEqual(['lone', ...Array(7).fill('long')]);
    });

    it('keeps one conversation to its pace across two workers', async () => {
      const paced: Pacing = { ...NO_PACE, slack: { conversationMs: 150, workspaceMs: 0 } };
      // What the two workers share is the lane's slots in the database; each then sends at or
      // after its own slot. (When a send happens past its slot depends on the machine's load,
      // so the gaps between the calls themselves are not what is checked.)
      const slots = new Map<string, number>();
      const recording: OutboxStore = {
        ...rows,
        claim: async (...args) => {
          const claimed = await rows.claim(...args);
          for (const row of claimed) slots.set(row.message.text.split(' ')[0]!, row.slot.getTime());
          return claimed;
        },
      };
      const sentAt = new Map<string, number>();
      const original = deliverer.sendPrivate.bind(deliverer);
      deliverer.sendPrivate = async (person, message) => {
        sentAt.set(message.text.split(' ')[0]!, Date.now());
        return original(person, message);
      };
      for (const key of ['a', 'b', 'c', 'd']) await enqueue(`pace-${key}`, [people[0]!]);
      await Promise.all([worker('w1', paced, { outbox: recording }).drain(), worker('w2', paced, { outbox: recording }).drain()]);
      expect([...sentAt.keys()].sort()).toEqual(['pace-a', 'pace-b', 'pace-c', 'pace-d']);
      const reserved = [...slots.values()].sort((x, y) => x - y);
      expect(reserved).toHaveLength(4);
      for (const [i, slot] of reserved.slice(1).entries()) expect(slot - reserved[i]!).toBeGreaterThanOrEqual(150);
      for (const [key, at] of sentAt) expect(at, key).toBeGreaterThanOrEqual(slots.get(key)!);
    });

    it('reports a row a dead process left sending as unknown, never resends it, and takes over its lapsed reservations', async () => {
      await enqueue('crash', people.slice(0, 3));
      const [first, second] = await stateOf('crash');
      const past = new Date(Date.now() - 1000);
      // Process "dead": one row mid-send, one only reserved; both leases ran out.
      await db.prisma.outboxMessage.update({ where: { id: first!.id }, data: { state: 'sending', leaseOwner: 'dead', leaseUntil: past, attempts: 1 } });
      await db.prisma.outboxMessage.update({ where: { id: second!.id }, data: { leaseOwner: 'dead', leaseUntil: past } });
      await worker('w1').drain();
      expect(deliverer.privates.map((p) => p.person.id).sort()).toEqual([people[1]!.id, people[2]!.id].sort());
      expect((await stateOf('crash')).map((r) => [r.state, r.outcome])).toEqual([
        ['unknown', 'UNKNOWN'],
        ['sent', null],
        ['sent', null],
      ]);
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ code: 'UNKNOWN', person: people[0]!.id }) }));
    });

    it('records the answer of a send that outlasted its send timeout (a long database outage) instead of leaving it unknown', async () => {
      // The platform answers only after the row counts as lost: another replica (or this one, once
      // the database is back) has marked it unknown by then. It is never resent either way; the
      // answer, when it comes, is what is recorded.
      let answer: () => void = () => undefined;
      const original = deliverer.sendPrivate.bind(deliverer);
      deliverer.sendPrivate = async (person, message) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return original(person, message);
      };
      await enqueue('slow', [people[0]!]);
      const w = worker('w1', NO_PACE, { sendTimeoutMs: 10 });
      const draining = w.drain();
      while ((await stateOf('slow'))[0]!.state !== 'sending') await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(await rows.markUnknown(new Date(), clock.now())).toHaveLength(1);
      answer();
      await draining;
      expect(deliverer.privates).toHaveLength(1);
      expect((await stateOf('slow'))[0]).toMatchObject({ state: 'sent', outcome: null });
    });

    it('sends once a message whose start the database kept but whose answer it lost, instead of leaving it "sending"', async () => {
      await enqueue('lost-answer', people.slice(0, 3));
      const [first] = await stateOf('lost-answer');
      // The update marking it "sending" commits, and the connection drops before its answer arrives.
      const blinking: OutboxStore = {
        ...rows,
        async startSending(id, owner, wall, timeout) {
          const started = await rows.startSending(id, owner, wall, timeout);
          if (id === first!.id && !blinked) {
            blinked = true;
            throw new Error('Server has closed the connection.');
          }
          return started;
        },
      };
      let blinked = false;
      await worker('w1', NO_PACE, { outbox: blinking }).drain();
      expect((await stateOf('lost-answer')).map((r) => [r.state, r.attempts])).toEqual([
        ['sent', 1],
        ['sent', 1],
        ['sent', 1],
      ]);
      expect(deliverer.privates.filter((p) => p.person.id === people[0]!.id)).toHaveLength(1);
      expect(logger.lines.find((l) => l.message.includes('not started'))?.fields).toMatchObject({ key: first!.key, errorMessage: 'Server has closed the connection.' });
    });

    it('tells whoever started a fan-out, in their language and without names, how many arrived when not all did', async () => {
      deliverer.failures.set(people[2]!.id, [slackGone]);
      await enqueue('poll.invite:p1', people.slice(0, 5), { report: true });
      await worker('w1').drain();
      const toHr = deliverer.privates.filter((p) => p.person.id === hr.id);
      expect(toHr).toHaveLength(1);
      expect(toHr[0]!.message.text).toBe('The invitations to “Trivsel” were sent to 4 of 5.\n1 could not be reached (they have left the workspace or were deactivated).');
      expect(toHr[0]!.message.text).not.toContain(people[2]!.displayName);
      // Once only, however often the worker passes again.
      await worker('w2').drain();
      expect(deliverer.privates.filter((p) => p.person.id === hr.id)).toHaveLength(1);
    });

    it('says nothing to the starter when every message arrived', async () => {
      await enqueue('poll.invite:p2', people.slice(0, 3), { report: true });
      await worker('w1').drain();
      expect(deliverer.privates.filter((p) => p.person.id === hr.id)).toEqual([]);
      expect(await db.prisma.outboxBatch.findFirstOrThrow({ where: { subject: 'poll.invite:p2' } })).toMatchObject({ reportedAt: expect.any(Date) });
    });

    it('reports the lag of the oldest waiting message', async () => {
      expect(await rows.oldestPendingAgeMs(new Date())).toBeNull();
      await enqueue('lag', [people[0]!]);
      expect(await rows.oldestPendingAgeMs(new Date(Date.now() + 5000))).toBeGreaterThanOrEqual(4900);
    });
  });
}
