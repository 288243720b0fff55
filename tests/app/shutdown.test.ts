// Stopping as an orchestrator stops a replica, with the compiled app in a child process
// (`node dist/src/main.js`): SIGTERM while a Teams reply is still on its way (the Bot Connector
// asked it to wait with Retry-After) — the process takes no new request, the reply is still
// delivered, and the process exits 0 within SHUTDOWN_GRACE_MS. A second signal exits at once.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, killCompiled, startCompiled } from '../support/compiled-app.ts';
import { messageActivity, postActivity, startFakeConnector, type FakeConnector } from '../support/fake-teams/index.ts';

const READY_WITHIN_MS = 40_000;
const GRACE_MS = 15_000;
const SARA = { id: '29:sara', aadObjectId: 'aad-sara', name: 'Sara Lund' };
const CHAT = 'a:personal-sara';

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const child of children.splice(0)) killCompiled(child);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Replica {
  child: ChildProcess;
  url: string;
  lines: () => Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The compiled app with Teams on (no credentials: local use), on a fresh PGlite directory, once it says it runs. */
async function startReplica(): Promise<Replica> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lederrum-shutdown-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const { child, stdout, stderr, exited } = startCompiled({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TEAMS: 'on', SHUTDOWN_GRACE_MS: String(GRACE_MS) });
  children.push(child);
  const lines = () =>
    stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const running = lines().find((line) => line['message'] === 'Lederrum is running');
    if (running) return { child, url: String(running['url']), lines, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not running within ${READY_WITHIN_MS} ms.\nstdout:\n${stdout()}\nstderr:\n${stderr()}`);
}

async function exitWithin(replica: Replica, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms after the signal`)), ms);
  });
  try {
    return await Promise.race([replica.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function fakeTeams(): Promise<FakeConnector> {
  const fake = await startFakeConnector();
  cleanups.push(() => fake.close());
  fake.addConversation({ id: CHAT, type: 'personal', members: [SARA] });
  return fake;
}

function help(fake: FakeConnector, id: string) {
  return messageActivity({
    from: SARA,
    conversation: { id: CHAT, conversationType: 'personal', tenantId: fake.tenantId },
    text: 'hjælp',
    serviceUrl: fake.serviceUrl,
    botId: '28:lederrum-bot',
    id,
    locale: 'da-DK',
    channelData: { tenant: { id: fake.tenantId } },
  });
}

const repliesTo = (fake: FakeConnector, id: string) => fake.recorded.filter((r) => r.op === 'reply' && r.conversationId === CHAT && r.replyToId === id);

describe('stopping on SIGTERM (node dist/src/main.js)', () => {
  beforeAll(() => {
    const build = buildOnce();
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);

  it('takes no new request, delivers the reply still on its way, and exits 0 within the grace', async () => {
    const fake = await fakeTeams();
    const replica = await startReplica();
    // The connector refuses the first reply with Retry-After: 2 s; the turn waits it out.
    fake.failNext('post', { status: 429, retryAfterSeconds: 2 });
    const answer = await postActivity(`${replica.url}api/messages`, help(fake, 'msg-1'));
    expect(answer.status).toBe(200);
    await fake.waitFor(() => repliesTo(fake, 'msg-1').some((r) => r.status === 429), 10_000);

    const signalled = Date.now();
    replica.child.kill('SIGTERM');
    // Stopping has begun: a new request is turned away (503) or finds no listener.
    await fake.waitFor(() => replica.lines().some((line) => line['message'] === 'stopping'), 5_000);
    const late = await fetch(new URL('/healthz', replica.url)).then(
      (response) => response.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    const { code, signal } = await exitWithin(replica, GRACE_MS);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const delivered = repliesTo(fake, 'msg-1').filter((r) => r.status < 300);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.at).toBeGreaterThan(signalled);
    expect(replica.lines().map((line) => line['message'])).toContain('stopped');
  }, 90_000);

  it('exits at once, with code 1, on a second signal', async () => {
    const fake = await fakeTeams();
    const replica = await startReplica();
    // This reply would wait 60 s, far beyond the grace: only a second signal ends the wait early.
    fake.failNext('post', { status: 429, retryAfterSeconds: 60 });
    expect((await postActivity(`${replica.url}api/messages`, help(fake, 'msg-2'))).status).toBe(200);
    await fake.waitFor(() => repliesTo(fake, 'msg-2').some((r) => r.status === 429), 10_000);
    replica.child.kill('SIGTERM');
    await fake.waitFor(() => replica.lines().some((line) => line['message'] === 'stopping'), 5_000);
    replica.child.kill('SIGINT');
    const { code } = await exitWithin(replica, 5_000);
    expect(code).toBe(1);
    expect(repliesTo(fake, 'msg-2').filter((r) => r.status < 300)).toEqual([]);
  }, 90_000);
});
