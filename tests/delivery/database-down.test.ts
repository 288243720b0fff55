// The database goes away for 30 s in the middle of a fan-out of 200 invitations: a real app
// process reaches PostgreSQL through a TCP proxy that the test cuts (every connection reset,
// new ones refused) and later lets through again. While it is away the process stays up,
// /healthz answers 200 and /readyz 503, and nothing is sent (a send needs its row marked
// first); once it is back, delivery resumes by itself and every invitation arrives exactly once.
// A send answered just as the database went has its outcome recorded when it returns, so it is
// neither resent nor reported unknown.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import {
  bundleReplica,
  duplicatesOf,
  fanOutCounts,
  invitationsAtFake,
  openPollFromHere,
  replicaEnv,
  seedPoll,
  startReplica,
  stop,
  TEAM,
  waitUntil,
  type FanOutCounts,
  type PollFanOut,
  type Replica,
} from '../support/outbox-world.ts';

const INVITED = 200;
const OUTAGE_MS = 30_000;
/**
 * One post per 50 ms, each answered after 50 ms: about ten seconds for the fan-out. A row stays
 * "sending" up to two minutes before it counts as lost, longer than the outage: a send answered
 * as the database went is recorded when it returns, not given up.
 */
const TUNING = {
  pacing: { slack: { conversationMs: 0, workspaceMs: 50 }, teams: { conversationMs: 0, workspaceMs: 0 }, playground: { conversationMs: 0, workspaceMs: 0 } },
  pollMs: 50,
  leaseMs: 5000,
  sendTimeoutMs: 120_000,
};

let url: string;
let db: Database;
let fake: FakeSlack;
let proxy: TcpProxy;
let replica: Replica;
let fanOut: PollFanOut;
let bundle: Awaited<ReturnType<typeof bundleReplica>>;
const output: string[] = [];
const duringOutage: Array<{ readyz: number; healthz: number; body: { checks?: Record<string, { ok: boolean }> } }> = [];
let sentAtCut = 0;
let postsDuringOutage = 0;
let resumedAfterMs = 0;
let settled: FanOutCounts;

const invitationPosts = () => fake.calls.filter((c) => c.method === 'chat.postMessage' && !c.error && String(c.args['channel']).startsWith('U0'));

async function probe(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, replica.url), { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  url = await createScratchDatabase();
  db = await openDatabase({ kind: 'postgresql', url });
  proxy = await startTcpProxy({ port: Number(new URL(url).port || 5432) });
  fake = await startFakeSlack({ teamId: TEAM });
  fake.latencyMs = 50;
  fanOut = await seedPoll(db, fake, { count: INVITED, title: 'Databasen væk' });
  bundle = await bundleReplica();
  replica = await startReplica(0, replicaEnv(fake, proxy.rewrite(url), TUNING), output, { bundle: bundle.path });
  expect((await probe('/readyz')).status).toBe(200);

  // The test's own connection goes straight to PostgreSQL; only the app's goes through the proxy.
  await openPollFromHere(db, fanOut.pollId);
  await waitUntil(async () => invitationPosts().length >= 40, { timeoutMs: 60_000, describe: () => output.slice(-20).join('') });
  proxy.pause('refuse');
  const cutAt = Date.now();
  sentAtCut = invitationPosts().length;
  // What was on its way at the cut may still be answered; after that nothing may go out.
  await sleep(2000);
  const afterSettling = invitationPosts().length;
  while (Date.now() - cutAt < OUTAGE_MS - 3000) {
    const [readyz, healthz] = await Promise.all([probe('/readyz'), probe('/healthz')]);
    duringOutage.push({ readyz: readyz.status, healthz: healthz.status, body: readyz.body });
    await sleep(3000);
  }
  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
  postsDuringOutage = invitationPosts().length - afterSettling;
  proxy.resume();
  const backAt = Date.now();
  await waitUntil(async () => invitationPosts().some((c) => c.at >= backAt), { timeoutMs: 60_000, everyMs: 20, describe: () => output.slice(-20).join('') });
  resumedAfterMs = invitationPosts().find((c) => c.at >= backAt)!.at - backAt;
  settled = await waitUntil(
    async () => {
      const counts = await fanOutCounts(db, fanOut.pollId);
      return counts.pending + counts.sending === 0 ? counts : null;
    },
    { timeoutMs: 60_000, describe: async () => `${JSON.stringify(await fanOutCounts(db, fanOut.pollId))}\n${output.slice(-20).join('')}` },
  );
  const unrecorded = output
    .join('')
    .split('\n')
    .filter((line) => line.includes('outbox outcome not recorded yet') && line.includes('"attempt":0')).length;
  console.log(
    `database down: cut after ${sentAtCut} sends for ${OUTAGE_MS} ms; ${unrecorded} answered as it went, recorded later; delivery resumed ${resumedAfterMs} ms after the database came back; settled: sent ${settled.sent}, unknown ${settled.unknown}, failed ${settled.failed}`,
  );
}, 180_000);

afterAll(async () => {
  if (replica) await stop(replica);
  await proxy?.close();
  await db?.close();
  await fake?.close();
  bundle?.remove();
  if (url) await dropScratchDatabase(url);
});

describe('the database away for 30 s in the middle of a fan-out of 200', () => {
  it('keeps the process alive: /healthz 200, /readyz 503 naming the database, throughout', () => {
    expect(duringOutage.length).toBeGreaterThanOrEqual(5);
    for (const probed of duringOutage) {
      expect(probed.healthz).toBe(200);
      expect(probed.readyz).toBe(503);
      expect(probed.body.checks?.['database']?.ok).toBe(false);
    }
    expect(replica.child.exitCode).toBeNull();
  });

  it('sends nothing while the database is away', () => {
    expect(sentAtCut).toBeLessThan(INVITED);
    expect(postsDuringOutage).toBe(0);
  });

  it('resumes by itself once it is back and delivers every invitation exactly once, none unknown', async () => {
    expect(resumedAfterMs).toBeLessThan(15_000);
    expect(duplicatesOf(invitationsAtFake(fake, fanOut))).toBe(0);
    expect([...invitationsAtFake(fake, fanOut).values()].every((n) => n === 1)).toBe(true);
    expect(settled).toMatchObject({ sent: INVITED, unknown: 0, failed: 0, pending: 0, sending: 0 });
    expect((await probe('/readyz')).status).toBe(200);
  });
});
