// A poll's 200 invitations while the process delivering them is killed (SIGKILL: no shutdown,
// nothing flushed) twenty times at random moments and started again each time, on PostgreSQL,
// against a fake Slack that takes 100 ms to answer each post. Exactly-once-or-reported: nobody
// gets an invitation twice; what was in flight at a kill (maybe arrived, maybe not) is reported
// unknown and never resent; everything else arrives once; nothing is left waiting; HR hears the
// counts. A loaded replica always waits in reserve (REPLICA_HOLD), so each restart costs the
// app's start, not the loading of its modules.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import {
  bundleReplica,
  duplicatesOf,
  fanOutCounts,
  invitationsAtFake,
  kill,
  openPollFromHere,
  replicaEnv,
  seedPoll,
  spawnReplica,
  stop,
  TEAM,
  waitUntil,
  type FanOutCounts,
  type LoadingReplica,
  type PollFanOut,
  type Replica,
} from '../support/outbox-world.ts';

const INVITED = 200;
const KILLS = 20;
const CONCURRENCY = 16;
/**
 * One post per 60 ms in the workspace, each answered after 100 ms: a run of a few hundred ms
 * sends a handful. A claim reserves slots at most 500 ms ahead (what a kill wastes of the lane);
 * a row a dead process only reserved is free again 1 s after its slot, one it left "sending" is
 * unknown after 4 s (well above a send's 100 ms, even on a loaded machine).
 */
const TUNING = {
  pacing: { slack: { conversationMs: 0, workspaceMs: 60 }, teams: { conversationMs: 0, workspaceMs: 0 }, playground: { conversationMs: 0, workspaceMs: 0 } },
  concurrency: CONCURRENCY,
  horizonMs: 500,
  pollMs: 50,
  leaseMs: 1000,
  sendTimeoutMs: 4000,
  backoff: { baseMs: 100, maxMs: 1000 },
};

let url: string;
let db: Database;
let fake: FakeSlack;
let fanOut: PollFanOut;
let bundle: Awaited<ReturnType<typeof bundleReplica>>;
const output: string[] = [];
const alive: Array<{ child: LoadingReplica['child'] }> = [];
/** Rows seen "sending" just after a kill: the messages in flight when a process died. */
const inFlightAtKills = new Set<string>();
let kills = 0;
/** When each kill fell (since the poll opened) and how long until the next process was up. */
const timeline: string[] = [];
let settled: FanOutCounts;
let tookMs = 0;

const randomMs = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

beforeAll(async () => {
  url = await createScratchDatabase();
  db = await openDatabase({ kind: 'postgresql', url });
  fake = await startFakeSlack({ teamId: TEAM });
  fake.latencyMs = 100;
  fanOut = await seedPoll(db, fake, { count: INVITED, title: 'Nedbrud' });
  bundle = await bundleReplica();
  const env = replicaEnv(fake, url, TUNING);
  let next = 0;
  const reserve: LoadingReplica[] = [];
  const refill = () => {
    while (reserve.length < 2) {
      const loading = spawnReplica(next++, env, output, { bundle: bundle.path, hold: true });
      alive.push(loading);
      reserve.push(loading);
    }
  };
  refill();
  await Promise.all(reserve.map((r) => r.loaded));

  const started = Date.now();
  await openPollFromHere(db, fanOut.pollId);
  let current: Replica = await reserve.shift()!.go();
  refill();
  for (kills = 0; kills < KILLS; ) {
    // A random moment; sooner when what is left might not outlast the kills still to come.
    const left = await fanOutCounts(db, fanOut.pollId);
    if (left.pending + left.sending === 0) break;
    await sleep(left.pending > (KILLS - kills) * 4 ? randomMs(100, 800) : randomMs(20, 150));
    await kill(current);
    kills++;
    for (const row of await db.prisma.outboxMessage.findMany({ where: { state: 'sending' }, select: { id: true } })) inFlightAtKills.add(row.id);
    const down = Date.now();
    current = await reserve.shift()!.go();
    refill();
    timeline.push(`${((down - started) / 1000).toFixed(1)}s+${Date.now() - down}ms`);
  }
  // The last one is left to finish: the rows the dead left sending turn unknown, the rest go out.
  settled = await waitUntil(
    async () => {
      const counts = await fanOutCounts(db, fanOut.pollId);
      return counts.pending + counts.sending === 0 ? counts : null;
    },
    { timeoutMs: 90_000, describe: async () => `${JSON.stringify(await fanOutCounts(db, fanOut.pollId))} after kills at ${timeline.join(' ')}\n${output.slice(-20).join('')}` },
  );
  tookMs = Date.now() - started;
  await waitUntil(async () => (await db.prisma.outboxBatch.findFirst({ where: { subject: `poll.invite:${fanOut.pollId}` } }))?.reportedAt, { timeoutMs: 20_000 });
  if (settled.sent < INVITED) await waitUntil(async () => fake.directMessages(fanOut.hr.slackId).length > 0, { timeoutMs: 20_000, describe: () => output.slice(-20).join('') });
  console.log(
    `crash: ${kills} kills, settled ${tookMs} ms after the poll opened; sent ${settled.sent}, unknown ${settled.unknown}, failed ${settled.failed}; in flight at the kills ${inFlightAtKills.size} (bound ${CONCURRENCY * KILLS}); kills at ${timeline.join(' ')}`,
  );
}, 240_000);

