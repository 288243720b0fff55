// Three real Lederrum processes on one PostgreSQL database deliver one poll's 200 invitations
// between them: each invitation arrives once at the fake Slack, every replica does part of
// the work, and the shared pacing lanes keep them together to the workspace's pace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import {
  bundleReplica,
  duplicatesOf,
  fanOutCounts,
  invitationsAtFake,
  invitationsBySender,
  openPollFromHere,
  replicaEnv,
  seedPoll,
  startReplica,
  stop,
  TEAM,
  waitUntil,
  type PollFanOut,
  type Replica,
} from '../support/outbox-world.ts';

const INVITED = 200;
/** One post per 10 ms in the workspace (shared by all three), each answered after 20 ms. */
const TUNING = {
  pacing: { slack: { conversationMs: 0, workspaceMs: 10 }, teams: { conversationMs: 0, workspaceMs: 0 }, playground: { conversationMs: 0, workspaceMs: 0 } },
  pollMs: 50,
  leaseMs: 5000,
  sendTimeoutMs: 20_000,
  backoff: { baseMs: 100, maxMs: 1000 },
};

let url: string;
let db: Database;
let fake: FakeSlack;
let fanOut: PollFanOut;
const replicas: Replica[] = [];
const output: string[] = [];
let tookMs = 0;
let bundle: Awaited<ReturnType<typeof bundleReplica>>;

beforeAll(async () => {
  url = await createScratchDatabase();
  db = await openDatabase({ kind: 'postgresql', url });
  fake = await startFakeSlack({ teamId: TEAM });
  fake.latencyMs = 20;
  fanOut = await seedPoll(db, fake, { count: INVITED, title: 'Tre replikaer' });
  bundle = await bundleReplica();
  replicas.push(...(await Promise.all([0, 1, 2].map((i) => startReplica(i, replicaEnv(fake, url, TUNING, `r${i}`), output, { bundle: bundle.path })))));
  const started = Date.now();
  await openPollFromHere(db, fanOut.pollId);
  await waitUntil(async () => (await fanOutCounts(db, fanOut.pollId)).sent === INVITED, {
    timeoutMs: 60_000,
    describe: async () => `${JSON.stringify(await fanOutCounts(db, fanOut.pollId))}\n${output.slice(-20).join('')}`,
  });
  tookMs = Date.now() - started;
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map(stop));
  await db?.close();
  await fake?.close();
  bundle?.remove();
  if (url) await dropScratchDatabase(url);
});

describe('three replicas share one fan-out of 200 invitations', () => {
  it('deliver every invitation exactly once', async () => {
    const perPerson = invitationsAtFake(fake, fanOut);
    const duplicates = duplicatesOf(perPerson);
    console.log(`replicas: ${INVITED} invitations in ${tookMs} ms, ${duplicates} duplicates`);
    expect(duplicates).toBe(0);
    expect([...perPerson.values()].filter((n) => n === 1)).toHaveLength(INVITED);
    expect(await fanOutCounts(db, fanOut.pollId)).toMatchObject({ sent: INVITED, pending: 0, sending: 0, failed: 0, unknown: 0 });
    // All arrived: HR hears nothing.
    expect(fake.directMessages(fanOut.hr.slackId)).toEqual([]);
  });

  it('split the work between all three', () => {
    const split = invitationsBySender(fake, fanOut);
    console.log(
      `replicas: split ${[...split]
        .sort()
        .map(([via, n]) => `${via}=${n}`)
        .join(' ')}`,
    );
    expect([...split.keys()].sort()).toEqual(['r0', 'r1', 'r2']);
    expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(INVITED);
  });
});
