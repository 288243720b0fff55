// The storage audit of issue 14 ("No link in storage"), on PGlite and PostgreSQL: a poll with
// threshold 3 answered by known people in a known order, each answer carrying its answering
// position (answers[0] = position) so the audit can tell what an attacker would learn. Then every
// linkage an auditor tried — joining xmin, ctid order, the row order of a dump, a time or a
// sequence column, dead row versions — finds nothing once an answer's batch is mixed. The store is
// driven the way the core drives it (respond.ts: mix after each answer; jobs.ts: mix at close).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.ts';
import type { Poll } from '../../src/core/polls/model.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { createStore } from '../../src/store/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { dumpDatabase } from '../support/dump.ts';

const K = 3;
const N = 60;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
const positions = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Spearman's rank correlation of an order of positions 1..n against the answering order. */
function spearman(order: number[]): number {
  const n = order.length;
  const ranks = [...order].sort((a, b) => a - b);
  const d2 = order.reduce((sum, who, i) => sum + (ranks.indexOf(who) - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe.each(bothDatabases)('poll answers in storage on $name', (testDb) => {
  let db: Awaited<ReturnType<typeof testDb.open>>;
  let store: Store;
  let seq = 0;
  const sql = <T>(text: string, ...params: unknown[]) => db.prisma.$queryRawUnsafe<T[]>(text, ...params);

  beforeAll(async () => {
    db = await testDb.open();
    store = createStore(db.prisma);
    await Promise.all([1, 2, 3, 4].map(() => db.prisma.user.count()));
  });
  afterAll(async () => {
    await db?.close();
  });

  async function openPoll(count: number): Promise<{ poll: Poll; people: string[] }> {
    seq += 1;
    const ws = workspaceOf('playground');
    const people: string[] = [];
    for (let i = 0; i < count; i++) people.push((await store.upsertPerson({ platform: 'playground', workspace: ws, externalId: `p${seq}-${i}`, displayName: `P${i}` })).id);
    const group = await store.createGroup({
      platform: 'playground',
      workspace: ws,
      conversationId: `c${seq}`,
      name: 'G',
      language: 'da',
      timeZone: 'UTC',
      facilitatorId: people[0]!,
      memberIds: people.slice(1),
    });
    const poll = await store.createPoll(
      {
        title: 'Audit',
        instrumentId: null,
        questions: [],
        createdById: null,
        platform: 'playground',
        workspace: ws,
        audience: [group.id],
        opensAt: at(0),
        closesAt: at(60),
        reminders: 0,
        shareWithGroups: false,
        threshold: K,
        continues: null,
      },
      people.map((personId) => ({ personId, groupId: group.id })),
      at(0),
    );
    expect(await store.setPollStatus(poll.id, 'scheduled', 'open')).toBe(true);
    return { poll: { ...poll, status: 'open' }, people };
  }

  /** As respond.ts: store the answer, then mix when at least the threshold waits. */
  async function answer(poll: Poll, personId: string, position: number) {
    const outcome = await store.submitPollAnswer(poll.id, personId, { answers: [position], texts: [`answer ${position}`], score: position, flagged: false });
    if (outcome === 'saved') await store.mixPollAnswers(poll.id, poll.threshold);
    return outcome;
  }
  /** As jobs.ts closePoll. */
  async function close(poll: Poll) {
    expect(await store.setPollStatus(poll.id, 'open', 'closed')).toBe(true);
    await store.mixPollAnswers(poll.id, 0);
  }

  const xmins = async (table: string, pollId: string) => (await sql<{ x: string }>(`SELECT xmin::text AS x FROM "${table}" WHERE "pollId" = $1`, pollId)).map((r) => r.x);
  const physicalOrder = async (pollId: string) => (await sql<{ who: number }>(`SELECT answers[1] AS who FROM "PollResponse" WHERE "pollId" = $1 ORDER BY ctid`, pollId)).map((r) => r.who);

  /** No row of the poll's answers or waiting answers shares a transaction with a participant row. */
  async function expectNoSharedXmin(pollId: string) {
    const participants = new Set(await xmins('PollParticipant', pollId));
    const responses = await xmins('PollResponse', pollId);
    expect(responses.filter((x) => participants.has(x))).toEqual([]);
    // Even a waiting answer was written in a transaction of its own, not in its author's.
    expect((await xmins('PollPendingResponse', pollId)).filter((x) => participants.has(x))).toEqual([]);
    // A mix rewrites all of the poll's answers in one transaction: one xmin, so no order either.
    expect(new Set(responses).size).toBeLessThanOrEqual(1);
    const joined = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "PollResponse" r JOIN "PollParticipant" p ON p.xmin = r.xmin WHERE r."pollId" = $1`, pollId);
    expect(joined[0]!.n).toBe(0);
  }

  describe('a poll of 60 answered one by one, threshold 3', () => {
    let poll: Poll;
    let people: string[];
    beforeAll(async () => {
      ({ poll, people } = await openPoll(N));
    });

    it('keeps the first answers waiting, apart, until a batch of the threshold is reached', async () => {
      expect(await answer(poll, people[0]!, 1)).toBe('saved');
      expect(await answer(poll, people[1]!, 2)).toBe('saved');
      // The documented window: two answers wait; they name no one, but are not mixed yet.
      expect(await db.prisma.pollPendingResponse.count({ where: { pollId: poll.id } })).toBe(2);
      expect(await db.prisma.pollResponse.count({ where: { pollId: poll.id } })).toBe(0);
      expect(await answer(poll, people[2]!, 3)).toBe('saved');
      expect(await db.prisma.pollPendingResponse.count({ where: { pollId: poll.id } })).toBe(0);
      expect(await db.prisma.pollResponse.count({ where: { pollId: poll.id } })).toBe(3);
      await expectNoSharedXmin(poll.id);
    });

    it('(a) mid-poll, no mixed answer shares an xmin with any participant; the one waiting is the stated window', async () => {
      for (let i = 3; i < 31; i++) expect(await answer(poll, people[i]!, i + 1)).toBe('saved');
      expect(await db.prisma.pollResponse.count({ where: { pollId: poll.id } })).toBe(30);
      expect(await db.prisma.pollPendingResponse.count({ where: { pollId: poll.id } })).toBe(1);
      await expectNoSharedXmin(poll.id);
      expect(spearman(await physicalOrder(poll.id))).toBeLessThan(0.65);
    });

    it('(a) after close: all answers in one transaction, all participants in another, nothing waiting', async () => {
      for (let i = 31; i < N; i++) expect(await answer(poll, people[i]!, i + 1)).toBe('saved');
      await close(poll);
      expect(await db.prisma.pollPendingResponse.count({ where: { pollId: poll.id } })).toBe(0);
      await expectNoSharedXmin(poll.id);
      expect(new Set(await xmins('PollResponse', poll.id)).size).toBe(1);
      expect(new Set(await xmins('PollParticipant', poll.id)).size).toBe(1);
    });

    // A shuffle of 60 leaves Spearman's rho near 0 (sd 1/sqrt(59) ≈ 0.13); answering order gives 1,
    // and even shuffling only inside each batch of 3 gives about 0.99. |rho| ≥ 0.65 happens by
    // chance with p < 1e-6, and the exact answering order (or its reverse) with p = 2/60!.
    it('(b) the physical (ctid) order does not follow the answering order', async () => {
      const order = await physicalOrder(poll.id);
      expect([...order].sort((a, b) => a - b)).toEqual(positions(N));
      expect(order).not.toEqual(positions(N));
      expect(order).not.toEqual(positions(N).reverse());
      expect(Math.abs(spearman(order))).toBeLessThan(0.65);
      const participants = (await sql<{ userId: string }>(`SELECT "userId" FROM "PollParticipant" WHERE "pollId" = $1 ORDER BY ctid`, poll.id)).map((r) => people.indexOf(r.userId) + 1);
      expect(Math.abs(spearman(participants))).toBeLessThan(0.65);
    });

    it('(c) a plain dump (rows in physical order, no ORDER BY) does not reveal the order either', async () => {
      // What pg_dump emits: COPY … TO stdout, a sequential scan in physical order.
      const rows = await sql<{ answers: number[]; pollId: string }>(`SELECT * FROM "PollResponse"`);
      const order = rows.filter((r) => r.pollId === poll.id).map((r) => r.answers[0]!);
      expect(order).toHaveLength(N);
      expect(Math.abs(spearman(order))).toBeLessThan(0.65);
      if (db.url) {
        // And the real thing, on the server.
        const dump = await dumpDatabase(db.url, { table: 'PollResponse' });
        const dumped = dump
          .split('\n')
          .filter((l) => l.includes(poll.id))
          .map((l) => Number(/\{(\d+)\}/.exec(l)![1]));
        expect(dumped).toHaveLength(N);
        expect(Math.abs(spearman(dumped))).toBeLessThan(0.65);
      }
    });

    it('(d) no column of an answer is a time, a sequence or a person, and ids are random (v4)', async () => {
      const columns = await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_identity: string }>(
        `SELECT table_name, column_name, data_type, column_default, is_identity FROM information_schema.columns
          WHERE table_name IN ('PollResponse', 'PollPendingResponse') ORDER BY table_name, ordinal_position`,
      );
      for (const table of ['PollResponse', 'PollPendingResponse']) {
        expect(columns.filter((c) => c.table_name === table).map((c) => c.column_name)).toEqual(['id', 'pollId', 'groupId', 'answers', 'texts', 'score', 'flagged']);
      }
      expect(columns.filter((c) => /time|date|interval|serial/i.test(c.data_type) || c.is_identity === 'YES')).toEqual([]);
      expect(columns.filter((c) => c.column_default !== null).map((c) => `${c.column_name}=${c.column_default}`)).toEqual(['flagged=false', 'flagged=false']);
      const ids = await db.prisma.pollResponse.findMany({ where: { pollId: poll.id }, select: { id: true } });
      for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('counts every answer exactly once after close', async () => {
      const aggregates = await store.pollAggregates(poll.id);
      expect(aggregates.responded.reduce((n, r) => n + r.n, 0)).toBe(N);
      expect(aggregates.values.map((v) => [v.value, v.n]).sort((a, b) => a[0]! - b[0]!)).toEqual(positions(N).map((p) => [p, 1]));
      expect(aggregates.scores[0]).toMatchObject({ n: N, sum: (N * (N + 1)) / 2 });
      expect(aggregates.texts).toHaveLength(N);
    });

    it('leaves no dead row version behind: every tuple on disk is a live one (PostgreSQL, pageinspect)', async () => {
      // PGlite can load pageinspect only when it is created; the store opens it without, so this
      // look at the raw pages runs on the server, where the same VACUUM runs.
      if (!db.url) return expect(db.kind).toBe('pglite');
      await sql(`CREATE EXTENSION IF NOT EXISTS pageinspect`);
      for (const table of ['PollResponse', 'PollPendingResponse', 'PollParticipant']) {
        const onDisk = await sql<{ t_xmin: string; t_xmax: string }>(
          `SELECT t_xmin::text, t_xmax::text FROM generate_series(0, (pg_relation_size('"${table}"') / current_setting('block_size')::int)::int - 1) AS page,
                  heap_page_items(get_raw_page('"${table}"', page)) WHERE t_xmin IS NOT NULL`,
        );
        const live = new Set((await sql<{ x: string }>(`SELECT xmin::text AS x FROM "${table}"`)).map((r) => r.x));
        expect(
          onDisk.filter((t) => !live.has(t.t_xmin) || t.t_xmax !== '0'),
          table,
        ).toEqual([]);
      }
    });
  });

  it('one answer per person under concurrent submissions, and late answers are refused', async () => {
    const { poll, people } = await openPoll(8);
    const same = await Promise.all([1, 2, 3, 4].map(() => answer(poll, people[0]!, 1)));
    expect(same.filter((o) => o === 'saved')).toHaveLength(1);
    expect(same.filter((o) => o === 'already_answered')).toHaveLength(3);
    // Everyone else at once, twice each, while batches are being mixed.
    const rest = await Promise.all(people.slice(1).flatMap((id, i) => [answer(poll, id, i + 2), answer(poll, id, i + 2)]));
    expect(rest.filter((o) => o === 'saved')).toHaveLength(7);
    await close(poll);
    expect(await answer(poll, people[1]!, 99)).toBe('not_open');
    const aggregates = await store.pollAggregates(poll.id);
    expect(aggregates.responded.reduce((n, r) => n + r.n, 0)).toBe(8);
    expect(aggregates.values.map((v) => [v.value, v.n]).sort((a, b) => a[0]! - b[0]!)).toEqual(positions(8).map((p) => [p, 1]));
    expect(await db.prisma.pollPendingResponse.count({ where: { pollId: poll.id } })).toBe(0);
    expect((await store.participants(poll.id)).every((p) => p.answered)).toBe(true);
  });

  it('a poll that closes below the threshold still mixes its last answers, and counts them', async () => {
    const { poll, people } = await openPoll(5);
    await answer(poll, people[0]!, 1);
    await answer(poll, people[1]!, 2);
    // Until the close mixes them, the results read them from where they wait: none is lost.
    expect((await store.pollAggregates(poll.id)).responded.reduce((n, r) => n + r.n, 0)).toBe(2);
    await close(poll);
    expect(await db.prisma.pollPendingResponse.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await db.prisma.pollResponse.count({ where: { pollId: poll.id } })).toBe(2);
    await expectNoSharedXmin(poll.id);
  });
});