afterAll(async () => {
  await Promise.all(alive.map(stop));
  await db?.close();
  await fake?.close();
  bundle?.remove();
  if (url) await dropScratchDatabase(url);
});

describe(`a fan-out of ${INVITED} invitations through ${KILLS} kills`, () => {
  it('was killed twenty times while it was still under way', () => {
    expect(kills).toBe(KILLS);
  });

  it('gives nobody an invitation twice, and every sent one arrived once', async () => {
    const perPerson = invitationsAtFake(fake, fanOut);
    const duplicates = duplicatesOf(perPerson);
    console.log(`crash: ${duplicates} duplicates at the fake`);
    expect(duplicates).toBe(0);
    const rows = await db.prisma.outboxMessage.findMany({ where: { key: { startsWith: `poll.invite:${fanOut.pollId}|` } } });
    const slackIdOf = new Map(fanOut.people.map((p) => [p.id, p.slackId]));
    for (const row of rows.filter((r) => r.state === 'sent')) expect(perPerson.get(slackIdOf.get(row.personId)!), row.key).toBe(1);
    // Unknown: it may have arrived or not; either way at most once.
    for (const row of rows.filter((r) => r.state === 'unknown')) expect(perPerson.get(slackIdOf.get(row.personId)!)).toBeLessThanOrEqual(1);
  });

  it('settles all 200: sent or unknown, nothing left waiting, unknown only for what was in flight at a kill', async () => {
    expect(settled).toMatchObject({ pending: 0, sending: 0, failed: 0, total: INVITED });
    expect(settled.sent + settled.unknown).toBe(INVITED);
    expect(settled.unknown).toBeLessThanOrEqual(CONCURRENCY * KILLS);
    const unknown = await db.prisma.outboxMessage.findMany({ where: { key: { startsWith: `poll.invite:${fanOut.pollId}|` }, state: 'unknown' }, select: { id: true, message: true } });
    for (const row of unknown) expect(inFlightAtKills.has(row.id)).toBe(true);
    expect(unknown.every((r) => r.message === null)).toBe(true);
  });

  it('tells HR how many of 200 were sent, and that the unknown ones are not resent, without names', () => {
    const reports = fake.directMessages(fanOut.hr.slackId);
    if (settled.unknown === 0) return expect(reports).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.text).toBe(
      `The invitations to “Nedbrud” were sent to ${settled.sent} of ${INVITED}.\n${settled.unknown} may not have arrived (Lederrum restarted while sending) and are not resent, so nobody gets it twice.`,
    );
  });
});
